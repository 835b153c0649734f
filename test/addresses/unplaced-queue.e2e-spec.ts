import { heatingComplaint, useStack, type CaseBody, type CaseEventBody, type ErrorBody, type Page } from '@hotline/testing';
import { open311 } from '../open311/open311-client';

interface AddressItem {
  id: string;
  label: string;
  grid: { code: string };
  lat: number;
  lng: number;
}

/** Open311 placed by address_string; what stays unplaced waits in 待定位 until a dispatcher places it. */
describe('待定位: Open311 address_string and the dispatchers’ placing', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  const form = (overrides: Record<string, string> = {}) => ({
    api_key: 'demo-open311-key',
    service_code: 'heating.no-heat',
    'attribute[room_temperature]': '14',
    first_name: '小明',
    last_name: '王',
    phone: '13912340000',
    description: '暖气不热，家里只有14度',
    ...overrides,
  });
  const caseOfToken = async (token: string) =>
    (await stack.db.query<{ id: string }>('SELECT case_id AS id FROM open311_requests WHERE token = $1', [token])).rows[0].id;

  it('places an Open311 request by its address_string when no lat/long come', async () => {
    const r = await open311<{ token: string }[]>(
      stack.api.url,
      'POST',
      'requests.json',
      form({ address_string: '西岗区白云街道锦绣小区5号楼3单元' }),
    );
    expect(r.status).toBe(201);
    const id = await caseOfToken(r.data[0].token);
    const c = await stack.client.as<CaseBody>('dispatcher', 'GET', `/api/v1/cases/${id}`);
    expect(c.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
    expect(c.body.address).toBe('西岗区白云街道锦绣小区5号楼3单元');
  });

  it('takes an Open311 request whose address names no single entry in unplaced, and a dispatcher places it', async () => {
    const r = await open311<{ token: string }[]>(
      stack.api.url,
      'POST',
      'requests.json',
      form({ address_string: '锦绣小区5号楼' }),
    );
    expect(r.status).toBe(201);
    const id = await caseOfToken(r.data[0].token);
    const queue = await stack.client.as<Page<CaseBody>>('dispatcher', 'GET', '/api/v1/cases?grid=_none&pageSize=100');
    expect(queue.body.items.map((c) => c.id)).toContain(id);

    const [address] = (
      await stack.client.as<{ items: AddressItem[] }>(
        'dispatcher',
        'GET',
        `/api/v1/addresses?q=${encodeURIComponent('香炉礁 锦绣小区5号楼')}`,
      )
    ).body.items;
    expect(address.grid.code).toBe('xianglujiao-01-g3');
    expect((await stack.client.as('operator', 'POST', `/api/v1/cases/${id}/place`, { addressId: address.id })).status).toBe(403);
    const placed = await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${id}/place`, { addressId: address.id });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ grid: { code: 'xianglujiao-01-g3' }, lat: address.lat, lng: address.lng });
    const events = await stack.client.as<CaseEventBody[]>('dispatcher', 'GET', `/api/v1/cases/${id}/events`);
    expect(events.body.find((e) => e.type === 'placed')).toMatchObject({
      actor: expect.objectContaining({ role: 'dispatcher' }) as unknown,
      data: { method: 'addressId', addressId: address.id, gridCode: 'xianglujiao-01-g3' },
    });
    const again = await stack.client.as<ErrorBody>('dispatcher', 'POST', `/api/v1/cases/${id}/place`, { addressId: address.id });
    expect(again.status).toBe(409);
    const queueAfter = await stack.client.as<Page<CaseBody>>('dispatcher', 'GET', '/api/v1/cases?grid=_none&pageSize=100');
    expect(queueAfter.body.items.map((c) => c.id)).not.toContain(id);
  });

  it('places by a map point in GCJ-02, and refuses a point outside the district', async () => {
    const later = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ lat: undefined, lng: undefined, address: '云峰那边', placeLater: true }),
    );
    expect(later.body.grid).toBeNull();
    const outside = await stack.client.as<ErrorBody>('dispatcher', 'POST', `/api/v1/cases/${later.body.id}/place`, {
      lat: 38.92,
      lng: 121.59,
    });
    expect(outside.status).toBe(400);
    const placed = await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${later.body.id}/place`, {
      lat: 38.909301,
      lng: 121.605622,
      coordinateSystem: 'gcj02',
    });
    expect(placed.status).toBe(200);
    expect(placed.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
  });
});
