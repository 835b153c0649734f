import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEAD_REVIEW_DECISIONS,
  REVIEW_DECISIONS,
  SATISFACTION_VERDICTS,
  SUPERVISION_LEVELS,
  SUSPENSION_DECISIONS,
  SUSPENSION_REASONS,
  type LeadReviewDecision,
  type ReviewDecision,
  type SatisfactionVerdict,
  type SupervisionLevel,
  type SuspensionDecision,
  type SuspensionReason,
} from '@hotline/cases';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { CleanText } from '../http/text-rules';

/** 派单: the lead department (主办) and optional assisting ones (协办). */
export class DispatchCaseDto {
  @ApiProperty({ example: 'heating' })
  @IsString()
  @Length(1, 64)
  leadDepartmentCode: string;

  @ApiPropertyOptional({ type: [String], example: ['street-baiyun'] })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  assistingDepartmentCodes: string[] = [];
}

/** Actions without a body (签收, reject-return): any field is refused. */
export class EmptyActionDto {}

/** 退单, supervisor close: a reason is mandatory. */
export class ReasonDto {
  @ApiProperty({ example: '不属于本单位职责' })
  @IsString()
  @Length(1, 500)
  @CleanText()
  reason: string;
}

/** progress: a note visible to the centre. */
export class NoteDto {
  @ApiProperty({ example: '已联系供热站检修' })
  @IsString()
  @Length(1, 2000)
  @CleanText()
  note: string;
}

/** urge, callback-attempt, reject-return, extension decisions: an optional note. */
export class OptionalNoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** Approving or rejecting an extension: an optional note, kept with the request (at most 500 characters there). */
export class ExtensionDecisionDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  @CleanText()
  note?: string;
}

/** 延期申请. */
export class ExtensionRequestDto {
  @ApiProperty({ minimum: 1, maximum: 30, example: 3 })
  @IsInt()
  @Min(1)
  @Max(30)
  days: number;

  @ApiProperty({ example: '需协调燃气公司，时间较长' })
  @IsString()
  @Length(1, 500)
  @CleanText()
  reason: string;
}

/** 挂起 request: why the stage's clock should stop (a reason code and a note for the supervisor). */
export class SuspendDto {
  @ApiProperty({ enum: SUSPENSION_REASONS })
  @IsIn(SUSPENSION_REASONS)
  reason: SuspensionReason;

  @ApiProperty({ example: '当事双方已诉至法院，待判决后处理' })
  @IsString()
  @Length(1, 2000)
  @CleanText()
  note: string;
}

/** A supervisor's decision on the pending suspension request. */
export class SuspensionDecisionDto {
  @ApiProperty({ enum: SUSPENSION_DECISIONS })
  @IsIn(SUSPENSION_DECISIONS)
  decision: SuspensionDecision;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** 办结. */
export class ReplyDto {
  @ApiProperty({ example: '已修复管道，室温恢复到20度' })
  @IsString()
  @Length(1, 5000)
  @CleanText()
  result: string;
}

/** 办结审核 by the department lead: approve the reply, or send it back to the staff (a note saying why). */
export class LeadReviewDto {
  @ApiProperty({ enum: LEAD_REVIEW_DECISIONS })
  @IsIn(LEAD_REVIEW_DECISIONS)
  decision: LeadReviewDecision;

  @ApiPropertyOptional({ description: 'required when the decision is return', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** 办结审核 by the centre: pass the reply to the callback, or return it to the department (a note saying why). */
export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ description: 'required when the decision is return', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** 直接答复 of a consultation by the operator. */
export class DirectAnswerDto {
  @ApiProperty({ example: '供暖期为11月1日至次年4月1日' })
  @IsString()
  @Length(1, 5000)
  @CleanText()
  answer: string;

  @ApiPropertyOptional({ example: 'kb-heating-season', description: 'the knowledge-base entry answered with (counted)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  knowledgeEntryId?: string;
}

/** 回访. */
export class CallbackDto {
  @ApiProperty({ enum: SATISFACTION_VERDICTS })
  @IsIn(SATISFACTION_VERDICTS)
  satisfaction: SatisfactionVerdict;

  @ApiProperty()
  @IsBoolean()
  solved: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** 重复件. */
export class MergeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  targetCaseId: string;
}

/** 督办. */
export class SuperviseDto {
  @ApiProperty({ enum: SUPERVISION_LEVELS })
  @IsIn(SUPERVISION_LEVELS)
  level: SupervisionLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @CleanText()
  note?: string;
}

/** The department lead hands the case to one of the department's staff. */
export class AssignDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  userId: string;
}
