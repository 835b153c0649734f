import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { CaseStatusController } from './case-status.controller';
import { PublicRateLimiter } from './public-rate-limiter';

/** Endpoints without sign-in for citizens and companies, and the rate limits they share. */
@Module({
  imports: [CasesModule],
  controllers: [CaseStatusController],
  providers: [PublicRateLimiter],
  exports: [PublicRateLimiter],
})
export class PublicModule {}
