import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { ConflictError, NotFound } from '@hotline/errors';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '@hotline/open311';
import { CreateOpen311ClientDto, UpdateOpen311ClientDto } from './open311-client.dto';

const uuid = new ParseUUIDPipe({ version: '4' });
const COLUMNS = `id, code, name, key_prefix AS "keyPrefix", rate_limit_per_minute AS "rateLimitPerMinute", active,
  created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** One row of COLUMNS: never the key's hash. */
interface Open311ClientRow {
  id: string;
  code: string;
  name: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  active: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Open311 clients and their API keys (admins only). A key is shown once, when it is made or rotated;
 * only its SHA-256 is stored. Revoking a client refuses its key at once.
 */
@ApiTags('open311')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/open311/clients')
export class Open311ClientsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  list() {
    return this.dataSource.query<Open311ClientRow[]>(`SELECT ${COLUMNS} FROM open311_clients ORDER BY code`);
  }

  @Post()
  async create(@Body() body: CreateOpen311ClientDto, @CurrentUser() user: AuthUser) {
    const apiKey = generateApiKey();
    const [row] = await this.dataSource.query<Open311ClientRow[]>(
      `INSERT INTO open311_clients (code, name, api_key_hash, key_prefix, rate_limit_per_minute, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
      [body.code, body.name, hashApiKey(apiKey), apiKeyPrefix(apiKey), body.rateLimitPerMinute ?? 60, user.id],
    );
    if (!row) throw new ConflictError('Open311ClientExists', `An Open311 client with code ${body.code} already exists`);
    return { ...row, apiKey };
  }

  @Patch(':id')
  async update(@Param('id', uuid) id: string, @Body() body: UpdateOpen311ClientDto) {
    const [rows] = await this.dataSource.query<[Open311ClientRow[], number]>(
      `UPDATE open311_clients SET name = COALESCE($2, name), rate_limit_per_minute = COALESCE($3, rate_limit_per_minute)
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, body.name ?? null, body.rateLimitPerMinute ?? null],
    );
    if (!rows[0]) throw new NotFound('Open311Client', id);
    return rows[0];
  }

  /** A new key; the old one stops working at once. */
  @Post(':id/rotate-key')
  @HttpCode(200)
  async rotate(@Param('id', uuid) id: string) {
    const apiKey = generateApiKey();
    const [rows] = await this.dataSource.query<[Open311ClientRow[], number]>(
      `UPDATE open311_clients SET api_key_hash = $2, key_prefix = $3 WHERE id = $1 AND active RETURNING ${COLUMNS}`,
      [id, hashApiKey(apiKey), apiKeyPrefix(apiKey)],
    );
    if (!rows[0]) throw new NotFound('Open311Client', id);
    return { ...rows[0], apiKey };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@Param('id', uuid) id: string) {
    const [rows] = await this.dataSource.query<[Open311ClientRow[], number]>(
      `UPDATE open311_clients SET active = false, revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    if (!rows[0]) throw new NotFound('Open311Client', id);
    return rows[0];
  }
}
