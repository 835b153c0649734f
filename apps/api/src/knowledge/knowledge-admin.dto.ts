import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CleanText } from '../http/text-rules';

/** A new answer of the knowledge base. */
export class CreateKnowledgeEntryDto {
  @ApiProperty({ example: 'kb-heating-season', description: 'the entry’s id, lower-case letters, digits and dashes' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'code must be lower-case letters, digits and dashes (1–80)' })
  code: string;

  @ApiProperty({ example: 'heating.no-heat', description: 'an active category code' })
  @IsString()
  @Length(1, 80)
  categoryCode: string;

  @ApiProperty({ example: '供暖期是什么时候？' })
  @IsString()
  @CleanText()
  @Length(1, 500)
  question: string;

  @ApiProperty({ example: '西岗区供暖期为每年11月1日至次年4月1日。' })
  @IsString()
  @CleanText()
  @Length(1, 5000)
  answer: string;

  @ApiProperty({ type: [String], example: ['供暖期', '什么时候供暖'], description: 'words a caller says about it' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  keywords: string[];
}

/** A correction: any of the content fields. */
export class UpdateKnowledgeEntryDto extends PartialType(OmitType(CreateKnowledgeEntryDto, ['code'] as const)) {}

export class RetireKnowledgeEntryDto {
  @ApiPropertyOptional({ example: '政策已调整' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason?: string;
}

/** An entry as editors see it. */
export class AdminKnowledgeEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'heating.no-heat' }) categoryCode: string;
  @ApiProperty() question: string;
  @ApiProperty() answer: string;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ description: 'false once retired' }) active: boolean;
  @ApiProperty({ description: 'direct answers given with this entry' }) useCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'last change by the centre' })
  editedAt: Date | null;
}
