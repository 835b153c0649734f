import { ApiProperty } from '@nestjs/swagger';
import type { DeadLetterView, DecisionView, OrderView, ReportView } from '@hotline/upstream';

/**
 * The supervision views as responses carry them, described for the OpenAPI document (and so for the
 * console's generated types). Each class `implements` the view the supervision service returns, so a
 * field added there and not here does not compile. Times are Dates in the service and ISO 8601 strings
 * on the wire.
 */
const dateTime = { type: String, format: 'date-time' } as const;
const REPORT_STATES = ['delivered', 'pending', 'deadLettered'] as const;

export class UpstreamReportDto implements ReportView {
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'accepted' }) type: string;
  @ApiProperty(dateTime) createdAt: Date;
  @ApiProperty({ ...dateTime, nullable: true }) deliveredAt: Date | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true, description: "the last failed delivery's error" }) lastError: string | null;
  @ApiProperty({ enum: REPORT_STATES }) state: ReportView['state'];
}

export class UpstreamDecisionViewDto implements DecisionView {
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'extensionDecided' }) type: string;
  @ApiProperty(dateTime) at: Date;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the decision's own fields" })
  body: Record<string, unknown>;
  @ApiProperty(dateTime) appliedAt: Date;
}

export class UpstreamDeadlinesDto {
  @ApiProperty({ ...dateTime, nullable: true }) accept: Date | null;
  @ApiProperty({ ...dateTime, nullable: true }) reply: Date | null;
}

export class UpstreamDeadLetterMarkDto {
  @ApiProperty(dateTime) at: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class UpstreamOrderCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() status: string;
  @ApiProperty() channel: string;
  @ApiProperty({ type: String, nullable: true }) slaStage: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) slaDeadline: Date | null;
}

export class UpstreamOrderViewDto implements OrderView {
  @ApiProperty() orderNo: string;
  @ApiProperty({ example: '12345' }) platform: string;
  @ApiProperty() cityCategory: string;
  @ApiProperty({ description: "false: the city's category had no mapping; the order waits for dispatch" }) mapped: boolean;
  @ApiProperty(dateTime) receivedAt: Date;
  @ApiProperty({ type: UpstreamDeadlinesDto }) deadlines: UpstreamDeadlinesDto;
  @ApiProperty({ type: UpstreamDeadLetterMarkDto, nullable: true }) deadLetter: UpstreamDeadLetterMarkDto | null;
  @ApiProperty({ type: UpstreamOrderCaseDto }) case: UpstreamOrderCaseDto;
  @ApiProperty({ type: [UpstreamReportDto] }) reports: UpstreamReportDto[];
  @ApiProperty({ type: [UpstreamDecisionViewDto] }) decisions: UpstreamDecisionViewDto[];
}

export class UpstreamDeadLetterDto implements DeadLetterView {
  @ApiProperty() orderNo: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty(dateTime) deadAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ description: 'reports not yet acknowledged by the city' }) pendingReports: number;
}
