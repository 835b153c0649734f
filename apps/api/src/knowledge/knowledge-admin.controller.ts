import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import {
  AdminKnowledgeEntryDto,
  CreateKnowledgeEntryDto,
  RetireKnowledgeEntryDto,
  UpdateKnowledgeEntryDto,
} from './knowledge-admin.dto';
import { KnowledgeStoreService } from './knowledge-store.service';

/**
 * The centre edits its knowledge base: admins and supervisors (the centre's shift leads own what
 * operators answer with, as they own the reply review); every change audited.
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/admin/knowledge')
export class KnowledgeAdminController {
  constructor(private readonly store: KnowledgeStoreService) {}

  /** Every entry, retired ones last, with how often it was given as a direct answer. */
  @Get()
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: [AdminKnowledgeEntryDto] })
  list(): Promise<AdminKnowledgeEntryDto[]> {
    return this.store.list();
  }

  /** 409 when the code is taken. */
  @Post()
  @Roles('admin', 'supervisor')
  @ApiCreatedResponse({ type: AdminKnowledgeEntryDto })
  create(@Body() body: CreateKnowledgeEntryDto, @Actor() actor: AuditActor): Promise<AdminKnowledgeEntryDto> {
    const { code, ...content } = body;
    return this.store.create(code, content, actor);
  }

  /** 409 on a retired entry. */
  @Patch(':code')
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: AdminKnowledgeEntryDto })
  update(
    @Param('code') code: string,
    @Body() body: UpdateKnowledgeEntryDto,
    @Actor() actor: AuditActor,
  ): Promise<AdminKnowledgeEntryDto> {
    return this.store.update(code, body, actor);
  }

  /** No longer offered to operators; kept with its count. */
  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: AdminKnowledgeEntryDto })
  retire(
    @Param('code') code: string,
    @Body() body: RetireKnowledgeEntryDto,
    @Actor() actor: AuditActor,
  ): Promise<AdminKnowledgeEntryDto> {
    return this.store.retire(code, body.reason ?? '', actor);
  }
}
