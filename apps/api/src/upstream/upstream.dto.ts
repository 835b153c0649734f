import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_KINDS } from '@hotline/cases';
import { CALLBACK_SATISFACTIONS, DECISION_TYPES, type DecisionType } from '@hotline/upstream';
import { CreateCaseDto } from '../cases/create-case.dto';
import { IsoDateTime } from '../http/query-values';
import { CleanText } from '../http/text-rules';

/** The city's order numbers: letters, digits, `-` and `_` (they appear in our URLs). */
export const ORDER_NO_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class OrderDeadlinesDto {
  @ApiPropertyOptional({ description: "the city's accept deadline (签收时限), ISO 8601" })
  @IsOptional()
  @IsoDateTime()
  accept?: Date;

  @ApiPropertyOptional({ description: "the city's reply deadline (办结时限), ISO 8601" })
  @IsOptional()
  @IsoDateTime()
  reply?: Date;
}

/**
 * An order of the city platform (`POST /api/v1/upstream/12345/orders`), signed. Title, description and
 * caller are checked as an operator's intake checks them (the same DTO fields).
 */
export class UpstreamOrderDto extends PickType(CreateCaseDto, ['title', 'description', 'callerName', 'callerPhone'] as const) {
  @ApiProperty({ example: 'DL12345-20261129-0001', pattern: ORDER_NO_PATTERN.source })
  @IsString()
  @Matches(ORDER_NO_PATTERN, { message: 'orderNo must be 1–64 letters, digits, - or _' })
  orderNo: string;

  @ApiProperty({ description: 'when the city took the call, ISO 8601' })
  @IsoDateTime()
  receivedAt: Date;

  @ApiProperty({ type: OrderDeadlinesDto })
  @ValidateNested()
  @Type(() => OrderDeadlinesDto)
  deadlines: OrderDeadlinesDto;

  @ApiProperty({
    description: "the city's category text, mapped to ours by the admin-editable table",
    example: '城市管理>占道经营',
  })
  @IsString()
  @CleanText()
  @Length(1, 100)
  category: string;

  @ApiProperty({
    maxLength: 300,
    description: 'placed as any address; one that names no single register entry waits for a dispatcher',
  })
  @IsString()
  @CleanText()
  @Length(1, 300)
  address: string;

  @ApiPropertyOptional({ description: 'WGS-84 latitude; with lng, places the case' })
  @ValidateIf((o: UpstreamOrderDto) => o.lat !== undefined || o.lng !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'WGS-84 longitude' })
  @ValidateIf((o: UpstreamOrderDto) => o.lat !== undefined || o.lng !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;
}

export class OrderTakenDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: 'XG20261129000001' })
  caseNo: string;
}

const when =
  (...types: DecisionType[]) =>
  (o: UpstreamDecisionDto) =>
    types.includes(o.type);

/**
 * A decision of the city (`POST …/orders/{orderNo}/events`): `{seq, type, at, …}` with the fields of its
 * type; a field of another type is refused (400), as every unknown field is.
 */
export class UpstreamDecisionDto {
  @ApiProperty({ minimum: 1, description: "the city's sequence number of its decisions on this order; each applied once" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  seq: number;

  @ApiProperty({ enum: DECISION_TYPES })
  @IsIn(DECISION_TYPES, { message: `type must be one of ${DECISION_TYPES.join(', ')}` })
  type: DecisionType;

  @ApiProperty({ description: 'when the city decided, ISO 8601' })
  @IsoDateTime()
  at: Date;

  @ApiPropertyOptional({ description: 'returnDecided: the city takes the order back' })
  @ValidateIf(when('returnDecided'))
  @IsBoolean()
  accepted?: boolean;

  @ApiPropertyOptional({ description: 'extensionDecided' })
  @ValidateIf(when('extensionDecided'))
  @IsBoolean()
  approved?: boolean;

  @ApiPropertyOptional({ description: 'extensionDecided: the days the city granted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({ description: 'recalled (撤单): why' })
  @ValidateIf(when('recalled'))
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ enum: CALLBACK_SATISFACTIONS, description: 'calledBack' })
  @ValidateIf(when('calledBack'))
  @IsIn(CALLBACK_SATISFACTIONS, { message: `satisfaction must be one of ${CALLBACK_SATISFACTIONS.join(', ')}` })
  satisfaction?: (typeof CALLBACK_SATISFACTIONS)[number];

  @ApiPropertyOptional({ description: 'calledBack: the problem itself was solved' })
  @ValidateIf(when('calledBack'))
  @IsBoolean()
  solved?: boolean;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(0, 1000)
  note?: string;
}

export class DecisionOutcomeDto {
  @ApiProperty()
  orderNo: string;

  @ApiProperty()
  seq: number;

  @ApiProperty({ description: 'false: this seq was applied before, nothing changed now' })
  applied: boolean;

  @ApiProperty()
  caseStatus: string;
}

export class PutCategoryMappingDto {
  @ApiProperty({ example: '城市管理>占道经营' })
  @IsString()
  @CleanText()
  @Length(1, 100)
  cityCategory: string;

  @ApiProperty({ example: 'city-appearance.street-vending' })
  @IsString()
  @Length(1, 80)
  categoryCode: string;

  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS, { message: `kind must be one of ${CASE_KINDS.join(', ')}` })
  kind: (typeof CASE_KINDS)[number];
}

export class ReturnOrderDto {
  @ApiProperty({ maxLength: 500, description: "why the order is not the district's to handle" })
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason: string;
}
