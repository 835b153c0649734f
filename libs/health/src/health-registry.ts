import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { withTimeout } from '@hotline/queues';
import { HEALTH_COMPONENT, HealthComponent, HealthDetails } from './health-component';

/** A component probe that takes longer than this counts as down: a load balancer must get its answer quickly. */
const CHECK_TIMEOUT_MS = 1500;

/**
 * `degraded`: the component works but something needs an admin's attention (e.g. a calendar year only
 * predicted); it keeps the process in service, unlike `down`.
 */
export type ComponentReport = ({ status: 'up' | 'degraded' } & HealthDetails) | { status: 'down'; message: string };

export interface HealthReport {
  /** `error` when a component is down (503); `degraded` still serves (200). */
  status: 'ok' | 'degraded' | 'error';
  components: Record<string, ComponentReport>;
}

/** Every @HealthComponent() provider of the app, checked together. */
@Injectable()
export class HealthRegistry implements OnModuleInit {
  private components: HealthComponent[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: HEALTH_COMPONENT.KEY })
      .map((wrapper) => wrapper.instance as HealthComponent)
      .filter((instance) => instance && typeof instance.check === 'function');
    const names = found.map((c) => c.name);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    if (twice.length) throw new Error(`Two health components share a name: ${[...new Set(twice)].join(', ')}`);
    this.components = found.sort((a, b) => a.name.localeCompare(b.name));
  }

  names(): string[] {
    return this.components.map((c) => c.name);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      this.components.map(async (component): Promise<[string, ComponentReport]> => {
        try {
          const details = await withTimeout(component.check(), CHECK_TIMEOUT_MS, `the ${component.name} check`);
          // A component says it is degraded through its details' `status`; anything else it answers is up.
          return [component.name, { ...details, status: details.status === 'degraded' ? 'degraded' : 'up' }];
        } catch (error) {
          return [component.name, { status: 'down', message: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    const components = Object.fromEntries(entries);
    const statuses = entries.map(([, report]) => report.status);
    const status = statuses.includes('down') ? 'error' : statuses.includes('degraded') ? 'degraded' : 'ok';
    return { status, components };
  }
}

/**
 * What the public /health says: load balancers need to know only whether to send traffic, so a degraded
 * component (still serving) reads `ok` there; /health/details names it.
 */
export function publicHealthStatus(status: HealthReport['status']): 'ok' | 'error' {
  return status === 'error' ? 'error' : 'ok';
}
