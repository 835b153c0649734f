import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { InputInvalid } from '@hotline/errors';
import { normalizePhone, PersonalDataCipher } from '@hotline/privacy';
import { enqueueInTransaction } from '@hotline/queues';
import { ReferenceDataService } from '@hotline/reference';
import { appendHistory, HistoryActor } from '../history/case-history';
import { formatCaseNo } from './case-number';
import { resolveIntakePlace } from './intake-place';

export interface IntakeCommand {
  kind: string;
  categoryCode: string;
  channel: string;
  priority: string;
  title: string;
  description: string;
  address: string;
  lat?: number;
  lng?: number;
  communityCode?: string;
  callerName: string;
  callerPhone: string;
  confidential: boolean;
}

/**
 * 受理: takes a matter in. The case row, its `received` event and the intent to route it commit in one
 * transaction (transactional outbox): routing happens later in the worker, and a Redis outage or a
 * crash after commit can delay it but never lose the case.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly cipher: PersonalDataCipher,
    private readonly config: AppConfig,
  ) {}

  /** Returns the new case's id. */
  async receive(command: IntakeCommand, actor: HistoryActor): Promise<string> {
    const snapshot = await this.reference.current();
    const placed = resolveIntakePlace(snapshot, command);
    if (Array.isArray(placed)) throw new InputInvalid(placed);
    const phone = normalizePhone(command.callerPhone);

    return this.dataSource.transaction(async (manager) => {
      const [{ seq, now }] = await manager.query(`SELECT nextval('case_no_seq') AS seq, now() AS now`);
      const receivedAt: Date = now;
      const caseNo = formatCaseNo(this.config.CASE_NO_PREFIX, receivedAt, seq, this.config.DISTRICT_TIMEZONE);
      const [{ id }] = await manager.query(
        `INSERT INTO cases (case_no, status, kind, category_id, channel, priority, title, description, address, lat, lng,
                            street_id, community_id, grid_id, caller_name_sealed, caller_phone_sealed, caller_phone_hash,
                            confidential, created_by_id, received_at, updated_at)
         VALUES ($1, 'received', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)
         RETURNING id`,
        [
          caseNo,
          command.kind,
          placed.category.id,
          command.channel,
          command.priority,
          command.title,
          command.description,
          command.address,
          command.lat ?? null,
          command.lng ?? null,
          placed.community?.street.id ?? null,
          placed.community?.id ?? null,
          placed.grid?.id ?? null,
          this.cipher.encrypt(command.callerName),
          this.cipher.encrypt(phone),
          this.cipher.phoneHash(phone),
          command.confidential,
          actor.id,
          receivedAt,
        ],
      );
      await appendHistory(manager, id, actor, [
        { type: 'received', fromStatus: null, toStatus: 'received', data: { channel: command.channel, caseNo } },
      ]);
      await enqueueInTransaction(manager, 'route-case', { caseId: id, version: 1 });
      return id as string;
    });
  }
}
