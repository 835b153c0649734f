import type { SlaPolicy } from '@hotline/sla';

/**
 * The SLA policy the unit specs compute deadlines with: accept in 1 working day, reply in 5, call back
 * in 1, warn at three quarters, returns for 2 working days, two extensions of up to 10 days. A spec
 * overrides only what it is about. Imported by path (not through @hotline/testing, which loads the
 * whole end-to-end harness) so that pure specs stay fast.
 */
export function slaPolicyFixture(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    code: 'default',
    name: 'default',
    match: {},
    accept: { amount: 1, unit: 'workingDays' },
    reply: { amount: 5, unit: 'workingDays' },
    callback: { amount: 1, unit: 'workingDays' },
    countFrom: 'stageStart',
    warningRatio: 0.75,
    returnWindow: { amount: 2, unit: 'workingDays' },
    maxExtensionDays: 10,
    maxExtensions: 2,
    ...overrides,
  };
}
