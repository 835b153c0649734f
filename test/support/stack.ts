import { Client } from 'pg';
import { ApiClient } from './api-client';
import { LogSink, RunningApi, RunningWorker, startApi, startWorker } from './harness';

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
export function useStack(options: { worker?: boolean; overrides?: Record<string, string>; logSink?: LogSink } = {}): TestStack {
  const stack = {} as TestStack;
  beforeAll(async () => {
    stack.db = new Client({ connectionString: process.env.DATABASE_URL });
    await stack.db.connect();
    stack.api = await startApi(options.overrides, { logSink: options.logSink });
    stack.worker = options.worker === false ? null : await startWorker(options.overrides, { logSink: options.logSink });
    stack.client = new ApiClient(stack.api.url);
  });
  afterAll(async () => {
    await stack.worker?.close();
    await stack.api?.close();
    await stack.db?.end();
  });
  return stack;
}
