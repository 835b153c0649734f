import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CleanText } from '../http/text-rules';

/** Codes are identifiers that rules, filters and URLs carry: lower-case letters, digits, dots and hyphens. */
const CODE = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const CODE_RULE = 'must be 1–64 lower-case letters, digits, dots or hyphens, starting with a letter or digit';
const DEPARTMENT_TYPES = ['bureau', 'street'] as const;

/** The two names every department and category carries. */
class NamesDto {
  @ApiProperty({ example: '文化和旅游局' })
  @IsString()
  @CleanText()
  @Length(1, 120)
  name: string;

  @ApiProperty({ example: 'Culture and Tourism Bureau' })
  @IsString()
  @CleanText()
  @Length(1, 160)
  nameEn: string;
}

export class CreateDepartmentDto extends NamesDto {
  @ApiProperty({ example: 'culture' })
  @Matches(CODE, { message: `code ${CODE_RULE}` })
  code: string;

  @ApiProperty({ enum: DEPARTMENT_TYPES })
  @IsIn(DEPARTMENT_TYPES, { message: `type must be one of ${DEPARTMENT_TYPES.join(', ')}` })
  type: 'bureau' | 'street';
}

/** Any of the names and the type. */
export class UpdateDepartmentDto extends PartialType(OmitType(CreateDepartmentDto, ['code'] as const)) {}

export class RetireDepartmentDto {
  @ApiProperty({ description: 'why, for the audit trail', example: '机构改革撤销' })
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason: string;
}

export class MergeDepartmentDto extends RetireDepartmentDto {
  @ApiProperty({ description: 'the department that takes over its open cases, users and rules', example: 'housing' })
  @IsString()
  @Length(1, 64)
  into: string;
}

export class DepartmentAdminDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: DEPARTMENT_TYPES }) type: 'bureau' | 'street';
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the department it was merged into' }) mergedInto: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt: Date | null;
  @ApiProperty({ description: 'open cases it leads or assists' }) openCases: number;
  @ApiProperty() activeUsers: number;
  @ApiProperty({ type: [String], description: 'routing rules that name it' }) ruleCodes: string[];
}

export class CreateCategoryDto extends NamesDto {
  @ApiProperty({ example: 'city-appearance.shared-bikes' })
  @Matches(CODE, { message: `code ${CODE_RULE}` })
  code: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the group it goes under; absent or null: the top level (on an edit, null moves it there)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  parentCode?: string | null;

  @ApiPropertyOptional({
    description: 'acknowledge that no rule routes it (or what the move leaves): its cases go to the dispatchers on purpose',
  })
  @IsOptional()
  @IsBoolean()
  toDispatcher?: boolean;
}

/** Rename and/or move (`parentCode`), with the same acknowledgement. */
export class UpdateCategoryDto extends PartialType(OmitType(CreateCategoryDto, ['code'] as const)) {}

export class CategoryAdminDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty({ type: [String], description: 'root first, own code last' }) path: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'cases filed under it' }) cases: number;
}

export class RoutingRuleDto {
  @ApiProperty({ example: 'R52' })
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'code must be 1–32 letters, digits, dots, hyphens or underscores' })
  code: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  categoryCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  streetCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  gridCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  kind?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  keywords?: string[];

  @ApiProperty({ example: 'city-mgmt' })
  @IsString()
  @Length(1, 64)
  leadDepartmentCode: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  assistingDepartmentCodes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(0, 500)
  note?: string;
}

export class RuleSetBodyDto {
  @ApiProperty({ type: [RoutingRuleDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules: RoutingRuleDto[];

  @ApiProperty({
    type: [String],
    description: 'categories left to the dispatchers on purpose (a group covers its sub-categories)',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  dispatcherCategories: string[];
}

export class SaveRuleSetDto extends RuleSetBodyDto {
  @ApiProperty({ description: 'why, kept with the version', example: '香炉礁街道占道经营改由城管主办' })
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason: string;
}

export class PreviewSampleDto {
  @ApiProperty({ example: 'complaint' })
  @IsString()
  @Length(1, 32)
  kind: string;

  @ApiProperty({ example: 'city-appearance.street-vending' })
  @IsString()
  @Length(1, 80)
  categoryCode: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  streetCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  gridCode?: string;

  @ApiPropertyOptional({ description: 'title and description, searched for keywords' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(0, 4000)
  text?: string;
}

export class PreviewRuleSetDto extends RuleSetBodyDto {
  @ApiPropertyOptional({ type: PreviewSampleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewSampleDto)
  sample?: PreviewSampleDto;
}

export class RollbackDto {
  @ApiProperty({ example: '回退：新规则误派' })
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason: string;
}

export class StoredRuleDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) categoryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) streetCode: string | null;
  @ApiProperty({ type: String, nullable: true }) gridCode: string | null;
  @ApiProperty({ type: String, nullable: true }) kind: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty() leadDepartmentCode: string;
  @ApiProperty({ type: [String] }) assistingDepartmentCodes: string[];
  @ApiProperty() note: string;
}

export class RuleSetVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: [StoredRuleDto] }) rules: StoredRuleDto[];
  @ApiProperty({ type: [String] }) dispatcherCategories: string[];
  @ApiProperty() reason: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the version this one restored' }) rolledBackFrom: number | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class RoutingDecisionDto {
  @ApiProperty() ruleCode: string;
  @ApiProperty() leadDepartmentCode: string;
  @ApiProperty({ type: [String] }) assistingDepartmentCodes: string[];
  @ApiProperty() score: number;
  @ApiProperty() explanation: string;
}

export class FieldProblemDto {
  @ApiProperty() field: string;
  @ApiProperty() reason: string;
}

export class SampleRoutesDto {
  @ApiProperty({ type: RoutingDecisionDto, nullable: true, description: 'null: a dispatcher' })
  current: RoutingDecisionDto | null;
  @ApiProperty({ type: RoutingDecisionDto, nullable: true, description: 'null: a dispatcher' })
  proposed: RoutingDecisionDto | null;
}

export class RouteChangeDto extends SampleRoutesDto {
  @ApiProperty() caseNo: string;
  @ApiProperty({ type: String, nullable: true }) categoryCode: string | null;
}

export class RecentChangesDto {
  @ApiProperty({ type: String, format: 'date-time' }) since: Date;
  @ApiProperty({ description: 'cases received since then that were replayed' }) examined: number;
  @ApiProperty({ description: 'how many would go elsewhere' }) changed: number;
  @ApiProperty({ type: [RouteChangeDto], description: 'the first 200 of them, newest first' }) cases: RouteChangeDto[];
}

export class RuleSetPreviewDto {
  @ApiProperty({ type: [FieldProblemDto], description: 'what saving this set would be refused for' }) problems: FieldProblemDto[];
  @ApiProperty({ type: [String] }) unroutedCategories: string[];
  @ApiProperty({ type: SampleRoutesDto, nullable: true }) sample: SampleRoutesDto | null;
  @ApiProperty({ type: RecentChangesDto }) recent: RecentChangesDto;
}
