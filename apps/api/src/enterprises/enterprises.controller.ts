import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { AuthUser, CENTRE_ROLES, CurrentUser, Roles } from '@hotline/auth';
import { CaseQueryService } from '@hotline/cases';
import { categoryCodeOfRequestType, ENTERPRISE_REQUEST_TYPES } from '@hotline/enterprises';
import { ReferenceDataService } from '@hotline/reference';
import { selectPolicy } from '@hotline/sla';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { caseListFiltersOf, ListCasesDto } from '../cases/list-cases.dto';
import { CreateEnterpriseDto, UpdateEnterpriseDto } from './enterprise.dto';
import { EnterprisesService } from './enterprises.service';

/** 企业诉求: the enterprise register (admins edit, the centre reads) and each enterprise's cases. */
@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('api/v1/enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly cases: CaseQueryService,
    private readonly reference: ReferenceDataService,
    private readonly sla: SlaSettingsService,
  ) {}

  /** The request types, the category each stands for, and the SLA policy a normal request of that type gets. */
  @Get('request-types')
  async requestTypes() {
    const snapshot = await this.reference.current();
    const { policies } = await this.sla.current();
    return ENTERPRISE_REQUEST_TYPES.map((type) => {
      const code = categoryCodeOfRequestType(type);
      const policy = selectPolicy(policies, { kind: 'enterpriseRequest', categoryCode: code, priority: 'normal' });
      return {
        type,
        category: { code, name: snapshot.categoriesByCode.get(code)?.name ?? null },
        slaPolicy: {
          code: policy.code,
          name: policy.name,
          accept: policy.accept,
          reply: policy.reply,
          callback: policy.callback,
        },
      };
    });
  }

  @Get()
  @Roles(...CENTRE_ROLES)
  list() {
    return this.enterprises.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateEnterpriseDto, @Actor() actor: AuditActor) {
    return this.enterprises.create(body, actor);
  }

  @Get(':uscc')
  @Roles(...CENTRE_ROLES)
  get(@Param('uscc') uscc: string) {
    return this.enterprises.get(uscc);
  }

  @Patch(':uscc')
  @Roles('admin')
  update(@Param('uscc') uscc: string, @Body() body: UpdateEnterpriseDto, @Actor() actor: AuditActor) {
    return this.enterprises.update(uscc, body, actor);
  }

  /** The enterprise's requests, newest first, with the inbox's filters and always within the viewer's scope. */
  @Get(':uscc/cases')
  async casesOf(@Param('uscc') uscc: string, @Query() q: ListCasesDto, @CurrentUser() user: AuthUser) {
    const enterpriseId = await this.enterprises.idOf(uscc);
    return this.cases.list({ ...caseListFiltersOf(q), enterpriseId }, user);
  }
}
