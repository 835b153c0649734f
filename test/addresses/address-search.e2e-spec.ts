import { useStack } from '@hotline/testing';

interface AddressItem {
  id: string;
  label: string;
  street: { code: string; name: string };
  community: { code: string; name: string };
  grid: { code: string; name: string };
  lat: number;
  lng: number;
}

/** GET /api/v1/addresses over the seeded register (seeds/addresses.json). */
describe('address search (标准地址库)', () => {
  const stack = useStack();
  const search = (q: string, limit?: number) =>
    stack.client.as<{ items: AddressItem[] }>(
      'operator',
      'GET',
      `/api/v1/addresses?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
    );

  it('answers the contract: items with id, label, street, community, grid and the point', async () => {
    const r = await search('锦绣小区5号楼');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['items']);
    const [first] = r.body.items;
    expect(Object.keys(first).sort()).toEqual(['community', 'grid', 'id', 'label', 'lat', 'lng', 'street']);
    expect(first).toMatchObject({
      label: '锦绣小区5号楼',
      street: { code: 'baiyun', name: '白云街道' },
      community: { code: 'baiyun-01', name: '云峰社区' },
      grid: { code: 'baiyun-01-g1' },
    });
    // Two compounds share the name (as real districts have two 锦绣小区): both are offered.
    expect(r.body.items.filter((a) => a.label === '锦绣小区5号楼').map((a) => a.grid.code)).toEqual([
      'baiyun-01-g1',
      'xianglujiao-01-g3',
    ]);
  });

  it('matches parts in any order, the community, an old name and pinyin initials', async () => {
    const inOrder = await search('云峰 5号楼', 50);
    const reversed = await search('5号楼 云峰', 50);
    expect(inOrder.body.items.length).toBeGreaterThan(1);
    expect(reversed.body.items.map((a) => a.id)).toEqual(inOrder.body.items.map((a) => a.id));
    for (const a of inOrder.body.items) {
      expect(a.label).toMatch(/(^|[^\d])5号楼/);
      expect(a.community.name + a.label).toMatch(/云峰/);
    }
    const oldName = await search('云峰新村 5号楼');
    expect(oldName.body.items[0]).toMatchObject({ label: '锦绣小区5号楼', grid: { code: 'baiyun-01-g1' } });
    const initials = await search('jxxq 5号楼');
    expect(initials.body.items.map((a) => a.label)).toContain('锦绣小区5号楼');
  });

  it('finds a door by road and number, and shortest labels first', async () => {
    const door = await search('中山路');
    expect(door.body.items.length).toBe(10);
    const lengths = door.body.items.map((a) => a.label.length);
    expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
  });

  it('answers nothing for words the register does not hold, and 400 for a missing or bad q or limit', async () => {
    expect((await search('火星基地')).body.items).toEqual([]);
    expect((await search('，。')).body.items).toEqual([]);
    expect((await stack.client.as('operator', 'GET', '/api/v1/addresses')).status).toBe(400);
    expect((await stack.client.as('operator', 'GET', '/api/v1/addresses?q=a&limit=0')).status).toBe(400);
    expect((await stack.client.as('operator', 'GET', '/api/v1/addresses?q=a&limit=51')).status).toBe(400);
  });
});
