import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@hotline/auth';
import { CaseActionRequest, CaseQueryService, CaseTransitionService, TransitionActor } from '@hotline/cases';
import { InputInvalid } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import {
  AssignDto,
  CallbackDto,
  DirectAnswerDto,
  DispatchCaseDto,
  EmptyActionDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  LeadReviewDto,
  MergeDto,
  NoteDto,
  OptionalNoteDto,
  ReasonDto,
  ReplyDto,
  ReviewDto,
  SuperviseDto,
  SuspendDto,
  SuspensionDecisionDto,
} from './case-action.dto';
import { AllowedActionsDto, CaseViewDto } from './case-view.dto';
import { KnowledgeStoreService } from '../knowledge/knowledge-store.service';

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
// Every action answers the updated case (GET actions, below, declares its own answer).
@ApiOkResponse({ type: CaseViewDto })
@Controller('api/v1/cases/:id')
export class CaseActionsController {
  constructor(
    private readonly transitions: CaseTransitionService,
    private readonly query: CaseQueryService,
    private readonly reference: ReferenceDataService,
    private readonly knowledge: KnowledgeStoreService,
  ) {}

  /**
   * What the signed-in user may do on the case now, for the console's buttons: `{actions: [...]}` with
   * the state machine's action names (requestExtension = POST extension-requests, …).
   */
  @Get('actions')
  @ApiOkResponse({ type: AllowedActionsDto })
  async actions(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    await this.query.loadVisibleRow(id, user);
    return { actions: await this.transitions.allowedActions(id, transitionActorOf(user)) };
  }

