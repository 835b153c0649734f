import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('answers what the promise answers when it settles in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
  });

  it('passes the promise own rejection through unchanged', async () => {
    const failure = new Error('connection refused');
    await expect(withTimeout(Promise.reject(failure), 1000)).rejects.toBe(failure);
  });

  it('rejects, naming the call, when the promise has not settled in time', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 20, 'the Redis ping')).rejects.toThrow('the Redis ping did not answer within 20 ms');
  });

  it('leaves no timer running once the promise has settled', async () => {
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    await withTimeout(Promise.resolve('done'), 60_000);
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBe(before);
  });
});
