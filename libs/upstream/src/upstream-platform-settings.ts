import { Injectable } from '@nestjs/common';
import { AppConfig, DEMO_UPSTREAM_12345_SECRET } from '@hotline/config';
import { UPSTREAM_PLATFORMS, type UpstreamPlatform, type UpstreamPlatformCode } from './domain';

/** A platform with what this process knows of it from the environment. */
export interface ConfiguredPlatform extends UpstreamPlatform {
  /** null: not configured (production without a secret), every signed request is refused. */
  secret: string | null;
  /** Where reports go; null: reports wait (and retry) until it is set. */
  reportUrl: string | null;
}

/** The platforms' secrets and URLs, read from AppConfig (UPSTREAM_<code>_SECRET / _URL). */
@Injectable()
export class UpstreamPlatformSettings {
  constructor(private readonly config: AppConfig) {}

  get(code: UpstreamPlatformCode): ConfiguredPlatform {
    const platform: UpstreamPlatform = UPSTREAM_PLATFORMS[code];
    // One platform today; a second adds its variables to AppConfig and a branch here.
    const secret = this.config.UPSTREAM_12345_SECRET ?? (this.config.isProduction ? null : DEMO_UPSTREAM_12345_SECRET);
    return { ...platform, secret, reportUrl: this.config.UPSTREAM_12345_URL ?? null };
  }
}
