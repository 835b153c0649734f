import { spawnApp } from '../support/child-process';

describe('the request log of a running API', () => {
  it('is written asynchronously yet complete when the API is stopped, one short line per request', async () => {
    const port = String(39000 + Math.floor(Math.random() * 900));
    const api = spawnApp('api', { NODE_ENV: 'development', PORT: port });
    const closed = new Promise<void>((resolve) => api.process.once('close', () => resolve()));
    try {
      await api.waitForOutput(`API listening on :${port}`, 170_000);
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/no-such-route?probe=request-log`);
      expect(answer.status).toBe(404);
    } finally {
      // Stopped at once: the line of the request above must not be lost in a buffer.
      await api.kill('SIGTERM');
    }
    await closed;
    const line = api
      .output()
      .split('\n')
      .find((l) => l.includes('probe=request-log'));
    expect(line).toBeDefined();
    const logged = JSON.parse(line!) as { res?: Record<string, unknown>; responseTime?: unknown };
    expect(logged.res).toEqual({ statusCode: 404 });
    expect(typeof logged.responseTime).toBe('number');
  }, 180_000);
});
