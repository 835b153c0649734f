import { AppConfig } from '@hotline/config';
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_VALUE_FIELDS,
  DISCOVERY_ENDPOINT_FIELDS,
  DISCOVERY_FIELDS,
  ERROR_FIELDS,
  POST_RESPONSE_FIELDS,
  SERVICE_FIELDS,
  SERVICE_REQUEST_FIELDS,
  TOKEN_RESPONSE_FIELDS,
} from '@hotline/open311';
import {
  BAIYUN_POINT,
  OUTSIDE_DISTRICT,
  heatingComplaint,
  uniquePhone,
  useStack,
  waitFor,
  type CaseBody,
} from '@hotline/testing';
import { items, open311, type Open311Response } from './open311-client';

/*
 * Open311 answers come as JSON or XML by format: JSON keeps numbers and booleans where XML gives text, an
 * XML list is an element holding its items, and an XML document wraps the JSON object in a root element.
 * The types below state both shapes at once (`List`, `Root`); each test picks its side by format, as a
 * client of the spec does. Text fields are strings in both.
 */
type Scalar = string | number | boolean | null;
/** A list: the JSON array, or the XML element holding the items under `K`. */
type List<K extends string, T> = T[] & Record<K, T[]>;
/** A document: the JSON object, or the XML root element `K` holding it. */
type Root<K extends string, T> = T & Record<K, T>;

interface ErrorItem {
  code: Scalar;
  description: Scalar;
}
interface ServiceItem {
  service_code: string;
  metadata: Scalar;
  [field: string]: Scalar;
}
interface RequestItem {
  service_request_id: string;
  token: string;
  service_code: string;
  status: string;
  description: string | null;
  address: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  expected_datetime: string;
  account_id: string;
  service_notice: string;
  [field: string]: Scalar;
}
interface DiscoveryEndpoint {
  formats: List<'format', string>;
  [field: string]: unknown;
}
interface Discovery {
  endpoints: List<'endpoint', DiscoveryEndpoint>;
}
interface ServiceAttributeItem {
  values: List<'value', { key: string }>;
  [field: string]: unknown;
}
interface ServiceDefinition {
  service_code: string;
  attributes: List<'attribute', ServiceAttributeItem>;
}

const FORMATS = ['json', 'xml'] as const;
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;
const sorted = (list: readonly string[]) => [...list].sort();

/** Every error of the spec's shape: a list of {code, description}, code equal to the HTTP status. */
function expectErrors(r: Open311Response<unknown>, status: number, format: 'json' | 'xml', descriptionPart?: RegExp): string[] {
  expect({ status: r.status, type: r.contentType.split(';')[0] }).toEqual({
    status,
    type: format === 'json' ? 'application/json' : 'text/xml',
  });
  const errors = items<ErrorItem>(r, 'errors', 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(sorted(Object.keys(e))).toEqual(sorted(ERROR_FIELDS));
    expect(Number(e.code)).toBe(status);
  }
  const descriptions = errors.map((e) => String(e.description));
  if (descriptionPart) expect(descriptions.join('\n')).toMatch(descriptionPart);
  return descriptions;
}

