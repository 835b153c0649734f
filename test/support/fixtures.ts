/** Intake bodies that pass validation, varied per test by spreading overrides. */
export const BAIYUN_POINT = { lat: 38.908793, lng: 121.602056 }; // inside grid baiyun-01-g1
export const OUTSIDE_DISTRICT = { lat: 38.92, lng: 121.59 };
/** On the edge shared by baiyun-04-g3 and renminguangchang-04-g1 (also the street border). */
export const SHARED_EDGE_POINT = { lat: 38.9309875, lng: 121.612186 };

export function heatingComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'complaint',
    categoryCode: 'heating.no-heat',
    channel: 'phone',
    priority: 'normal',
    title: '暖气不热',
    description: '家里暖气不热，室温只有12度，老人孩子受不了',
    address: '白云街道云峰社区5号楼2单元',
    ...BAIYUN_POINT,
    callerName: '张三',
    callerPhone: '13812345678',
    confidential: false,
    ...overrides,
  };
}

/** A category the seed rules deliberately leave uncovered: the case waits for a dispatcher. */
export function neighbourhoodDispute(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return heatingComplaint({
    categoryCode: 'public-safety.neighbourhood-dispute',
    title: '楼上噪音纠纷',
    description: '楼上邻居每天深夜装修，协商无果',
    ...overrides,
  });
}

/** A phone unique to a test, so caller-history assertions never see other tests' cases. */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
