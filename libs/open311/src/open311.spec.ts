import { XMLParser } from 'fast-xml-parser';
import { checkAttributes, type ServiceAttribute } from './service-attributes';
import { parseServiceRequestForm } from './request-form';
import { requestWindow } from './request-window';
import { CASE_STATUSES } from '@hotline/cases/values';
import { CASE_STATUSES_BY_OPEN311, open311StatusOf } from './status';
import { renderOpen311 } from './render';
import { hashApiKey } from './api-key';

describe('POST requests form', () => {
  it('reads the spec arguments and attribute[code] / attribute[code][] values', () => {
    const { form, problems } = parseServiceRequestForm({
      api_key: 'k',
      service_code: 'heating.no-heat',
      lat: '38.908793',
      long: '121.602056',
      'attribute[room_temperature]': '12',
      'attribute[floors][]': ['1', '2'],
      description: '暖气不热\n室温 12 度',
      first_name: '三',
      last_name: '张',
    });
    expect(problems).toEqual([]);
    expect(form).toMatchObject({
      apiKey: 'k',
      serviceCode: 'heating.no-heat',
      lat: 38.908793,
      long: 121.602056,
      firstName: '三',
      lastName: '张',
    });
    expect(form.attributes).toEqual({ room_temperature: '12', floors: ['1', '2'] });
  });

  it('treats empty arguments as absent and needs a service and a location', () => {
    const { problems } = parseServiceRequestForm({ service_code: '', lat: '', long: '', address_string: '' });
    expect(problems.map((p) => p.field).sort()).toEqual(['lat', 'service_code']);
  });

  it('refuses unknown arguments, lat without long, bad coordinates, HTML and over-long text, all at once', () => {
    const { problems } = parseServiceRequestForm({
      service_code: 'x',
      lat: '91',
      colour: 'red',
      description: '<script>x</script>',
      email: 'nope',
      first_name: 'x'.repeat(101),
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['colour', 'description', 'email', 'first_name', 'lat', 'long']);
  });

  it('keeps attribute codes off Object.prototype: prototype names refused, inherited names just unknown codes', () => {
    const { form, problems } = parseServiceRequestForm({
      service_code: 'heating.no-heat',
      address_string: '白云街道',
      'attribute[constructor]': '1',
      'attribute[__proto__]': '2',
      'attribute[toString]': '3',
      'attribute[hasOwnProperty][]': ['4'],
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['attribute[__proto__]', 'attribute[constructor]']);
    expect(Object.getPrototypeOf(form.attributes)).toBeNull();
    expect({ ...form.attributes }).toEqual({ toString: '3', hasOwnProperty: ['4'] });
    const checked = checkAttributes([], form.attributes);
    expect(checked.problems).toEqual([]);
    expect(checked.ignored.sort()).toEqual(['hasOwnProperty', 'toString']);
  });
});

describe('service attributes', () => {
  const defs: ServiceAttribute[] = [
    {
      code: 'uscc',
      datatype: 'string',
      required: true,
      description: '统一社会信用代码',
      datatypeDescription: null,
      order: 1,
      values: [],
    },
    { code: 'temp', datatype: 'number', required: false, description: '室温', datatypeDescription: null, order: 2, values: [] },
    { code: 'when', datatype: 'datetime', required: false, description: '时间', datatypeDescription: null, order: 3, values: [] },
    {
      code: 'kind',
      datatype: 'singlevaluelist',
      required: false,
      description: '类型',
      datatypeDescription: null,
      order: 4,
      values: [
        { key: 'a', name: 'A' },
        { key: 'b', name: 'B' },
      ],
    },
    {
      code: 'many',
      datatype: 'multivaluelist',
      required: false,
      description: '多选',
      datatypeDescription: null,
      order: 5,
      values: [
        { key: 'x', name: 'X' },
        { key: 'y', name: 'Y' },
      ],
    },
  ];

  it('converts valid values', () => {
    const { values, problems } = checkAttributes(defs, {
      uscc: ' 9144030071526726XG ',
      temp: '12.5',
      when: '2026-11-22T09:30:00+08:00',
      kind: 'b',
      many: ['x', 'y'],
    });
    expect(problems).toEqual([]);
    expect(values).toEqual({
      uscc: '9144030071526726XG',
      temp: 12.5,
      when: '2026-11-22T09:30:00+08:00',
      kind: 'b',
      many: ['x', 'y'],
    });
  });

  it('names each wrong attribute (missing required, not a number, bad date, unknown choice) and sets undefined codes aside', () => {
    const { problems, ignored } = checkAttributes(defs, {
      temp: 'warm',
      when: 'yesterday',
      kind: 'c',
      many: ['x', 'z'],
      colour: 'red',
    });
    expect(ignored).toEqual(['colour']);
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['attribute[kind]', 'attribute[many]', 'attribute[temp]', 'attribute[uscc]', 'attribute[when]'].sort(),
    );
  });
});

describe('GET requests window', () => {
  const now = new Date('2026-11-22T02:00:00Z');
  it('defaults to the last 90 days and accepts a 90-day range', () => {
    expect(requestWindow(undefined, undefined, now, 'Asia/Shanghai').window).toEqual({
      from: new Date('2026-08-24T02:00:00Z'),
      to: now,
    });
    expect(requestWindow('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', now, 'Asia/Shanghai').problems).toEqual([]);
  });
  it('refuses more than 90 days, a reversed range and dates without a zone', () => {
    expect(requestWindow('2026-01-01T00:00:00Z', '2026-04-02T00:00:01Z', now, 'Asia/Shanghai').problems[0].field).toBe(
      'end_date',
    );
    expect(requestWindow('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z', now, 'Asia/Shanghai').problems[0].reason).toMatch(
      /before/,
    );
    expect(requestWindow('2026-01-01T00:00:00', undefined, now, 'Asia/Shanghai').problems[0].field).toBe('start_date');
  });
});

describe('status mapping', () => {
  it.each([
    ['received', 'open'],
    ['dispatched', 'open'],
    ['returned', 'open'],
    ['accepted', 'open'],
    ['awaitingLeadApproval', 'open'],
    ['awaitingCentreReview', 'open'],
    ['reopened', 'open'],
    ['replied', 'closed'],
    ['closed', 'closed'],
  ])('%s → %s', (status, expected) => expect(open311StatusOf(status)).toBe(expected));

  it('files every case status under exactly one Open311 status, the one open311StatusOf gives', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'merged')) {
      const under = Object.entries(CASE_STATUSES_BY_OPEN311).filter(([, list]) => list.includes(status));
      expect({ status, under: under.map(([name]) => name) }).toEqual({ status, under: [open311StatusOf(status)] });
    }
  });
});

describe('rendering', () => {
  it('writes lists as the spec XML (declaration, item elements, empty elements for null) and JSON arrays', () => {
    const value = [{ token: 'abc', service_notice: '5 个工作日内答复 & 回访', account_id: null }];
    const xml = renderOpen311('xml', 'service_requests', value);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>')).toBe(true);
    expect(xml.body).toContain('<account_id/>');
    const parsed = new XMLParser().parse(xml.body) as { service_requests: { request: unknown } };
    expect(parsed.service_requests.request).toEqual({ token: 'abc', service_notice: '5 个工作日内答复 & 回访', account_id: '' });
    expect(JSON.parse(renderOpen311('json', 'service_requests', value).body)).toEqual(value);
  });
});

describe('API keys', () => {
  it('are stored as SHA-256', () => {
    expect(hashApiKey('demo-open311-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey('demo-open311-key')).not.toBe(hashApiKey('demo-open311-keY'));
  });
});
