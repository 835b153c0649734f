import { ApiProperty } from '@nestjs/swagger';
import { SLA_STAGES } from '@hotline/sla';
import {
  SUSPENSION_REASONS,
  SUSPENSION_STATUSES,
  type DepartmentReturns,
  type ExtensionRequestView,
  type SuspensionStatus,
  type SuspensionView,
} from '@hotline/cases';
import { CodeNameDto } from './case-view.dto';

/** The work lists' answers, for the OpenAPI document; `implements` keeps them in step with the queries. */
export class ExtensionRequestViewDto implements ExtensionRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ description: 'working days asked for' }) days: number;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: 'pending' | 'approved' | 'rejected';
  @ApiProperty({ type: String, nullable: true, description: "the requester's display name" }) requestedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: Date;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: Date | null;
}

export class SuspensionDto implements SuspensionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: SLA_STAGES, description: 'the stage whose clock the request is about' }) stage: string;
  @ApiProperty({ enum: SUSPENSION_REASONS }) reason: string;
  @ApiProperty() note: string;
  @ApiProperty({ enum: SUSPENSION_STATUSES }) status: SuspensionStatus;
  @ApiProperty({ type: String, nullable: true, description: "the requester's display name" }) requestedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: Date;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the clock stopped' })
  suspendedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "the policy's maximum: resumes by itself then" })
  resumeBy: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resumedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, enum: ['department', 'supervisor', 'maximum'] }) resumeCause: string | null;
}

export class DepartmentReturnsDto implements DepartmentReturns {
  @ApiProperty({ type: () => CodeNameDto }) department: CodeNameDto;
  @ApiProperty({ description: 'returns (退单) the department made in the period' }) returns: number;
  @ApiProperty({ description: 'of which dispatchers rejected' }) rejected: number;
  @ApiProperty({ description: 'of which were dispatched again' }) redispatched: number;
  @ApiProperty({ description: "still waiting for a dispatcher's decision" }) waiting: number;
}
