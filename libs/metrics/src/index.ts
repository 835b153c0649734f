export { HotlineMetrics } from './hotline-metrics';
export type { NotificationDeliveryOutcome } from './hotline-metrics';
export { HealthGauges } from './health-gauges';
export { MetricsExposition } from './metrics-exposition';
export type { MetricsAnswer } from './metrics-exposition';
export { MetricsModule } from './metrics.module';

import { HealthGauges } from './health-gauges';
import { MetricsExposition } from './metrics-exposition';

/** What an app lists among its providers, beside HEALTH_PROVIDERS and with MetricsModule imported, to serve GET /metrics. */
export const METRICS_PROVIDERS = [HealthGauges, MetricsExposition];
