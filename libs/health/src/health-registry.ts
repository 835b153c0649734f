import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { withTimeout } from '@hotline/queues';
import { HEALTH_COMPONENT, HealthComponent, HealthDetails } from './health-component';

/** A component probe that takes longer than this counts as down: a load balancer must get its answer quickly. */
const CHECK_TIMEOUT_MS = 1500;

export type ComponentReport = { status: 'up' } & HealthDetails | { status: 'down'; message: string };

export interface HealthReport {
  status: 'ok' | 'error';
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
          return [component.name, { ...details, status: 'up' }];
        } catch (error) {
          return [component.name, { status: 'down', message: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    const components = Object.fromEntries(entries);
    return { status: entries.every(([, r]) => r.status === 'up') ? 'ok' : 'error', components };
  }
}
