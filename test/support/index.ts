export { startApi, startWorker, waitFor } from './harness';
export type { RunningApi, RunningWorker } from './harness';
export { ApiClient } from './api-client';
export type { ApiResponse } from './api-client';
export * from './fixtures';
export { useStack } from './stack';
export type { TestStack } from './stack';
