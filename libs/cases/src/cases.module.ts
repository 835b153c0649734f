import { Module } from '@nestjs/common';
import { ReferenceModule } from '@hotline/reference';
import { CaseIntakeService } from './intake/case-intake.service';
import { CaseQueryService } from './query/case-query.service';
import { CaseTransitionService } from './transitions/case-transition.service';

/** The case services (intake, queries, transitions) for any process with a database connection. */
@Module({
  imports: [ReferenceModule],
  providers: [CaseIntakeService, CaseQueryService, CaseTransitionService],
  exports: [CaseIntakeService, CaseQueryService, CaseTransitionService, ReferenceModule],
})
export class CasesModule {}
