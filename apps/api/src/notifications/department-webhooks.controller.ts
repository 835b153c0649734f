import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { NotFound } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';
import { DepartmentWebhooksService, type DepartmentWebhookRow } from './department-webhooks.service';

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
    private readonly webhooks: DepartmentWebhooksService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @Get()
  async get(@Param('code') code: string): Promise<WebhookView> {
    return viewOf(code, await this.webhooks.get(code));
  }

  @Put()
  async set(@Param('code') code: string, @Body() body: SetWebhookDto, @Actor() actor: AuditActor): Promise<WebhookView> {
    return this.update(code, body.url, this.cipher.encrypt(body.secret), actor);
  }

  @Delete()
  @HttpCode(200)
  async remove(@Param('code') code: string, @Actor() actor: AuditActor): Promise<WebhookView> {
    return this.update(code, null, null, actor);
  }

  private async update(code: string, url: string | null, sealedSecret: string | null, actor: AuditActor): Promise<WebhookView> {
    return viewOf(code, await this.webhooks.set(code, url, sealedSecret, actor));
  }
}

function viewOf(code: string, row: DepartmentWebhookRow | undefined): WebhookView {
  if (!row) throw new NotFound('Department', code);
  return { department: row.code, url: row.url, configured: row.url !== null };
}
