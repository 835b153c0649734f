import { AppConfig } from '@hotline/config';
import { useStack } from '@hotline/testing';
import { open311 } from './open311-client';

interface Endpoint {
  type: string;
  url: string;
  formats: string[];
}
interface RequestItem {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_code: string;
  description: string;
  lat: number;
  long: number;
  media_url: string | null;
}

/**
 * Discovery lists a production and a test endpoint (issue 17). The test endpoint (/open311/v2/test) is
 * what a GeoReport v2 test endpoint is for: a client developer sends the requests their client will send;
 * they are checked and answered exactly as in production (same key, same 400s, a token, an id to read
 * back), but kept apart: no case, no routing, no message, no figure.
 */
describe('the Open311 test endpoint', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  // FixMyStreet's shape (test/addresses/unplaced-queue.e2e-spec.ts): e-mail, no phone, two photos, its own attributes.
  const report = (overrides: Record<string, string | string[]> = {}) => ({
    jurisdiction_id: '',
    api_key: 'demo-open311-key',
    lat: '38.908793',
    long: '121.602056',
    email: 'resident@example.com',
    description: 'title:  暖气不热\n\ndetail: 家里只有14度，电话 13912340000\n\nSubmitted via FixMyStreet',
    service_code: 'heating.no-heat',
    first_name: 'Maximilianus',
    last_name: '',
    'attribute[room_temperature]': '14',
    'attribute[fixmystreet_id]': '18',
    media_url: ['https://fms.example.org/photo/18.0.jpeg', 'https://fms.example.org/photo/18.1.jpeg'],
    ...overrides,
  });
  const counts = async () =>
    (
      await stack.db.query<{ cases: string; outbox: string; requests: string }>(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM outbox) AS outbox,
                (SELECT count(*) FROM open311_requests) AS requests`,
      )
    ).rows[0];

  it('discovery lists the production endpoint and the test endpoint, both formats each', async () => {
    const base = `${stack.api.app.get(AppConfig).PUBLIC_BASE_URL}/open311/v2`;
    const json = await open311<{ endpoints: Endpoint[] }>(stack.api.url, 'GET', 'discovery.json');
    expect(json.data.endpoints.map((e) => [e.type, e.url])).toEqual([
      ['production', base],
      ['test', `${base}/test`],
    ]);
    for (const e of json.data.endpoints) expect(e.formats.sort()).toEqual(['application/json', 'text/xml']);
    const xml = await open311<{ discovery: { endpoints: { endpoint: Endpoint[] } } }>(stack.api.url, 'GET', 'discovery.xml');
    expect(xml.data.discovery.endpoints.endpoint.map((e) => e.type)).toEqual(['production', 'test']);
    // The test endpoint serves the same services.
    const services = await open311<Array<{ service_code: string }>>(stack.api.url, 'GET', 'test/services.json');
    expect(services.status).toBe(200);
    expect(services.data.map((s) => s.service_code)).toContain('heating.no-heat');
  });

  it('answers a request as production does and lets the client read it back, but makes no case', async () => {
    const before = await counts();
    const r = await open311<Array<{ token: string; service_notice: string }>>(
      stack.api.url,
      'POST',
      'test/requests.json',
      report(),
    );
    expect(r.status).toBe(201);
    const [{ token, service_notice }] = r.data;
    expect(service_notice).toMatch(/测试端点/);

    const byToken = await open311<Array<{ service_request_id: string }>>(stack.api.url, 'GET', `test/tokens/${token}.json`);
    const id = byToken.data[0].service_request_id;
    expect(id).toMatch(/^TEST[0-9A-F]{12}$/);
    const read = await open311<RequestItem[]>(stack.api.url, 'GET', `test/requests/${id}.json`);
    expect(read.data[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'heating.no-heat',
      lat: 38.908793,
      long: 121.602056,
      media_url: 'https://fms.example.org/photo/18.0.jpeg',
    });
    expect(read.data[0].status_notes).toContain('baiyun-01-g1');
    expect(read.data[0].description).not.toContain('13912340000');
    const listed = await open311<RequestItem[]>(stack.api.url, 'GET', 'test/requests.json');
    expect(listed.data.map((x) => x.service_request_id)).toContain(id);

    // Kept apart: nothing reached the cases, the outbox or production's reads.
    expect(await counts()).toEqual(before);
    expect((await open311(stack.api.url, 'GET', `requests/${id}.json`)).status).toBe(404);
    expect((await open311(stack.api.url, 'GET', `tokens/${token}.json`)).status).toBe(404);
    const production = await open311<Array<{ service_request_id: string }>>(stack.api.url, 'GET', 'requests.json');
    expect(production.data.map((x) => x.service_request_id)).not.toContain(id);
  });

  it('refuses what production refuses, with the same answers', async () => {
    const both = async (form: Record<string, string | string[]>) => {
      const [prod, test] = await Promise.all([
        open311<unknown>(stack.api.url, 'POST', 'requests.json', form),
        open311<unknown>(stack.api.url, 'POST', 'test/requests.json', form),
      ]);
      expect(test.status).toBe(prod.status);
      expect(test.data).toEqual(prod.data);
      return test.status;
    };
    expect(await both(report({ api_key: 'no-such-key' }))).toBe(403);
    expect(await both(report({ phone: 'call me' }))).toBe(400);
    expect(await both(report({ service_code: 'no.such.service' }))).toBe(404);
    expect(await both(report({ colour: 'red' }))).toBe(400);
    expect(await both(report({ jurisdiction_id: 'elsewhere.gov' }))).toBe(404);
    const outside = await open311<Array<{ description: string }>>(
      stack.api.url,
      'POST',
      'test/requests.json',
      report({ lat: '38.92', long: '121.59' }),
    );
    expect(outside.status).toBe(400);
  });

  it('an address_string is matched against the register as production would, in XML too', async () => {
    const r = await open311<{ service_requests: { request: Array<{ token: string }> } }>(
      stack.api.url,
      'POST',
      'test/requests.xml',
      report({ lat: [], long: [], address_string: '西岗区白云街道锦绣小区5号楼3单元' }),
    );
    expect(r.status).toBe(201);
    const token = r.data.service_requests.request[0].token;
    const byToken = await open311<Array<{ service_request_id: string }>>(stack.api.url, 'GET', `test/tokens/${token}.json`);
    const read = await open311<RequestItem[]>(stack.api.url, 'GET', `test/requests/${byToken.data[0].service_request_id}.json`);
    expect(read.data[0].status_notes).toContain('baiyun-01-g1');
  });
});
