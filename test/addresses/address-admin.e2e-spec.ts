import {
  ApiClient,
  BAIYUN_POINT,
  heatingComplaint,
  OUTSIDE_DISTRICT,
  startApi,
  useStack,
  type CaseBody,
  type ErrorBody,
  type RunningApi,
} from '@hotline/testing';

interface AdminAddress {
  id: string;
  code: string;
  kind: string;
  label: string;
  aliases: string[];
  grid: { code: string };
  lat: number;
  lng: number;
  retiredAt: string | null;
}
interface AuditItem {
  entity: string;
  entityId: string;
  action: string;
  actorUsername: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** In grid baiyun-01-g2 (沿海街23号's point). */
const G2_POINT = { lat: 38.909126, lng: 121.604788 };

/**
 * Admins add, correct and retire register addresses (issue 17): checked against the grid map, audited,
 * searchable (and no longer, once retired) at once in every API process, and never taken from a case.
 */
describe('the address register administered', () => {
  const stack = useStack({ worker: false });
  let second: RunningApi;
  let secondClient: ApiClient;
  beforeAll(async () => {
    second = await startApi();
    secondClient = new ApiClient(second.url);
  });
  afterAll(() => second?.close());

  const labels = async (client: ApiClient, q: string) =>
    (
      await client.as<{ items: Array<{ id: string; label: string }> }>(
        'operator',
        'GET',
        `/api/v1/addresses?q=${encodeURIComponent(q)}&limit=50`,
      )
    ).body.items.map((a) => a.label);
  const auditOf = async (id: string) =>
    (await stack.client.as<{ items: AuditItem[] }>('admin', 'GET', `/api/v1/audit?entity=address&entityId=${id}`)).body.items;
  const count = async () => Number((await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM addresses')).rows[0].n);

  it('adds a building whose grid comes from its point, found at once by label, old name and in another process', async () => {
    const created = await stack.client.as<AdminAddress>('admin', 'POST', '/api/v1/addresses', {
      kind: 'building',
      label: '锦鲤花园8号楼',
      aliases: ['鲤鱼新村8号楼'],
      ...BAIYUN_POINT,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'building',
      label: '锦鲤花园8号楼',
      grid: { code: 'baiyun-01-g1' },
      retiredAt: null,
    });
    expect(created.body.code).toMatch(/^adm-/);
    expect(await labels(stack.client, '锦鲤 8号楼')).toContain('锦鲤花园8号楼');
    expect(await labels(secondClient, '鲤鱼新村8号楼')).toContain('锦鲤花园8号楼');
    expect(await labels(secondClient, 'jlhy')).toContain('锦鲤花园8号楼');

    // Free text now places on it exactly (compound + building), as on any seeded building.
    const c = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', {
      ...heatingComplaint({ address: '白云街道锦鲤花园8号楼3单元' }),
      lat: undefined,
      lng: undefined,
    });
    expect(c.status).toBe(201);
    expect(c.body.grid).toMatchObject({ code: 'baiyun-01-g1' });

    const [audit] = await auditOf(created.body.id);
    expect(audit).toMatchObject({
      action: 'create',
      actorUsername: 'admin',
      after: expect.objectContaining({ label: '锦鲤花园8号楼' }) as unknown,
    });
  });

  it('refuses an address whose point is not in its grid or not in the district, or without a label: 400, nothing added', async () => {
    const before = await count();
    const post = (body: Record<string, unknown>) =>
      stack.client.as<ErrorBody>('admin', 'POST', '/api/v1/addresses', {
        kind: 'building',
        label: '锦鲤花园9号楼',
        ...BAIYUN_POINT,
        ...body,
      });
    const wrongGrid = await post({ gridCode: 'baiyun-01-g2' });
    expect(wrongGrid.status).toBe(400);
    expect(wrongGrid.body.details).toContainEqual({
      field: 'gridCode',
      reason: 'the point lies in grid baiyun-01-g1, not in baiyun-01-g2',
    });
    const outside = await post(OUTSIDE_DISTRICT);
    expect(outside.status).toBe(400);
    expect(outside.body.details.map((d) => d.field)).toContain('lat');
    expect((await post({ label: '' })).status).toBe(400);
    expect((await post({ label: '，。' })).body.details).toContainEqual(expect.objectContaining({ field: 'label' }));
    expect((await post({ label: '锦鲤花园' })).body.details).toContainEqual(expect.objectContaining({ field: 'label' }));
    expect((await post({ aliases: ['锦鲤花园9号楼'] })).body.details).toContainEqual(
      expect.objectContaining({ field: 'aliases.0' }),
    );
    expect((await post({ gridCode: 'no-such-grid' })).status).toBe(400);
    expect((await post({ extra: 1 })).status).toBe(400);
    expect(
      (
        await stack.client.as('operator', 'POST', '/api/v1/addresses', {
          kind: 'building',
          label: '锦鲤花园9号楼',
          ...BAIYUN_POINT,
        })
      ).status,
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  it('corrects the label and moves the point into another grid: search answers the new label in every process, audited before and after', async () => {
    const created = (
      await stack.client.as<AdminAddress>('admin', 'POST', '/api/v1/addresses', {
        kind: 'place',
        label: '翠湖菜市场',
        ...BAIYUN_POINT,
      })
    ).body;
    const patched = await stack.client.as<AdminAddress>('admin', 'PATCH', `/api/v1/addresses/${created.id}`, {
      label: '翠湖农贸市场',
      aliases: ['翠湖菜市场'],
      ...G2_POINT,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      label: '翠湖农贸市场',
      aliases: ['翠湖菜市场'],
      grid: { code: 'baiyun-01-g2' },
      ...G2_POINT,
    });
    expect(await labels(secondClient, '翠湖农贸')).toEqual(['翠湖农贸市场']);
    expect(await labels(secondClient, '翠湖菜市场')).toEqual(['翠湖农贸市场']);

    // A point said to be in a grid it is not in is refused, and the address stays as it was.
    const wrong = await stack.client.as<ErrorBody>('admin', 'PATCH', `/api/v1/addresses/${created.id}`, {
      gridCode: 'baiyun-01-g1',
    });
    expect(wrong.status).toBe(400);
    expect((await stack.client.as<AdminAddress>('admin', 'GET', `/api/v1/addresses/${created.id}`)).body.grid.code).toBe(
      'baiyun-01-g2',
    );

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0].before).toMatchObject({ label: '翠湖菜市场' });
    expect(audit[0].after).toMatchObject({ label: '翠湖农贸市场' });
  });

  it('retires an address and what lies under it: no longer found or placed by, a case placed by it keeps its own', async () => {
    const compound = (
      await stack.client.as<AdminAddress>('admin', 'POST', '/api/v1/addresses', {
        kind: 'compound',
        label: '锦鲤家园',
        ...G2_POINT,
      })
    ).body;
    const building = (
      await stack.client.as<AdminAddress>('admin', 'POST', '/api/v1/addresses', {
        kind: 'building',
        label: '锦鲤家园2号楼',
        parentId: compound.id,
        ...G2_POINT,
      })
    ).body;
    const placed = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', {
      ...heatingComplaint({ address: undefined, addressId: building.id }),
      lat: undefined,
      lng: undefined,
    });
    expect(placed.status).toBe(201);

    const retired = await stack.client.as<AdminAddress>('admin', 'POST', `/api/v1/addresses/${compound.id}/retire`, {
      reason: '整体拆迁',
    });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    expect(await labels(stack.client, '锦鲤家园')).toEqual([]);
    expect(await labels(secondClient, '锦鲤家园')).toEqual([]);
    expect(
      (await stack.client.as<AdminAddress>('admin', 'GET', `/api/v1/addresses/${building.id}`)).body.retiredAt,
    ).not.toBeNull();

    // Placement by it: refused by id, and free text naming it places nothing.
    const byId = await secondClient.as<ErrorBody>('operator', 'POST', '/api/v1/cases', {
      ...heatingComplaint({ address: undefined, addressId: building.id }),
      lat: undefined,
      lng: undefined,
    });
    expect(byId.status).toBe(400);
    const byText = await secondClient.as<ErrorBody>('operator', 'POST', '/api/v1/cases', {
      ...heatingComplaint({ address: '锦鲤家园2号楼' }),
      lat: undefined,
      lng: undefined,
    });
    expect(byText.status).toBe(400);
    expect(byText.body.error).toBe('AddressNotPlaced');

    const kept = await stack.client.as<CaseBody>('operator', 'GET', `/api/v1/cases/${placed.body.id}`);
    expect(kept.body).toMatchObject({ address: '锦鲤家园2号楼', grid: { code: 'baiyun-01-g2' }, ...G2_POINT });

    // A retired address is not corrected (add a new one); retiring it again changes nothing.
    expect((await stack.client.as('admin', 'PATCH', `/api/v1/addresses/${building.id}`, { label: '锦鲤家园3号楼' })).status).toBe(
      409,
    );
    const again = await stack.client.as<AdminAddress>('admin', 'POST', `/api/v1/addresses/${compound.id}/retire`, {});
    expect(again.body.retiredAt).toBe(retired.body.retiredAt);
    const buildingAudit = await auditOf(building.id);
    expect(buildingAudit[0]).toMatchObject({
      action: 'retire',
      after: expect.objectContaining({ retiredWith: compound.id }) as unknown,
    });
    expect((await auditOf(compound.id)).filter((a) => a.action === 'retire')).toHaveLength(1);
  });

  it('a change of an address without its audit row cannot commit', async () => {
    await expect(stack.db.query(`UPDATE addresses SET label = label || 'x' WHERE code = 'baiyun-01-g1.r101'`)).rejects.toThrow(
      /audit row missing: address/,
    );
  });
});
