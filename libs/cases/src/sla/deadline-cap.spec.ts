import { capDeadline } from './sla-stage-change';

describe('capDeadline (an outside deadline on a stage)', () => {
  const computed = { deadline: new Date('2026-11-30T10:00:00Z'), warnAt: new Date('2026-11-30T08:00:00Z') };

  it('keeps the computed deadline when the outside one is later or absent', () => {
    expect(capDeadline(computed, undefined)).toEqual({ ...computed, capped: false });
    expect(capDeadline(computed, new Date('2026-12-01T00:00:00Z'))).toEqual({ ...computed, capped: false });
  });

  it('takes the stricter outside deadline, and never warns after it', () => {
    const cap = new Date('2026-11-30T09:00:00Z');
    expect(capDeadline(computed, cap)).toEqual({ deadline: cap, warnAt: computed.warnAt, capped: true });
    const early = new Date('2026-11-30T07:00:00Z');
    expect(capDeadline(computed, early)).toEqual({ deadline: early, warnAt: early, capped: true });
  });
});
