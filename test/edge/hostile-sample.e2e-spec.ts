import { sendHostileRequests, useStack } from '@hotline/testing';

/**
 * A quick, even sample of the hostile-input suite (test/reliability/hostile-input.e2e-spec.ts runs all
 * of it): the same generator over every route and identity, a few hundred requests, no 500.
 */
describe('hostile input, a sample', () => {
  const stack = useStack({ worker: false, overrides: { PUBLIC_RATE_PER_ADDRESS: '1000000' } });

  it('answers an even sample of hostile requests without a 500, every refusal readable', async () => {
    const outcome = await sendHostileRequests(stack, { bodiesPerOperation: 10, sampleSize: 400, concurrency: 4, seed: 13 });
    process.stdout.write(
      `hostile-input sample: ${outcome.sent} of ${outcome.generated} requests, by status ${JSON.stringify(outcome.byStatus)}\n`,
    );
    expect(outcome.failures).toEqual([]);
    expect(outcome.sent).toBe(400);
  });
});
