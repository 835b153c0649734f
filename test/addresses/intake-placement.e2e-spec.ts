import { heatingComplaint, useStack, type CaseBody, type CaseEventBody, type ErrorBody } from '@hotline/testing';

interface AddressItem {
  id: string;
  label: string;
  grid: { code: string };
  lat: number;
  lng: number;
}

/** Every intake path places the case (issue 17): register id, exact free text, converted coordinates, Open311. */
describe('intake placement (定位)', () => {
  const stack = useStack();
  const noPoint = { lat: undefined, lng: undefined };
  const find = async (q: string) =>
    (await stack.client.as<{ items: AddressItem[] }>('operator', 'GET', `/api/v1/addresses?q=${encodeURIComponent(q)}`)).body
      .items;
  const placementOf = async (id: string) => {
    const events = await stack.client.as<CaseEventBody[]>('operator', 'GET', `/api/v1/cases/${id}/events`);
    return (events.body[0].data as { placement?: unknown }).placement;
  };

  it('places a case by addressId: the register label, point and grid', async () => {
    const [address] = await find('云峰新村 5号楼');
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: undefined, addressId: address.id }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      address: '锦绣小区5号楼',
      lat: address.lat,
      lng: address.lng,
      grid: { code: 'baiyun-01-g1' },
      community: { code: 'baiyun-01' },
    });
    expect(await placementOf(created.body.id)).toEqual({ method: 'addressId', addressId: address.id });
  });

  it('refuses an unknown addressId, and addressId together with coordinates', async () => {
    const unknown = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, addressId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'addressId' })]);
    const [address] = await find('中山路');
    const both = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ addressId: address.id }),
    );
    expect(both.status).toBe(400);
    expect(both.body.details.map((d) => d.field)).toEqual(['addressId']);
  });

  it('places free text on one exact door or building, and keeps what the caller said', async () => {
    const door = (await find('中山路')).find((a) => /^中山路\d+号$/.test(a.label))!;
    const byDoor = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: `西岗区${door.label}门口` }),
    );
    expect(byDoor.status).toBe(201);
    expect(byDoor.body).toMatchObject({ address: `西岗区${door.label}门口`, grid: { code: door.grid.code }, lat: door.lat });
    expect(await placementOf(byDoor.body.id)).toEqual({ method: 'addressText', addressId: door.id });

    // Two 锦绣小区 in the district: the street named in the text singles one out.
    const byBuilding = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: '白云街道锦绣小区5栋2单元501' }),
    );
    expect(byBuilding.status).toBe(201);
    expect(byBuilding.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
  });

  it('offers candidates and takes nothing in when free text names no single entry', async () => {
    const before = await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM cases');
    const ambiguous = await stack.client.as<ErrorBody & { candidates: AddressItem[] }>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: '锦绣小区5号楼' }),
    );
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toMatchObject({ error: 'AddressNotPlaced', details: [{ field: 'address' }] });
    expect(ambiguous.body.candidates.map((c) => c.grid.code)).toEqual(['baiyun-01-g1', 'xianglujiao-01-g3']);
    const vague = await stack.client.as<ErrorBody & { candidates: AddressItem[] }>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: '云峰社区锦绣小区门口' }),
    );
    expect(vague.status).toBe(400);
    expect(vague.body.candidates.length).toBeGreaterThan(0);
    const after = await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM cases');
    expect(after.rows[0].n).toBe(before.rows[0].n);

    const later = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, address: '锦绣小区5号楼', placeLater: true }),
    );
    expect(later.status).toBe(201);
    expect(later.body.grid).toBeNull();
    expect(await placementOf(later.body.id)).toEqual({ method: 'none' });
  });

  it('converts a GCJ-02 or BD-09 point into the right grid', async () => {
    // 锦绣小区5号楼's neighbour door, 60 m inside baiyun-01-g1's east edge; its GCJ-02 reading lies in baiyun-01-g2.
    const wgs = { lng: 121.600684, lat: 38.908533 };
    const gcj = { lng: 121.605622, lat: 38.909301 };
    const bd = { lng: 121.612227, lat: 38.915041 };
    const asIs = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint(gcj));
    expect(asIs.body.grid).toMatchObject({ code: 'baiyun-01-g2' });
    for (const [system, point] of [
      ['gcj02', gcj],
      ['bd09', bd],
    ] as const) {
      const r = await stack.client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        heatingComplaint({ ...point, coordinateSystem: system }),
      );
      expect(r.status).toBe(201);
      expect(r.body.grid).toMatchObject({ code: 'baiyun-01-g1' });
      expect(Math.abs(r.body.lat! - wgs.lat)).toBeLessThan(1e-5);
      expect(Math.abs(r.body.lng! - wgs.lng)).toBeLessThan(1e-5);
    }
    const bad = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ coordinateSystem: 'mars' }),
    );
    expect(bad.status).toBe(400);
    const alone = await stack.client.as<ErrorBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ ...noPoint, communityCode: 'baiyun-01', coordinateSystem: 'gcj02' }),
    );
    expect(alone.status).toBe(400);
    expect(alone.body.details.map((d) => d.field)).toEqual(['coordinateSystem']);
  });
});
