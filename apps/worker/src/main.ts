import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitOnInvalidConfig } from '@hotline/config';
import { JobsWithoutHandler, UnknownWorkerQueue, workerQueuesProblems } from '@hotline/queues';
import { WorkerModule } from './worker.module';

/**
 * The worker: BullMQ processors and the outbox relay, no HTTP besides its health probe. Shutdown hooks
 * let BullMQ finish or release active jobs on SIGTERM; a job cut off by a crash is picked up again as
 * stalled once its lock expires.
 */
async function bootstrap(): Promise<void> {
  exitOnInvalidConfig('worker', process.env, [workerQueuesProblems]);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

bootstrap().catch((error: unknown) => {
  // A consumed queue with a job nobody handles would fail that job only after its retries: refuse to start.
  if (!(error instanceof JobsWithoutHandler || error instanceof UnknownWorkerQueue)) throw error;
  process.stderr.write(`worker cannot start: ${error.message}\n`);
  process.exit(1);
});
