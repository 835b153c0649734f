import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { Actor, type AuditActor } from '@hotline/audit';
import { CaseIntakeService, CaseQueryService, CaseRevealService } from '@hotline/cases';
import { InputInvalid } from '@hotline/errors';
import { HotlineMetrics } from '@hotline/metrics';
import { transitionActorOf } from './case-actions.controller';
import { CaseEventDto, CasePageDto, CaseViewDto } from './case-view.dto';
import { CreateCaseDto } from './create-case.dto';
import { RevealCallerDto, RevealedCallerDto } from './reveal-caller.dto';
import { caseListFiltersOf, ListCasesDto } from './list-cases.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly query: CaseQueryService,
    private readonly metrics: HotlineMetrics,
    private readonly reveals: CaseRevealService,
  ) {}

  /**
   * 受理: answers 201 once the case is stored; routing follows in the worker, unless the operator answered
   * it on the call (`directAnswer`): then it is stored already replied. With an Idempotency-Key,
   * a repeated submit answers the same case (header Idempotent-Replayed: true) instead of a second one.
   */
  @Post()
  @Roles('operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker')
  @ApiCreatedResponse({ type: CaseViewDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'any unique string per submit (1–100 printable characters)',
  })
  async create(
    @Body() body: CreateCaseDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,100}$/.test(idempotencyKey)) {
      throw new InputInvalid([{ field: 'Idempotency-Key', reason: 'must be 1–100 printable ASCII characters without spaces' }]);
    }
    const { id, replayed, created } = await this.intake.receive(body, transitionActorOf(user), idempotencyKey);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    else this.metrics.casesReceived.inc({ channel: body.channel, kind: body.kind });
    // The case as this intake committed it (no read back); a replay or a direct answer reads it.
    return created ? this.query.viewOfRow(created, user) : this.query.get(id, user);
  }

  /** The inbox: every role sees only its scope (a department its own cases, a grid worker its grids). */
  @Get()
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() q: ListCasesDto, @CurrentUser() user: AuthUser) {
    return this.query.list(caseListFiltersOf(q), user);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseViewDto })
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.query.get(id, user);
  }

  /**
   * The caller's name and phone in full for a viewer who sees them masked (a department's first
   * contact, 先行联系), with a reason; every reveal is audited. 403 CallerConfidential on a confidential
   * case (举报) outside the centre.
   */
  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOkResponse({ type: RevealedCallerDto })
  reveal(
    @Param('id', uuid) id: string,
    @Body() body: RevealCallerDto,
    @CurrentUser() user: AuthUser,
    @Actor() actor: AuditActor,
  ): Promise<RevealedCallerDto> {
    return this.reveals.reveal(id, user, body.reason, actor);
  }

  /** The history, oldest first. */
  @Get(':id/events')
  @ApiOkResponse({ type: [CaseEventDto] })
  events(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.query.events(id, user);
  }
}
