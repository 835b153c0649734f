import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Roles } from '@hotline/auth';
import { returnedRows } from '@hotline/database';
import { NotFound } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';

export class SetWebhookDto {
  @ApiProperty({ example: 'https://heating.example.gov.cn/hotline365/notifications' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(500)
  url: string;

  @ApiProperty({ description: 'shared secret for the HMAC-SHA256 signature; never shown again', minLength: 16 })
  @IsString()
  @Length(16, 200)
  secret: string;
}

interface WebhookView {
  department: string;
  url: string | null;
  configured: boolean;
}

/**
 * Where a department's notifications are POSTed, signed with its secret (`X-Hotline365-Signature:
 * sha256=HMAC(secret, "<timestamp>.<body>")`, `X-Hotline365-Timestamp`). Admins set it; the secret is
 * stored sealed and never returned. Without a webhook the department reads its in-app inbox.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/departments/:code/webhook')
export class DepartmentWebhooksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @Get()
  async get(@Param('code') code: string): Promise<WebhookView> {
    const [row] = await this.dataSource.query<{ code: string; url: string | null }[]>(
      `SELECT code, webhook_url AS url FROM departments WHERE code = $1`,
      [code],
    );
    if (!row) throw new NotFound('Department', code);
    return { department: row.code, url: row.url, configured: row.url !== null };
  }

  @Put()
  async set(@Param('code') code: string, @Body() body: SetWebhookDto): Promise<WebhookView> {
    return this.update(code, body.url, this.cipher.encrypt(body.secret));
  }

  @Delete()
  @HttpCode(200)
  async remove(@Param('code') code: string): Promise<WebhookView> {
    return this.update(code, null, null);
  }

  private async update(code: string, url: string | null, sealedSecret: string | null): Promise<WebhookView> {
    const [row] = returnedRows<{ code: string; url: string | null }>(
      await this.dataSource.query(
        `UPDATE departments SET webhook_url = $2, webhook_secret_sealed = $3 WHERE code = $1 RETURNING code, webhook_url AS url`,
        [code, url, sealedSecret],
      ),
    );
    if (!row) throw new NotFound('Department', code);
    return { department: row.code, url: row.url, configured: row.url !== null };
  }
}
