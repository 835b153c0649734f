import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { CaseRoutingService } from './case-routing.service';
import { RoutingAdminService } from './routing-admin.service';
import { RoutingRulesService } from './routing-rules.service';

const ROUTING_SERVICES = [CaseRoutingService, RoutingRulesService, RoutingAdminService];

@Module({ imports: [CasesModule], providers: ROUTING_SERVICES, exports: ROUTING_SERVICES })
export class RoutingModule {}
