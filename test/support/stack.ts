import { Client } from 'pg';
import { ApiClient } from './api-client';
import { RunningApi, RunningWorker, startApi, startWorker, StartOptions } from './harness';

/** What an end-to-end suite drives: the API (and the worker, unless turned off), a client, and SQL access. */
export interface TestStack {
  api: RunningApi;
  worker: RunningWorker | null;
  client: ApiClient;
  db: Client;
}

/**
 * Registers the suite's beforeAll/afterAll: boots the API (and the worker) in-process against the run's
 * database and Redis prefix, and closes them afterwards. Read the fields inside tests, not at load time.
 */
export function useStack(options: StartOptions & { worker?: boolean } = {}): TestStack {
  const stack = {} as TestStack;
  beforeAll(async () => {
    stack.db = new Client({ connectionString: process.env.DATABASE_URL });
    await stack.db.connect();
    stack.api = await startApi(options);
    stack.worker = options.worker === false ? null : await startWorker(options);
    stack.client = new ApiClient(stack.api.url);
  });
  afterAll(async () => {
    await stack.worker?.close();
    await stack.api?.close();
    await stack.db?.end();
  });
  return stack;
}
