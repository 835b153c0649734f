import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** Provides the business clock everywhere; tests override `Clock` with a ManualClock. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}
