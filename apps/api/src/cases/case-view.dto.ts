import { ApiProperty } from '@nestjs/swagger';
import {
  CALLBACK_CHANNELS,
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  SUPERVISION_LEVELS,
  type CallbackChannel,
} from '@hotline/cases';
import type { CaseAction } from '@hotline/cases';
import type { CaseEventView, CaseView } from '@hotline/cases';
import { CALENDAR_SOURCES, SLA_STAGES, SLA_UNITS, type CalendarSource, type SlaUnit } from '@hotline/sla';

/**
 * The case as responses carry it, described for the OpenAPI document (and so for the console's
 * generated types). Each class `implements` the view the query service returns, so a field added there
 * and not here does not compile. Times are Dates in the service and ISO 8601 strings on the wire.
 */
const dateTime = { type: String, format: 'date-time' } as const;

export class CodeNameDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class DepartmentRefDto extends CodeNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class CaseCallerDto {
  @ApiProperty() name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'masked (138****5678) unless the viewer may see it in full; null when the caller left no phone (an e-mail-only Open311 report)',
  })
  phone: string | null;
  @ApiProperty({ enum: ['full', 'masked'] }) visibility: 'full' | 'masked';
  @ApiProperty({
    enum: CALLBACK_CHANNELS,
    description:
      'how the callback (回访) can reach the citizen: phone; e-mail (an Open311 report without a phone); none (closed without a callback)',
  })
  callbackBy: CallbackChannel;
}

export class CaseCountersDto {
  @ApiProperty() returns: number;
  @ApiProperty() extensions: number;
  @ApiProperty() reopens: number;
  @ApiProperty() urges: number;
}

export class CaseRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() caseNo: string;
}

export class SlaDeadlineDto {
  @ApiProperty({ enum: SLA_STAGES }) stage: string;
  @ApiProperty() policyCode: string;
  @ApiProperty(dateTime) startedAt: Date;
  @ApiProperty(dateTime) deadline: Date;
  @ApiProperty(dateTime) warnAt: Date;
  @ApiProperty({ description: 'the event that started the stage or moved its deadline' }) reason: string;
  @ApiProperty({ ...dateTime, nullable: true }) endedAt: Date | null;
  @ApiProperty({ ...dateTime, nullable: true }) breachedAt: Date | null;
  @ApiProperty({ enum: SLA_UNITS, nullable: true }) unit: SlaUnit | null;
  @ApiProperty({ enum: CALENDAR_SOURCES, nullable: true }) calendar: CalendarSource | null;
}

export class SlaViewDto {
  @ApiProperty({ enum: SLA_STAGES, nullable: true }) stage: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) deadline: Date | null;
  @ApiProperty({ ...dateTime, nullable: true }) warnAt: Date | null;
  @ApiProperty({ enum: ['normal', 'warning', 'overdue'] }) state: 'normal' | 'warning' | 'overdue';
  @ApiProperty({ type: Number, nullable: true, description: 'working minutes to the running deadline, negative past it' })
  workingMinutesLeft: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "time left in the stage's own unit, negative when overdue" })
  minutesLeft: number | null;
  @ApiProperty({ enum: SLA_UNITS, nullable: true }) unit: SlaUnit | null;
  @ApiProperty({ enum: CALENDAR_SOURCES, nullable: true, description: "where the deadline's days came from" })
  calendar: CalendarSource | null;
  @ApiProperty({ description: '挂起: the stage clock is stopped (no deadline runs until it resumes)' }) suspended: boolean;
  @ApiProperty({ type: () => [SlaDeadlineDto] }) deadlines: SlaDeadlineDto[];
}

export class CaseViewDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'XG20261122000123' }) caseNo: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ description: 'optimistic lock: every change raises it' }) version: number;
  @ApiProperty({ enum: CASE_KINDS }) kind: string;
  @ApiProperty({ type: () => CodeNameDto, nullable: true }) category: CodeNameDto | null;
  @ApiProperty({ enum: CASE_CHANNELS }) channel: string;
  @ApiProperty({ enum: CASE_PRIORITIES }) priority: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: Number, nullable: true }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng: number | null;
  @ApiProperty({ type: () => CodeNameDto, nullable: true }) grid: CodeNameDto | null;
  @ApiProperty({ type: () => CodeNameDto, nullable: true }) community: CodeNameDto | null;
  @ApiProperty({ type: () => CodeNameDto, nullable: true }) street: CodeNameDto | null;
  @ApiProperty() confidential: boolean;
  @ApiProperty({ type: () => CaseCallerDto, nullable: true, description: 'null where the viewer may not see the caller' })
  caller: CaseCallerDto | null;
  @ApiProperty({ type: () => DepartmentRefDto, nullable: true }) leadDepartment: DepartmentRefDto | null;
  @ApiProperty({ type: () => [DepartmentRefDto] }) assistingDepartments: DepartmentRefDto[];
  @ApiProperty({ type: () => CaseCountersDto }) counters: CaseCountersDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the case this one was merged into' })
  mergedIntoId: string | null;
  @ApiProperty({ type: () => [CaseRefDto], description: 'duplicates merged into this case' }) mergedCases: CaseRefDto[];
  @ApiProperty({
    type: () => CaseRefDto,
    nullable: true,
    description: '重办 / follow-up: the closed case this one follows up (intake followUpOf)',
  })
  followUpOf: CaseRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'the reply (办结) or the direct answer' }) result: string | null;
  @ApiProperty({ enum: SUPERVISION_LEVELS, nullable: true }) supervisionLevel: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty(dateTime) receivedAt: Date;
  @ApiProperty({ ...dateTime, nullable: true }) dispatchedAt: Date | null;
  @ApiProperty(dateTime) updatedAt: Date;
  @ApiProperty({ type: () => SlaViewDto }) sla: SlaViewDto;
}

export class CasePageDto {
  @ApiProperty({ type: () => [CaseViewDto] }) items: CaseViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CaseEventActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' }) id: string | null;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
}

export class CaseEventDto implements CaseEventView {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: () => CaseEventActorDto }) actor: CaseEventActorDto;
  @ApiProperty(dateTime) at: Date;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) fromStatus: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) toStatus: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

/** GET /cases/{id}/actions: what the signed-in user may do on the case now (the state machine's names). */
export class AllowedActionsDto {
  @ApiProperty({ enum: CASE_ACTIONS, isArray: true }) actions: CaseAction[];
}
