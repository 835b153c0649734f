import { applyDecorators, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/** Details a component reports about itself (counts, ages, versions); never personal data. */
export type HealthDetails = Record<string, unknown>;

/**
 * One thing the process depends on. `check()` answers its details when it works and throws when it
 * does not; the registry bounds it with a timeout. A later component (calendar, settings version)
 * is one more provider marked @HealthComponent(): the paths and the answers' shape stay the same.
 */
export interface HealthComponent {
  readonly name: string;
  check(): Promise<HealthDetails>;
}

/** The discoverable mark (Nest's DiscoveryService finds providers by it). */
export const HEALTH_COMPONENT = DiscoveryService.createDecorator<Record<string, never>>();

/** Marks a provider as a component of /health; the registry finds every one in the app at start-up. */
export const HealthComponentProvider = (): ClassDecorator => applyDecorators(Injectable(), HEALTH_COMPONENT({}));
