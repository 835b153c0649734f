/** A plausible order of the city platform (a heating complaint in Baiyun street), for tests and demos. */
export function sampleOrder(orderNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    orderNo,
    receivedAt: new Date(now - 60_000).toISOString(),
    deadlines: { accept: new Date(now + 30 * 60_000).toISOString(), reply: new Date(now + 3 * 24 * 3600_000).toISOString() },
    category: '供暖>暖气不热',
    title: '暖气不热',
    description: '家里暖气不热，室温只有12度（市12345转办）',
    address: '白云街道云峰社区5号楼',
    callerName: '王五',
    callerPhone: '13900001234',
    lat: 38.908793,
    lng: 121.602056,
    ...overrides,
  };
}
