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

/**
 * FixMyStreet's Open311 client (perllib/Open311.pm, send_service_request): jurisdiction_id, api_key,
 * lat, long, email, description ("title: …\n\ndetail: …\n\nurl: …\n\nSubmitted via FixMyStreet"),
 * service_code, first_name (the user's name up to its first space) and last_name ('' when none); phone
 * only when the user gave one; media_url for photos; attribute[…] for every extra field it holds.
 */
describe('FixMyStreet-shaped Open311 reports', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  const fixMyStreet = (overrides: Record<string, string | string[]> = {}) => ({
    jurisdiction_id: '',
    api_key: 'demo-open311-key',
    lat: '38.908793',
    long: '121.602056',
    email: 'resident@example.com',
    description:
      'title:  暖气不热\n\ndetail: 家里只有14度\n\nurl: https://fms.example.org/report/17\n\nSubmitted via FixMyStreet',
    service_code: 'heating.no-heat',
    first_name: 'Maximilianus-Alexander-Christophorus-Bartholomaeus',
    last_name: '',
    'attribute[room_temperature]': '14',
    'attribute[fixmystreet_id]': '17',
    'attribute[closest_address]': '锦绣小区5号楼',
    ...overrides,
  });

  it('accepts an ordinary report: e-mail and no phone, several photos, unknown attributes, a long first name', async () => {
    const r = await open311<{ token: string }[]>(
      stack.api.url,
      'POST',
      'requests.json',
      fixMyStreet({ media_url: ['https://fms.example.org/photo/17.0.jpeg', 'https://fms.example.org/photo/17.1.jpeg'] }),
    );
    expect(r.status).toBe(201);
    const [row] = (
      await stack.db.query<{ id: string; media_url: string; media_urls: string[]; attributes: Record<string, unknown> }>(
        'SELECT case_id AS id, media_url, media_urls, attributes FROM open311_requests WHERE token = $1',
        [r.data[0].token],
      )
    ).rows;
    expect(row.media_urls).toEqual(['https://fms.example.org/photo/17.0.jpeg', 'https://fms.example.org/photo/17.1.jpeg']);
    expect(row.media_url).toBe('https://fms.example.org/photo/17.0.jpeg');
    expect(row.attributes).toEqual({ room_temperature: 14 });
    const c = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${row.id}`);
    expect(c.body.caller).toMatchObject({ name: 'Maximilianus-Alexander-Christophorus-Bartholomaeus', phone: null });
    expect(c.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
  });

  it('accepts one with a phone too, and still refuses what the spec forbids', async () => {
    expect((await open311(stack.api.url, 'POST', 'requests.xml', fixMyStreet({ phone: '13912340000' }))).status).toBe(201);
    expect((await open311(stack.api.url, 'POST', 'requests.xml', fixMyStreet({ phone: 'call me' }))).status).toBe(400);
    expect((await open311(stack.api.url, 'POST', 'requests.xml', fixMyStreet({ media_url: 'javascript:alert(1)' }))).status).toBe(
      400,
    );
    expect((await open311(stack.api.url, 'POST', 'requests.xml', fixMyStreet({ colour: 'red' }))).status).toBe(400);
  });
});
