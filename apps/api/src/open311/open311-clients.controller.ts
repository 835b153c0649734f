import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { ConflictError, NotFound } from '@hotline/errors';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '@hotline/open311';
import { CreateOpen311ClientDto, UpdateOpen311ClientDto } from './open311-client.dto';
import { Open311ClientsService, type StoredKey } from './open311-clients.service';

const uuid = new ParseUUIDPipe({ version: '4' });

const stored = (apiKey: string): StoredKey => ({ hash: hashApiKey(apiKey), prefix: apiKeyPrefix(apiKey) });

/**
 * Open311 clients and their API keys (admins only). A key is shown once, when it is made or rotated;
 * only its SHA-256 is stored. Revoking a client refuses its key at once.
 */
@ApiTags('open311')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/open311/clients')
export class Open311ClientsController {
  constructor(private readonly clients: Open311ClientsService) {}

  @Get()
  list() {
    return this.clients.list();
  }

  @Post()
  async create(@Body() body: CreateOpen311ClientDto, @CurrentUser() user: AuthUser, @Actor() actor: AuditActor) {
    const apiKey = generateApiKey();
    const row = await this.clients.create(
      { code: body.code, name: body.name, rateLimitPerMinute: body.rateLimitPerMinute ?? 60, createdById: user.id },
      stored(apiKey),
      actor,
    );
    if (!row) throw new ConflictError('Open311ClientExists', `An Open311 client with code ${body.code} already exists`);
    return { ...row, apiKey };
  }

  @Patch(':id')
  async update(@Param('id', uuid) id: string, @Body() body: UpdateOpen311ClientDto, @Actor() actor: AuditActor) {
    const row = await this.clients.update(id, { name: body.name, rateLimitPerMinute: body.rateLimitPerMinute }, actor);
    if (!row) throw new NotFound('Open311Client', id);
    return row;
  }

  /** A new key; the old one stops working at once. */
  @Post(':id/rotate-key')
  @HttpCode(200)
  async rotate(@Param('id', uuid) id: string, @Actor() actor: AuditActor) {
    const apiKey = generateApiKey();
    const row = await this.clients.replaceKey(id, stored(apiKey), actor);
    if (!row) throw new NotFound('Open311Client', id);
    return { ...row, apiKey };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@Param('id', uuid) id: string, @Actor() actor: AuditActor) {
    const row = await this.clients.revoke(id, actor);
    if (!row) throw new NotFound('Open311Client', id);
    return row;
  }
}
