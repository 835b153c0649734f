import { Global, Module } from '@nestjs/common';
import { HotlineMetrics } from './hotline-metrics';

/**
 * The process's one metrics registry, global so that any module may count what it sees (the intake in
 * the cases and Open311 modules). The scrape side (HealthGauges, MetricsExposition) needs the app's
 * HealthRegistry and is listed by the app itself (METRICS_PROVIDERS).
 */
@Global()
@Module({ providers: [HotlineMetrics], exports: [HotlineMetrics] })
export class MetricsModule {}
