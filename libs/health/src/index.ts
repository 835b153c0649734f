export { HEALTH_COMPONENT, HealthComponentProvider } from './health-component';
export type { HealthComponent, HealthDetails } from './health-component';
export { HealthRegistry, publicHealthStatus } from './health-registry';
export type { ComponentReport, HealthReport } from './health-registry';
export { DatabaseHealth, OutboxHealth, QueuesHealth, RedisHealth } from './core-components';
export { carriesBearerToken, carriesHealthToken } from './health-access';

import { DatabaseHealth, OutboxHealth, QueuesHealth, RedisHealth } from './core-components';
import { HealthRegistry } from './health-registry';

/** What an app lists among its providers (with DiscoveryModule imported) to serve the health contract. */
export const HEALTH_PROVIDERS = [HealthRegistry, DatabaseHealth, RedisHealth, QueuesHealth, OutboxHealth];
