import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { CaseRoutingService } from './case-routing.service';
import { RoutingRulesCache } from './routing-rules-cache.service';

@Module({ imports: [CasesModule], providers: [CaseRoutingService, RoutingRulesCache], exports: [CaseRoutingService] })
export class RoutingModule {}
