import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@hotline/auth';
import { CaseQueryService, CaseTransitionService, TransitionActor } from '@hotline/cases';
import { InputInvalid } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import { DispatchCaseDto } from './case-action.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

export function transitionActorOf(user: AuthUser): TransitionActor {
  return { id: user.id, name: user.displayName, role: user.role, departmentId: user.departmentId };
}

/**
 * `POST /api/v1/cases/{id}/<action>`: every action goes through the one state machine, which decides
 * role (403), state (409) and rules; each answers 200 with the updated case.
 */
@ApiTags('case actions')
@ApiBearerAuth()
@Controller('api/v1/cases/:id')
export class CaseActionsController {
  constructor(
    private readonly transitions: CaseTransitionService,
    private readonly query: CaseQueryService,
    private readonly reference: ReferenceDataService,
  ) {}

  /** 派单 by a dispatcher: a case the rules could not route, or one a department returned. */
  @Post('dispatch')
  @HttpCode(200)
  async dispatch(@Param('id', uuid) id: string, @Body() body: DispatchCaseDto, @CurrentUser() user: AuthUser) {
    const snapshot = await this.reference.current();
    const problems = [];
    const lead = snapshot.departmentsByCode.get(body.leadDepartmentCode);
    if (!lead) problems.push({ field: 'leadDepartmentCode', reason: `unknown department "${body.leadDepartmentCode}"` });
    const assisting = body.assistingDepartmentCodes.map((code, i) => {
      const d = snapshot.departmentsByCode.get(code);
      if (!d) problems.push({ field: `assistingDepartmentCodes.${i}`, reason: `unknown department "${code}"` });
      else if (code === body.leadDepartmentCode) problems.push({ field: `assistingDepartmentCodes.${i}`, reason: 'the lead department cannot also assist' });
      return d;
    });
    if (problems.length) throw new InputInvalid(problems);
    await this.query.loadVisibleRow(id, user);
    await this.transitions.apply(
      id,
      { action: 'dispatch', leadDepartmentId: lead!.id, assistingDepartmentIds: assisting.map((d) => d!.id) },
      transitionActorOf(user),
      { data: { leadDepartmentCode: lead!.code, assistingDepartmentCodes: body.assistingDepartmentCodes, by: 'dispatcher' } },
    );
    return this.query.get(id, user);
  }
}
