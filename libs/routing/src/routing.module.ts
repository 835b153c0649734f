import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { CaseRoutingService } from './case-routing.service';

@Module({ imports: [CasesModule], providers: [CaseRoutingService], exports: [CaseRoutingService] })
export class RoutingModule {}
