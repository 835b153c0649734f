import { ApiProperty } from '@nestjs/swagger';
import type { DepartmentReturns, ExtensionRequestView } from '@hotline/cases';
import { CodeNameDto } from './case-view.dto';

/** The work lists' answers, for the OpenAPI document; `implements` keeps them in step with the queries. */
export class ExtensionRequestDto implements ExtensionRequestView {
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

export class DepartmentReturnsDto implements DepartmentReturns {
  @ApiProperty({ type: () => CodeNameDto }) department: CodeNameDto;
  @ApiProperty({ description: 'returns (退单) the department made in the period' }) returns: number;
  @ApiProperty({ description: 'of which dispatchers rejected' }) rejected: number;
  @ApiProperty({ description: 'of which were dispatched again' }) redispatched: number;
  @ApiProperty({ description: "still waiting for a dispatcher's decision" }) waiting: number;
}
