import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionOf } from './decisions';
import { cityCategoryKey } from './categories';
import { deadlineCaps, extendedReplyDeadline } from './deadlines';
import { deliveryVerdict, nextToDeliver } from './delivery';
import { REPORT_TYPES, REPORTED_EVENTS, renderReport } from './reports';
import { signatureProblem, signUpstream, upstreamSignatureHeaders } from './signature';

describe('upstream signature', () => {
  const secret = 'demo-12345-secret';
  const body = '{"orderNo":"A1"}';
  const now = 1_800_000_000;

  it('signs "<timestamp>.<raw body>" with HMAC-SHA256 as sha256=<hex>', () => {
    // openssl: printf '1800000000.{"orderNo":"A1"}' | openssl dgst -sha256 -hmac demo-12345-secret
    expect(signUpstream(secret, now, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signUpstream(secret, now, body)).toBe(signUpstream(secret, now, Buffer.from(body)));
    expect(signUpstream(secret, now, body)).not.toBe(signUpstream(secret, now + 1, body));
  });

  it('accepts its own headers and refuses missing, malformed, stale and mismatching ones', () => {
    const headers = upstreamSignatureHeaders(secret, body, now);
    const given = { timestamp: headers['X-Upstream-Timestamp'], signature: headers['X-Upstream-Signature'] };
    expect(signatureProblem(secret, given, body, now + 299, 300)).toBeNull();
    expect(signatureProblem(secret, { ...given, signature: undefined }, body, now, 300)).toBe('missing');
    expect(signatureProblem(secret, { ...given, timestamp: '1.5e9' }, body, now, 300)).toBe('malformedTimestamp');
    expect(signatureProblem(secret, given, body, now + 301, 300)).toBe('stale');
    expect(signatureProblem(secret, given, body, now - 301, 300)).toBe('stale');
    expect(signatureProblem(secret, given, `${body} `, now, 300)).toBe('mismatch');
    expect(signatureProblem('another-secret', given, body, now, 300)).toBe('mismatch');
  });
});

describe('report delivery order', () => {
  it('sends the lowest undelivered seq next, never a later one first', () => {
    expect(
      nextToDeliver([
        { seq: 3, delivered: false },
        { seq: 1, delivered: true },
        { seq: 2, delivered: false },
      ]),
    ).toBe(2);
    expect(nextToDeliver([{ seq: 1, delivered: true }])).toBeNull();
  });

  it('retries passing troubles and gives up at once on a refusal', () => {
    expect(deliveryVerdict(200)).toBe('acknowledged');
    expect(deliveryVerdict(204)).toBe('acknowledged');
    expect(deliveryVerdict(null)).toBe('retry');
    expect(deliveryVerdict(503)).toBe('retry');
    expect(deliveryVerdict(429)).toBe('retry');
    expect(deliveryVerdict(408)).toBe('retry');
    expect(deliveryVerdict(400)).toBe('refused');
    expect(deliveryVerdict(401)).toBe('refused');
  });
});

describe('report bodies', () => {
  const at = new Date('2026-11-29T08:00:00Z');
  it('renders each type with its fields', () => {
    expect(renderReport('A1', 1, 'accepted', { type: 'accepted', at, note: null, data: {} })).toEqual({
      orderNo: 'A1',
      seq: 1,
      type: 'accepted',
      at: '2026-11-29T08:00:00.000Z',
    });
    expect(
      renderReport('A1', 2, 'extensionRequested', {
        type: 'extensionRequested',
        at,
        note: 'r',
        data: { days: 3, reason: '换管' },
      }),
    ).toMatchObject({ days: 3, reason: '换管' });
    expect(renderReport('A1', 3, 'replied', { type: 'reviewPassed', at, note: null, data: {} }, '已修复')).toMatchObject({
      result: '已修复',
    });
    expect(
      renderReport('A1', 4, 'calledBack', {
        type: 'calledBack',
        at,
        note: '好',
        data: { satisfaction: 'satisfied', solved: true },
      }),
    ).toMatchObject({ satisfaction: 'satisfied', solved: true, note: '好' });
  });

  it('maps the same case events as the database trigger that numbers the reports', () => {
    const migration = readFileSync(join(__dirname, '../../../database/src/migrations/1795900001500-UpstreamPlatform.ts'), 'utf8');
    const inTrigger = [...migration.matchAll(/NEW\.type (?:= '(\w+)'|IN \(([^)]*)\)).*?THEN '(\w+)'/g)].flatMap((m) =>
      (m[1] ? [m[1]] : m[2].split(',').map((t) => t.trim().replace(/'/g, ''))).map((event) => [event, m[3]]),
    );
    expect(Object.fromEntries(inTrigger)).toEqual(REPORTED_EVENTS);
    for (const type of Object.values(REPORTED_EVENTS)) expect(REPORT_TYPES).toContain(type);
  });
});

describe('city deadlines and categories', () => {
  it('caps only the stages the city gave a deadline for', () => {
    const accept = new Date('2026-11-29T10:00:00Z');
    expect(deadlineCaps({ accept })).toEqual([{ stage: 'accept', deadline: accept }]);
    expect(deadlineCaps({})).toEqual([]);
  });

  it("moves the city's reply deadline by the days it granted", () => {
    const reply = new Date('2026-12-01T10:00:00Z');
    expect(extendedReplyDeadline(reply, 2)).toEqual(new Date('2026-12-03T10:00:00Z'));
    expect(extendedReplyDeadline(reply, undefined)).toBe(reply);
  });

  it('keys city category texts however they are spaced or written', () => {
    expect(cityCategoryKey(' 供暖 >  暖气不热 ')).toBe('供暖>暖气不热');
    expect(cityCategoryKey('供暖＞暖气不热')).toBe('供暖>暖气不热');
  });
});

describe('city decisions', () => {
  it('turns each decision into its case action', () => {
    expect(actionOf({ type: 'recalled', reason: '撤回' })).toEqual({ action: 'close', reason: '市平台撤单：撤回' });
    expect(actionOf({ type: 'extensionDecided', approved: false })).toEqual({ action: 'rejectExtension' });
    expect(actionOf({ type: 'calledBack', satisfaction: 'satisfied', solved: true })).toEqual({
      action: 'callback',
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(actionOf({ type: 'returnDecided', accepted: false })).toBeNull();
    expect(actionOf({ type: 'urged', note: '请尽快' })).toEqual({ action: 'urge', note: '请尽快' });
  });
});