describe('Open311 GeoReport v2 at /open311/v2', () => {
  const stack = useStack({ overrides: { PUBLIC_RATE_PER_ADDRESS: '100000' } });
  /** The answer's body is `unknown` unless the test names its type. */
  const call = <T = unknown>(method: 'GET' | 'POST', path: string, form?: Record<string, string | string[]>) =>
    open311<T>(stack.api.url, method, path, form);
  const caseCount = async () => Number((await stack.db.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count);

  const heatingForm = (overrides: Record<string, string | string[]> = {}) => ({
    api_key: 'demo-open311-key',
    service_code: 'heating.no-heat',
    lat: String(BAIYUN_POINT.lat),
    long: String(BAIYUN_POINT.lng),
    'attribute[room_temperature]': '14',
    first_name: '小明',
    last_name: '王',
    phone: '13912340000',
    email: 'wang@example.com',
    description: '暖气不热，家里只有14度。联系我 13912340000 或 １３９－１２３４－０００１',
    ...overrides,
  });

  describe.each(FORMATS)('in %s', (format) => {
    it('discovery lists this endpoint with the spec URL and both formats', async () => {
      const r = await call<Root<'discovery', Discovery>>('GET', `discovery.${format}`);
      expect(r.status).toBe(200);
      const discovery = format === 'json' ? r.data : r.data.discovery;
      expect(sorted(Object.keys(discovery))).toEqual(sorted(DISCOVERY_FIELDS));
      const endpoints = format === 'json' ? discovery.endpoints : discovery.endpoints.endpoint;
      expect(sorted(Object.keys(endpoints[0]))).toEqual(sorted(DISCOVERY_ENDPOINT_FIELDS));
      expect(endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${stack.api.app.get(AppConfig).PUBLIC_BASE_URL}/open311/v2`,
      }); // configured, not the Host header
      const formats = format === 'json' ? endpoints[0].formats : endpoints[0].formats.format;
      expect(sorted(formats)).toEqual(['application/json', 'text/xml']);
    });

    it('GET services lists every leaf category with exactly the spec fields', async () => {
      const r = await call('GET', `services.${format}`);
      expect(r.status).toBe(200);
      if (format === 'xml') expect(r.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const services = items<ServiceItem>(r, 'services', 'service');
      const leaves = Number(
        (
          await stack.db.query<{ count: string }>(
            `SELECT count(*) FROM categories c WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)`,
          )
        ).rows[0].count,
      );
      expect(services).toHaveLength(leaves);
      for (const s of services) expect(sorted(Object.keys(s))).toEqual(sorted(SERVICE_FIELDS));
      const heating = services.find((s) => s.service_code === 'heating.no-heat');
      expect(heating).toMatchObject({ service_name: '室温不达标/不供热', group: '供热', type: 'batch' });
      expect(String(heating!.metadata)).toBe('true');
      expect(String(services.find((s) => s.service_code === 'heating.pipe-leak')!.metadata)).toBe('false');
      expect(services.map((s) => s.service_code)).not.toContain('heating');
    });

    it('GET services/{code} defines the attributes, with values for lists; none for plain services', async () => {
      const r = await call<Root<'service_definition', ServiceDefinition>>(
        'GET',
        `services/environment.construction-noise.${format}`,
      );
      expect(r.status).toBe(200);
      const definition = format === 'json' ? r.data : r.data.service_definition;
      expect(sorted(Object.keys(definition))).toEqual(sorted(['service_code', 'attributes']));
      expect(definition.service_code).toBe('environment.construction-noise');
      const attributes = format === 'json' ? definition.attributes : definition.attributes.attribute;
      expect(attributes).toHaveLength(1);
      const [periods] = attributes;
      expect(sorted(Object.keys(periods))).toEqual(sorted(ATTRIBUTE_FIELDS));
      expect(periods).toMatchObject({ code: 'periods', datatype: 'multivaluelist', description: '噪声出现的时段（可多选）' });
      expect(String(periods.required)).toBe('true');
      expect(String(periods.variable)).toBe('true');
      expect(String(periods.order)).toBe('1');
      const values = format === 'json' ? periods.values : periods.values.value;
      expect(values.map((v) => v.key)).toEqual(['night', 'noon', 'day']);
      for (const v of values) expect(sorted(Object.keys(v))).toEqual(sorted(ATTRIBUTE_VALUE_FIELDS));

      const plain = await call<Root<'service_definition', ServiceDefinition>>('GET', `services/heating.pipe-leak.${format}`);
      expect(plain.status).toBe(200);
      const plainDefinition = format === 'json' ? plain.data : plain.data.service_definition;
      expect(format === 'json' ? plainDefinition.attributes : plainDefinition.attributes).toEqual(format === 'json' ? [] : '');
    });

    it('GET services/{code} answers 404 for an unknown service, a category group, or another jurisdiction', async () => {
      expectErrors(await call('GET', `services/no-such.${format}`), 404, format, /service_code no-such was not found/);
      expectErrors(await call('GET', `services/heating.${format}`), 404, format);
      expectErrors(
        await call('GET', `services.${format}?jurisdiction_id=elsewhere.gov`),
        404,
        format,
        /jurisdiction_id elsewhere.gov/,
      );
      expect((await call('GET', `services.${format}?jurisdiction_id=dlxg.gov.cn`)).status).toBe(200);
    });

    it('round trip: POST → token → service_request_id → GET shows the routed department and the expected time from the SLA', async () => {
      const before = await caseCount();
      const posted = await call('POST', `requests.${format}`, heatingForm({ account_id: 'acc-42' }));
      expect(posted.status).toBe(201);
      const [answer] = items<RequestItem>(posted, 'service_requests', 'request');
      expect(sorted(Object.keys(answer))).toEqual(sorted(POST_RESPONSE_FIELDS));
      expect(answer.account_id).toBe('acc-42');
      expect(answer.service_notice).toContain('5 个工作日内办结答复');
      expect(await caseCount()).toBe(before + 1);

      const tokenAnswer = await call('GET', `tokens/${answer.token}.${format}`);
      expect(tokenAnswer.status).toBe(200);
      const [resolved] = items<RequestItem>(tokenAnswer, 'service_requests', 'request');
      expect(sorted(Object.keys(resolved))).toEqual(sorted(TOKEN_RESPONSE_FIELDS));
      expect(resolved.token).toBe(answer.token);
      const id: string = resolved.service_request_id;
      expect(id).toMatch(/^XG\d{14,}$/);

      // The case went through the same intake: channel per client, grid, the outbox, routing rule R11.
      const {
        rows: [stored],
      } = await stack.db.query<{
        id: string;
        channel: string;
        kind: string;
        status: string;
        grid: string;
        caller_phone_sealed: string;
        attributes: unknown;
        email_sealed: string | null;
        account_id: string | null;
      }>(
        `SELECT c.id, c.channel, c.kind, c.status, g.code AS grid, c.caller_phone_sealed, r.attributes, r.email_sealed, r.account_id
           FROM cases c JOIN grids g ON g.id = c.grid_id JOIN open311_requests r ON r.case_id = c.id WHERE c.case_no = $1`,
        [id],
      );
      expect(stored).toMatchObject({
        channel: 'open311:demo',
        kind: 'complaint',
        grid: 'baiyun-01-g1',
        attributes: { room_temperature: 14 },
        account_id: 'acc-42',
      });
      expect(stored.caller_phone_sealed).not.toContain('13912340000');
      expect(stored.email_sealed).not.toContain('example.com');

      const routed = await waitFor(
        async () => {
          const r = await call('GET', `requests/${id}.${format}`);
          const [request] = items<RequestItem>(r, 'service_requests', 'request');
          return request?.agency_responsible ? request : undefined;
        },
        30_000,
        'routing',
      );
      expect(sorted(Object.keys(routed))).toEqual(sorted(SERVICE_REQUEST_FIELDS));
      expect(routed).toMatchObject({
        service_request_id: id,
        status: 'open',
        service_code: 'heating.no-heat',
        service_name: '室温不达标/不供热',
        agency_responsible: '供热办公室',
        status_notes: '已派单，等待承办部门签收',
      });
      expect(routed.requested_datetime).toMatch(ISO_WITH_OFFSET);
      expect(routed.expected_datetime).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(routed.expected_datetime)).toBeGreaterThan(Date.parse(routed.requested_datetime));

      // Once the heating office accepts, the reply stage's stored deadline is the expected time, and it is
      // the same instant the projection gave (the reply stage counts from the dispatch).
      expect((await stack.client.as('staff-heating', 'POST', `/api/v1/cases/${stored.id}/accept`, {})).status).toBe(200);
      const {
        rows: [deadline],
      } = await stack.db.query<{ deadline: Date }>(`SELECT deadline FROM case_deadlines WHERE case_id = $1 AND stage = 'reply'`, [
        stored.id,
      ]);
      const [accepted] = items<RequestItem>(await call('GET', `requests/${id}.${format}`), 'service_requests', 'request');
      expect(Date.parse(accepted.expected_datetime)).toBe(deadline.deadline.getTime());
      expect(accepted.expected_datetime).toBe(routed.expected_datetime);

      // The department's answer closes the request for the client, and is its status_notes.
      expect(
        (
          await stack.client.as<CaseBody>('staff-heating', 'POST', `/api/v1/cases/${stored.id}/reply`, {
            result: '已更换阀门，室温恢复到20度',
          })
        ).status,
      ).toBe(200);
      const [closed] = items<RequestItem>(await call('GET', `requests/${id}.${format}`), 'service_requests', 'request');
      expect(closed).toMatchObject({ status: 'closed', status_notes: '已更换阀门，室温恢复到20度' });

      // No personal data in any answer: not the name, not the phone (also masked in the description), not the e-mail.
      const text =
        (await call('GET', `requests/${id}.${format}`)).text +
        (await call('GET', `requests.${format}?service_request_id=${id}`)).text;
      for (const secret of ['王', '小明', '13912340000', '１３９－１２３４－０００１', 'wang@example.com', 'acc-42'])
        expect(text).not.toContain(secret);
      expect(closed.description).toContain('联系我 139****0000 或 139****0001');
    });

    it('POST refuses a missing or wrong api_key with 403, and changes nothing', async () => {
      const before = await caseCount();
      const { api_key: _key, ...withoutKey } = heatingForm();
      expectErrors(await call('POST', `requests.${format}`, withoutKey), 403, format, /api_key is required/);
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ api_key: 'not-a-key' })),
        403,
        format,
        /Invalid api_key/,
      );
      expect(await caseCount()).toBe(before);
    });

    it('POST answers 404 for an unknown service_code or jurisdiction_id', async () => {
      const before = await caseCount();
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ service_code: 'no-such' })),
        404,
        format,
        /service_code no-such/,
      );
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ jurisdiction_id: 'sfgov.org' })),
        404,
        format,
        /jurisdiction_id sfgov.org/,
      );
      expect(await caseCount()).toBe(before);
    });

    it('POST answers 400 with one error per problem, and changes nothing', async () => {
      const before = await caseCount();
      const { lat: _lat, long: _long, phone: _phone, ...noPlace } = heatingForm();
      const many = expectErrors(
        await call('POST', `requests.${format}`, { ...noPlace, colour: 'red', 'attribute[room_temperature]': 'warm' }),
        400,
        format,
      );
      expect(many.map((d) => d.split(':')[0]).sort()).toEqual(['attribute[room_temperature]', 'colour', 'lat']);
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ phone: '12' })),
        400,
        format,
        /phone: must be a mobile/,
      );
      expectErrors(
        await call(
          'POST',
          `requests.${format}`,
          heatingForm({ lat: String(OUTSIDE_DISTRICT.lat), long: String(OUTSIDE_DISTRICT.lng) }),
        ),
        400,
        format,
        /lat: the coordinates are outside the district/,
      );
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ long: '' })),
        400,
        format,
        /lat and long must be sent together/,
      );
      expectErrors(
        await call(
          'POST',
          `requests.${format}`,
          heatingForm({ service_code: 'environment.construction-noise', 'attribute[room_temperature]': '' }),
        ),
        400,
        format,
        /attribute\[periods\]: is required/,
      );
      expectErrors(
        await call('POST', `requests.${format}`, heatingForm({ address_id: 'nowhere-01' })),
        400,
        format,
        /address_id/,
      );
      expectErrors(
        await call(
          'POST',
          `requests.${format}`,
          heatingForm({
            service_code: 'enterprise.financing',
            'attribute[room_temperature]': '',
            'attribute[uscc]': '91210203MA0YR8N31X',
          }),
        ),
        400,
        format,
        /attribute\[uscc\]: check character/,
      );
      const json = await fetch(`${stack.api.url}/open311/v2/requests.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(heatingForm()),
      });
      expect(json.status).toBe(415); // refused at the edge: this route reads forms only
      expect(await caseCount()).toBe(before);
    });

    it('POST places a request by address_id (a community) or address_string, and takes list attributes', async () => {
      const posted = await call('POST', `requests.${format}`, {
        api_key: 'demo-open311-key',
        service_code: 'environment.construction-noise',
        address_id: 'baiyun-02',
        address_string: '白云街道某工地',
        'attribute[periods][]': ['night', 'noon'],
        phone: uniquePhone(),
      });
      expect(posted.status).toBe(201);
      const [{ token }] = items<RequestItem>(posted, 'service_requests', 'request');
      const {
        rows: [row],
      } = await stack.db.query<{ address: string; community: string; attributes: unknown; address_id: string }>(
        `SELECT c.address, m.code AS community, r.attributes, r.address_id FROM open311_requests r JOIN cases c ON c.id = r.case_id
           JOIN communities m ON m.id = c.community_id WHERE r.token = $1`,
        [token],
      );
      expect(row).toEqual({
        address: '白云街道某工地',
        community: 'baiyun-02',
        attributes: { periods: ['night', 'noon'] },
        address_id: 'baiyun-02',
      });
    });

    it('GET tokens and GET requests/{id} answer 404 for what does not exist', async () => {
      expectErrors(await call('GET', `tokens/no-such-token.${format}`), 404, format, /token no-such-token/);
      expectErrors(await call('GET', `requests/XG20000101999999.${format}`), 404, format, /XG20000101999999/);
    });

    it('GET requests filters by service_code, status, window and ids, pages, and checks every argument', async () => {
      const created: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const posted = await call(
          'POST',
          `requests.${format}`,
          heatingForm({
            service_code: 'city-appearance.street-lights',
            'attribute[room_temperature]': '',
            'attribute[lamp_no]': `XG-${i}`,
          }),
        );
        const [{ token }] = items<RequestItem>(posted, 'service_requests', 'request');
        const [{ service_request_id }] = items<RequestItem>(
          await call('GET', `tokens/${token}.${format}`),
          'service_requests',
          'request',
        );
        created.push(service_request_id);
      }
      const all = items<RequestItem>(
        await call('GET', `requests.${format}?service_code=city-appearance.street-lights`),
        'service_requests',
        'request',
      );
      expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining(created));
      for (const r of all) {
        expect(sorted(Object.keys(r))).toEqual(sorted(SERVICE_REQUEST_FIELDS));
        expect(r.service_code).toBe('city-appearance.street-lights');
      }
      const page1 = items<RequestItem>(
        await call('GET', `requests.${format}?service_request_id=${created.join(',')}&page_size=2`),
        'service_requests',
        'request',
      );
      const page2 = items<RequestItem>(
        await call('GET', `requests.${format}?service_request_id=${created.join(',')}&page_size=2&page=2`),
        'service_requests',
        'request',
      );
      expect(page1).toHaveLength(2);
      expect([...page1, ...page2].map((r) => r.service_request_id).sort()).toEqual([...created].sort());

      const open = items<RequestItem>(
        await call('GET', `requests.${format}?service_code=city-appearance.street-lights&status=open`),
        'service_requests',
        'request',
      );
      expect(open.every((r) => r.status === 'open')).toBe(true);
      const closedOnly = items<RequestItem>(
        await call('GET', `requests.${format}?service_code=city-appearance.street-lights&status=closed`),
        'service_requests',
        'request',
      );
      expect(closedOnly.map((r) => r.service_request_id)).not.toContain(created[0]);

      // A window no suite writes into (the statistics suite owns January and February 2020).
      const past = items<RequestItem>(
        await call('GET', `requests.${format}?start_date=2019-04-01T00:00:00Z&end_date=2019-06-01T00:00:00Z`),
        'service_requests',
        'request',
      );
      expect(past).toEqual([]);
      expectErrors(
        await call('GET', `requests.${format}?start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z`),
        400,
        format,
        /more than 90 days/,
      );
      expectErrors(await call('GET', `requests.${format}?start_date=yesterday`), 400, format, /start_date/);
      expectErrors(await call('GET', `requests.${format}?status=pending`), 400, format, /pending is not one of open, closed/);
      expectErrors(await call('GET', `requests.${format}?page_size=5000`), 400, format, /page_size/);
      expectErrors(await call('GET', `requests.${format}?colour=red`), 400, format, /colour: is not an argument/);
      expectErrors(await call('GET', `requests.${format}?jurisdiction_id=elsewhere.gov`), 404, format);
    });

    it('GET requests never shows a confidential case, and shows other channels without their text or address', async () => {
      const phoneCase = await stack.client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        heatingComplaint({ description: '张三家暖气不热，电话13812345678' }),
      );
      const secret = await stack.client.as<CaseBody>(
        'operator',
        'POST',
        '/api/v1/cases',
        heatingComplaint({ kind: 'report', confidential: true }),
      );
      expect(
        items<RequestItem>(
          await call('GET', `requests.${format}?service_request_id=${secret.body.caseNo}`),
          'service_requests',
          'request',
        ),
      ).toEqual([]);
      expectErrors(await call('GET', `requests/${secret.body.caseNo}.${format}`), 404, format);

      const r = await call('GET', `requests/${phoneCase.body.caseNo}.${format}`);
      const [shown] = items<RequestItem>(r, 'service_requests', 'request');
      expect(shown.description === null || shown.description === '').toBe(true);
      expect(shown.address).toBe('云峰社区，白云街道');
      expect(Number(shown.lat)).toBeCloseTo(38.909, 3);
      for (const hidden of ['张三', '13812345678', '5号楼']) expect(r.text).not.toContain(hidden);
    });
  });

  describe('API keys per client', () => {
    it('admins create clients whose key works once shown, limit each key per minute, rotate and revoke keys', async () => {
      const code = `app-${Date.now().toString(36)}`;
      const made = await stack.client.as<{ id: string; apiKey: string }>('admin', 'POST', '/api/v1/open311/clients', {
        code,
        name: '测试应用',
        rateLimitPerMinute: 2,
      });
      expect(made.status).toBe(201);
      expect(made.body.apiKey).toMatch(/^o311_/);
      const {
        rows: [stored],
      } = await stack.db.query<{ api_key_hash: string }>(`SELECT api_key_hash FROM open311_clients WHERE code = $1`, [code]);
      expect(stored.api_key_hash).not.toContain(made.body.apiKey);
      expect((await stack.client.as('operator', 'POST', '/api/v1/open311/clients', { code: 'x1', name: 'x' })).status).toBe(403);
      expect((await stack.client.as('admin', 'POST', '/api/v1/open311/clients', { code, name: 'again' })).status).toBe(409);
      const listed = await stack.client.as('admin', 'GET', '/api/v1/open311/clients');
      expect(JSON.stringify(listed.body)).not.toContain(made.body.apiKey);

      const post = (key: string) => call('POST', 'requests.json', heatingForm({ api_key: key, phone: uniquePhone() }));
      expect((await post(made.body.apiKey)).status).toBe(201);
      expect((await post(made.body.apiKey)).status).toBe(201);
      expectErrors(await post(made.body.apiKey), 429, 'json', /Too many requests/);
      const {
        rows: [{ channel }],
      } = await stack.db.query<{ channel: string }>(
        `SELECT c.channel FROM cases c JOIN open311_requests r ON r.case_id = c.id JOIN open311_clients k ON k.id = r.client_id WHERE k.code = $1 LIMIT 1`,
        [code],
      );
      expect(channel).toBe(`open311:${code}`);

      const rotated = await stack.client.as<{ apiKey: string }>(
        'admin',
        'POST',
        `/api/v1/open311/clients/${made.body.id}/rotate-key`,
        {},
      );
      expect(rotated.status).toBe(200);
      expectErrors(await post(made.body.apiKey), 403, 'json');
      const revoked = await stack.client.as('admin', 'POST', `/api/v1/open311/clients/${made.body.id}/revoke`, {});
      expect(revoked.body).toMatchObject({ active: false });
      expectErrors(await post(rotated.body.apiKey), 403, 'json');
    });
  });
});
