import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, exitOnInvalidConfig } from '@hotline/config';
import { ApiModule } from './api.module';
import { secondFactorRolesProblems } from './auth/second-factor.service';
import { configureApiApp } from './configure-app';

async function bootstrap(): Promise<void> {
  exitOnInvalidConfig('api', process.env, [secondFactorRolesProblems]);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  configureApiApp(app);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  await app.listen(config.PORT, '0.0.0.0');
  app.get(Logger).log(`API listening on :${config.PORT} (OpenAPI at /api/docs)`);
}

void bootstrap();
