import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

/** Reading and purging the audit trail; writing needs no provider (`recordAudit` in the change's transaction). */
@Module({ providers: [AuditLogService], exports: [AuditLogService] })
export class AuditModule {}