  /** 派单 by a dispatcher: a case the rules could not route, or one a department returned. */
  @Post('dispatch')
  @HttpCode(200)
  async dispatch(@Param('id', uuid) id: string, @Body() body: DispatchCaseDto, @CurrentUser() user: AuthUser) {
    const snapshot = await this.reference.current();
    const problems = [];
    const lead = snapshot.activeDepartment(body.leadDepartmentCode);
    if (!lead)
      problems.push({ field: 'leadDepartmentCode', reason: `unknown or retired department "${body.leadDepartmentCode}"` });
    const assisting = body.assistingDepartmentCodes.map((code, i) => {
      const d = snapshot.activeDepartment(code);
      if (!d) problems.push({ field: `assistingDepartmentCodes.${i}`, reason: `unknown or retired department "${code}"` });
      else if (code === body.leadDepartmentCode)
        problems.push({ field: `assistingDepartmentCodes.${i}`, reason: 'the lead department cannot also assist' });
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

  /** 签收 by the lead department (or an assisting department, for its part). */
  @Post('accept')
  @HttpCode(200)
  accept(@Param('id', uuid) id: string, @Body() _body: EmptyActionDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'accept' });
  }

  /** 退单 with a reason: before acceptance, or within the return window after it. */
  @Post('return')
  @HttpCode(200)
  returnCase(@Param('id', uuid) id: string, @Body() body: ReasonDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'return', reason: body.reason });
  }

  /** The dispatcher refuses a return: the case goes back to the department. */
  @Post('reject-return')
  @HttpCode(200)
  rejectReturn(@Param('id', uuid) id: string, @Body() body: OptionalNoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'rejectReturn', note: body.note });
  }

  /** 延期申请; the request's id is in the `extensionRequested` event's data. */
  @Post('extension-requests')
  @HttpCode(200)
  requestExtension(@Param('id', uuid) id: string, @Body() body: ExtensionRequestDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'requestExtension', days: body.days, reason: body.reason });
  }

  @Post('extension-requests/:rid/approve')
  @HttpCode(200)
  approveExtension(
    @Param('id', uuid) id: string,
    @Param('rid', uuid) rid: string,
    @Body() body: ExtensionDecisionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.act(id, user, { action: 'approveExtension', requestId: rid, note: body.note });
  }

  @Post('extension-requests/:rid/reject')
  @HttpCode(200)
  rejectExtension(
    @Param('id', uuid) id: string,
    @Param('rid', uuid) rid: string,
    @Body() body: ExtensionDecisionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.act(id, user, { action: 'rejectExtension', requestId: rid, note: body.note });
  }

  @Post('progress')
  @HttpCode(200)
  progress(@Param('id', uuid) id: string, @Body() body: NoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'progress', note: body.note });
  }

  /** 办结: the lead department for the case, an assisting department to the lead. */
  @Post('reply')
  @HttpCode(200)
  reply(@Param('id', uuid) id: string, @Body() body: ReplyDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'reply', result: body.result });
  }

  /** 办结审核 by the department lead (departments that have the step): approve, or send back with a note. */
  @Post('lead-review')
  @HttpCode(200)
  leadReview(@Param('id', uuid) id: string, @Body() body: LeadReviewDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'leadReview', decision: body.decision, note: body.note });
  }

  /** 办结审核 by the centre (supervisors): pass to the callback, or return to the department with a note. */
  @Post('review')
  @HttpCode(200)
  review(@Param('id', uuid) id: string, @Body() body: ReviewDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'review', decision: body.decision, note: body.note });
  }

  /** 直接答复: the operator answers a consultation instead of dispatching it. */
  @Post('direct-answer')
  @HttpCode(200)
  async directAnswer(@Param('id', uuid) id: string, @Body() body: DirectAnswerDto, @CurrentUser() user: AuthUser) {
    const request: CaseActionRequest = { action: 'directAnswer', answer: body.answer };
    const entry = body.knowledgeEntryId;
    if (!entry) return this.act(id, user, request);
    await this.query.loadVisibleRow(id, user);
    await this.knowledge.countedUse(entry, (manager) =>
      this.transitions.performWithin(manager, id, request, transitionActorOf(user)),
    );
    return this.query.get(id, user);
  }

  /** 回访: satisfied → closed; unsatisfied → reopened to the lead department. */
  @Post('callback')
  @HttpCode(200)
  callback(@Param('id', uuid) id: string, @Body() body: CallbackDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'callback', satisfaction: body.satisfaction, solved: body.solved, note: body.note });
  }

  /** The citizen could not be reached; the last allowed attempt closes the case as unreachable. */
  @Post('callback-attempt')
  @HttpCode(200)
  callbackAttempt(@Param('id', uuid) id: string, @Body() body: OptionalNoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'callbackAttempt', note: body.note });
  }

  @Post('close')
  @HttpCode(200)
  close(@Param('id', uuid) id: string, @Body() body: ReasonDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'close', reason: body.reason });
  }

  /**
   * 重办 on a repeat call: the citizen calls again about a case closed within the window
   * (REPEAT_CALL_WINDOW_DAYS); the case goes back to its lead department with the new call as the note.
   */
  @Post('reopen')
  @HttpCode(200)
  reopen(@Param('id', uuid) id: string, @Body() body: NoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'reopen', note: body.note });
  }

  /** 重复件: this case follows the target from now on. */
  @Post('merge')
  @HttpCode(200)
  merge(@Param('id', uuid) id: string, @Body() body: MergeDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'merge', targetCaseId: body.targetCaseId });
  }

  /** 督办. */
  @Post('supervise')
  @HttpCode(200)
  supervise(@Param('id', uuid) id: string, @Body() body: SuperviseDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'supervise', level: body.level, note: body.note });
  }

  /** 催办 (counted). */
  @Post('urge')
  @HttpCode(200)
  urge(@Param('id', uuid) id: string, @Body() body: OptionalNoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'urge', note: body.note });
  }

  @Post('assign')
  @HttpCode(200)
  assign(@Param('id', uuid) id: string, @Body() body: AssignDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'assign', userId: body.userId });
  }

  /**
   * 挂起: the lead department asks to stop the running stage's clock (reason code and note); nothing
   * stops until a supervisor approves.
   */
  @Post('suspend')
  @HttpCode(200)
  suspend(@Param('id', uuid) id: string, @Body() body: SuspendDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'suspend', reason: body.reason, note: body.note });
  }

  /** A supervisor approves (the clock stops, keeping the working time left) or refuses the pending request. */
  @Post('suspension-decision')
  @HttpCode(200)
  decideSuspension(@Param('id', uuid) id: string, @Body() body: SuspensionDecisionDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'decideSuspension', decision: body.decision, note: body.note });
  }

  /** The lead department or a supervisor restarts the clock: the new deadline is now + the working time left. */
  @Post('resume')
  @HttpCode(200)
  resume(@Param('id', uuid) id: string, @Body() body: OptionalNoteDto, @CurrentUser() user: AuthUser) {
    return this.act(id, user, { action: 'resume', note: body.note });
  }

  /** Scope first (a department learns nothing of another's case), then the one state machine. */
  private async act(id: string, user: AuthUser, request: CaseActionRequest) {
    await this.query.loadVisibleRow(id, user);
    await this.transitions.perform(id, request, transitionActorOf(user));
    return this.query.get(id, user);
  }
}
