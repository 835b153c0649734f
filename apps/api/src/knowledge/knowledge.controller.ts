import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Roles } from '@hotline/auth';
import { KnowledgeEntry } from './knowledge-base';
import { KnowledgeStoreService } from './knowledge-store.service';

export class KnowledgeQueryDto {
  @ApiPropertyOptional({ description: 'category code at any level', example: 'heating.no-heat' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  category?: string;
  @ApiPropertyOptional({ description: "the caller's words", example: '什么时候供暖' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

/** One knowledge-base answer, for the OpenAPI document. */
class KnowledgeEntryDto implements KnowledgeEntry {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'heating.no-heat' }) categoryCode: string;
  @ApiProperty() question: string;
  @ApiProperty() answer: string;
  @ApiProperty({ type: [String] }) keywords: string[];
}

/** The knowledge base operators answer consultations from (直接答复), kept in PostgreSQL (edited: KnowledgeAdminController). */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class KnowledgeController {
  constructor(private readonly store: KnowledgeStoreService) {}

  /** Up to five answers, best first. */
  @Get()
  @Roles('operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker')
  @ApiOkResponse({ type: [KnowledgeEntryDto] })
  search(@Query() query: KnowledgeQueryDto): Promise<KnowledgeEntry[]> {
    return this.store.search(query.category, query.q);
  }
}
