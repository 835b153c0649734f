import { Body, Controller, Get, Injectable, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Actor, type AuditActor, recordAudit } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { sqlRow } from '@hotline/database';

const MIN_IDLE = 10;
const MAX_IDLE = 86_400;

export class SecuritySettingsDto {
  @ApiProperty({
    minimum: MIN_IDLE,
    maximum: MAX_IDLE,
    description: 'a session with no request for this many seconds ends (401 SessionIdle), on every client',
  })
  @IsInt()
  @Min(MIN_IDLE)
  @Max(MAX_IDLE)
  idleTimeoutSeconds: number;
}

/** The one row of security_settings; a change and its audit row commit together (the database insists). */
@Injectable()
export class SecuritySettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(): Promise<SecuritySettingsDto> {
    const row = await sqlRow<SecuritySettingsDto>(
      this.dataSource,
      `SELECT idle_timeout_seconds AS "idleTimeoutSeconds" FROM security_settings WHERE id = 1`,
    );
    return { idleTimeoutSeconds: row!.idleTimeoutSeconds };
  }

  async update(change: SecuritySettingsDto, actor: AuditActor): Promise<SecuritySettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<SecuritySettingsDto>(
        manager,
        `SELECT idle_timeout_seconds AS "idleTimeoutSeconds" FROM security_settings WHERE id = 1 FOR UPDATE`,
      );
      const after = await sqlRow<SecuritySettingsDto>(
        manager,
        `UPDATE security_settings SET idle_timeout_seconds = $1, updated_at = now() WHERE id = 1 RETURNING idle_timeout_seconds AS "idleTimeoutSeconds"`,
        [change.idleTimeoutSeconds],
      );
      await recordAudit(manager, actor, {
        entity: 'securitySettings',
        entityId: '1',
        action: 'update',
        before: before!,
        after: after!,
      });
      return after!;
    });
  }
}

/** The centre's session security settings (admins): the idle time-out. Every API process takes a change up at commit. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/settings/security')
export class SecuritySettingsController {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Get()
  @ApiOkResponse({ type: SecuritySettingsDto })
  read(): Promise<SecuritySettingsDto> {
    return this.settings.read();
  }

  @Put()
  @ApiOkResponse({ type: SecuritySettingsDto })
  update(@Body() body: SecuritySettingsDto, @Actor() actor: AuditActor): Promise<SecuritySettingsDto> {
    return this.settings.update(body, actor);
  }
}
