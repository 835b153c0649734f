import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { StatsProjectorService } from './projection/stats-projector.service';
import { StatsQueryService } from './query/stats-query.service';
import { StatsSettingsService } from './query/stats-settings.service';

/** Statistics: the projector (worker side) and the queries behind /api/v1/stats (API side). */
@Module({
  imports: [CasesModule],
  providers: [StatsProjectorService, StatsQueryService, StatsSettingsService],
  exports: [StatsProjectorService, StatsQueryService, StatsSettingsService],
})
export class StatsModule {}
