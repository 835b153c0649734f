export { startEmbeddedPostgres, canConnectPostgres, ensureDatabase, dropDatabase, withDatabase } from './embedded-postgres';
export type { RunningPostgres } from './embedded-postgres';
export {
  startPrivateRedis,
  canConnectRedis,
  waitForRedis,
  findRedisServer,
  ensureRedisServerBinary,
  REDIS_INSTALL_HINT,
} from './redis-server';
export type { RunningRedis } from './redis-server';
export { migrate, seed } from './schema';
