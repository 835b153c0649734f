import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { bearerToken, Public, SessionVerifier } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { AccessDenied, Unauthenticated } from '@hotline/errors';
import { carriesHealthToken, HealthRegistry, HealthReport, publicHealthStatus } from '@hotline/health';

/**
 * The health contract (the worker serves the same on its health port):
 * - `GET /health/live`: 200 `{status: "ok"}` while the process runs (a liveness probe must not restart
 *   the API during a Redis outage);
 * - `GET /health`: 200 or 503 with `{status}` only, public, for load balancers;
 * - `GET /health/details`: every component, for signed-in admins or `Authorization: Bearer <HEALTH_TOKEN>`.
 * Components are providers marked @HealthComponentProvider(); new ones join these paths, never new paths.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly config: AppConfig,
    private readonly sessions: SessionVerifier,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<{ status: 'ok' | 'error' }> {
    const status = publicHealthStatus((await this.registry.report()).status);
    response.status(status === 'error' ? 503 : 200);
    return { status };
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @ApiBearerAuth()
  @Get('details')
  async details(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HealthReport> {
    if (!carriesHealthToken(authorization, this.config.HEALTH_TOKEN)) {
      const token = bearerToken(authorization);
      if (!token) throw new Unauthenticated('Sign in as an admin or send the HEALTH_TOKEN as a bearer token');
      const { user } = await this.sessions.verify(token);
      if (user.role !== 'admin')
        throw new AccessDenied(`The ${user.role} role may not read the health details; allowed: admin`, 'RoleNotAllowed');
    }
    const report = await this.registry.report();
    response.status(report.status === 'error' ? 503 : 200);
    return report;
  }
}
