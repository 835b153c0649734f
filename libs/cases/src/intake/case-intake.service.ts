import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { normalizeUscc, usccProblem } from '@hotline/enterprises';
import { ConflictError, FieldProblem, InputInvalid } from '@hotline/errors';
import type { CoordinateSystem } from '@hotline/grid';
import { normalizePhone, PersonalDataCipher } from '@hotline/privacy';
import { notifyInTransaction } from '@hotline/notify';
import { type BindParam, outboxInsertSql, outboxNotifySql } from '@hotline/queues';
import { ReferenceDataService } from '@hotline/reference';
import { HistoryActor, historyInsertCtes } from '../history/case-history';
import { CASE_ROW_COLUMNS, type CaseRow } from '../query/case-view';
import { CASE_ACTOR_ROLES, type CaseActorRole, type CaseKind } from '../state-machine';
import { CaseTransitionService, type TransitionActor } from '../transitions/case-transition.service';
import { formatCaseNo } from './case-number';
import { enterpriseRequestNotifications } from './enterprise-notification';
import { resolveIntakePlace } from './intake-place';
import { IntakePlacementService, type Placement } from './intake-placement.service';
import { sqlExec, sqlRow, sqlRows, type SqlParam } from '@hotline/database';

export interface IntakeCommand {
  kind: string;
  categoryCode: string;
  channel: string;
  priority: string;
  title: string;
  description: string;
  /** What the caller said; with `addressId` it may be left out (the register's label is stored). */
  address?: string;
  /** 标准地址: a register entry; the case takes its label, point and grid. */
  addressId?: string;
  lat?: number;
  lng?: number;
  /** The system of lat/lng (default wgs84); converted to WGS-84 before anything else. */
  coordinateSystem?: CoordinateSystem;
  communityCode?: string;
  /** Take the case in unplaced (待定位) when free text names no single register entry, instead of a 400 with candidates. */
  placeLater?: boolean;
  callerName: string;
  /** Required of operators (the DTO); an Open311 report may come with an e-mail and no phone. */
  callerPhone?: string;
  confidential: boolean;
  /** 企业诉求: the registered enterprise the request is for (统一社会信用代码); required for kind enterpriseRequest. */
  enterpriseUscc?: string;
  /**
   * 直接答复 on the call: the operator's answer. The case is taken in and answered in the same
   * transaction and never routed; the machine decides who may and for which kinds, as for the action.
   */
  directAnswer?: string;
  /** 重办 / follow-up: the closed case this call is about again; the machine decides as for the action. */
  followUpOf?: string;
  /**
   * Take the case in without the routing intent: it waits for a dispatcher (an upstream order whose
   * category the mapping table does not know yet, so no rule can be trusted with it).
   */
  holdForDispatch?: boolean;
}

/**
 * What intake did: the case's id; `replayed` when an idempotency key named an earlier submit; and
 * `created`, the case row as this intake committed it (absent for a replay or a case changed again in
 * the same transaction), from which the answer is built without reading the case back.
 */
export interface IntakeResult {
  id: string;
  replayed: boolean;
  created?: CaseRow;
}

/** Who takes the case in; a department user's department matters only to a disposition at intake. */
export type IntakeActor = HistoryActor & { departmentId?: string | null };

/** Extra writes that must commit with the case (an Open311 request's token and attributes). */
export type IntakeExtension = (
  manager: EntityManager,
  created: { id: string; caseNo: string; receivedAt: Date },
) => Promise<void>;

/**
 * 受理: takes a matter in. The case row, its `received` event and the intent to route it commit in one
 * transaction (transactional outbox), written by one statement: routing happens later in the worker, and a Redis outage or a
 * crash after commit can delay it but never lose the case. A case answered at intake (`directAnswer`)
 * commits with its answer instead of the routing intent, so the router never sees it.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly cipher: PersonalDataCipher,
    private readonly config: AppConfig,
    private readonly transitions: CaseTransitionService,
    private readonly placement: IntakePlacementService,
  ) {}

  /**
   * Returns the case's id. With an idempotency key, a repeated submit (retry, double click, a client
   * that lost the answer) returns the case the first submit created, and `replayed` says so.
   */
  async receive(
    command: IntakeCommand,
    actor: IntakeActor,
    idempotencyKey?: string,
    extension?: IntakeExtension,
  ): Promise<IntakeResult> {
    const disposition =
      command.directAnswer === undefined ? null : { answer: command.directAnswer, actor: dispositionActor(actor) };
    // Refused before anything is written (no case number used up): the same machine as the action.
    if (disposition) this.transitions.checkAtIntake(command.kind as CaseKind, { action: 'directAnswer' }, disposition.actor);
    // 定位 first, outside the transaction: the register and the coordinate systems yield the WGS-84 point
    // (or the community) that intake has always stored and placed by.
    const where = await this.placement.place(command);
    const snapshot = await this.reference.current();
    const placed = resolveIntakePlace(snapshot, { ...command, lat: where.lat, lng: where.lng });
    const enterprise = await this.resolveEnterprise(command);
    const problems = [...(Array.isArray(placed) ? placed : []), ...(Array.isArray(enterprise) ? enterprise : [])];
    if (problems.length > 0 || Array.isArray(placed) || Array.isArray(enterprise)) throw new InputInvalid(problems);
    const phone = command.callerPhone === undefined ? null : normalizePhone(command.callerPhone);
    if (command.followUpOf !== undefined) await this.assertCaseExists(command.followUpOf, 'followUpOf');

    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey !== undefined) {
        if (!actor.id) throw new Error('idempotency keys need a signed-in actor');
        const requestHash = createHash('sha256')
          .update(JSON.stringify(command, Object.keys(command).sort()))
          .digest('hex');
        // A concurrent first submit holds the key's row until it commits; this insert waits for it.
        const claimed = await sqlRows<{ key: string }>(
          manager,
          `INSERT INTO intake_idempotency (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
          [actor.id, idempotencyKey, requestHash],
        );
        if (claimed.length === 0) {
          const [earlier] = await sqlRows<{ requestHash: string; caseId: string }>(
            manager,
            `SELECT request_hash AS "requestHash", case_id AS "caseId" FROM intake_idempotency WHERE user_id = $1 AND key = $2`,
            [actor.id, idempotencyKey],
          );
          if (earlier.requestHash !== requestHash) {
            throw new ConflictError('IdempotencyKeyReused', 'This Idempotency-Key was already used for a different request');
          }
          return { id: earlier.caseId, replayed: true };
        }
      }
      // The case's id comes from PostgreSQL with its number and time, so the case, its `received`
      // event and its outbox intents can then be written in one statement (one round trip).
      const [{ seq, now, id }] = await sqlRows<{ seq: string; now: Date; id: string }>(
        manager,
        `SELECT nextval('case_no_seq') AS seq, now() AS now, gen_random_uuid() AS id`,
      );
      const receivedAt: Date = now;
      const caseNo = formatCaseNo(this.config.CASE_NO_PREFIX, receivedAt, seq, this.config.DISTRICT_TIMEZONE);
      const params: SqlParam[] = [];
      const p: BindParam = (value) => {
        params.push(value);
        return `$${params.length}`;
      };
      const columns = [
        id,
        caseNo,
        command.kind,
        placed.category.id,
        command.channel,
        command.priority,
        command.title,
        command.description,
        where.address,
        where.lat ?? null,
        where.lng ?? null,
        placed.community?.street.id ?? null,
        placed.community?.id ?? null,
        placed.grid?.id ?? null,
        this.cipher.encrypt(command.callerName),
        phone === null ? null : this.cipher.encrypt(phone),
        phone === null ? null : this.cipher.phoneHash(phone),
        command.confidential,
        actor.id,
      ].map(p);
      const at = p(receivedAt);
      const caseId = columns[0];
      const history = historyInsertCtes(
        caseId,
        id,
        actor,
        [
          {
            type: 'received',
            fromStatus: null,
            toStatus: 'received',
            data: { channel: command.channel, caseNo, placement: placementData(where) },
          },
        ],
        p,
      );
      // Answered on the call: no routing intent (the disposition below replaces it).
      const routing =
        disposition || command.holdForDispatch
          ? ''
          : `, route_intent AS (${outboxInsertSql([{ name: 'route-case', payload: { caseId: id, version: 1 } }], p)})`;
      // RETURNING the columns the case view reads: the 201 answer is built from them, without reading the case back.
      const [row] = await sqlRows<CaseRow>(
        manager,
        `WITH created AS (
           INSERT INTO cases AS c (id, case_no, status, kind, category_id, channel, priority, title, description, address, lat, lng,
                                   street_id, community_id, grid_id, caller_name_sealed, caller_phone_sealed, caller_phone_hash,
                                   confidential, created_by_id, received_at, updated_at)
           VALUES (${columns[0]}, ${columns[1]}, 'received', ${columns.slice(2).join(', ')}, ${at}, ${at})
           RETURNING ${CASE_ROW_COLUMNS}),
         ${history}${routing},
         wake AS (SELECT ${outboxNotifySql(p)})
         SELECT created.* FROM created, wake`,
        params,
      );
      if (disposition) {
        await this.transitions.performWithin(
          manager,
          id,
          { action: 'directAnswer', answer: disposition.answer },
          disposition.actor,
        );
      }
      if (command.followUpOf !== undefined) {
        // The followed-up case records the link in its history, through the machine (who, which status,
        // within the window): a refusal rolls the new case back with it.
        await sqlExec(manager, `UPDATE cases SET follow_up_of_id = $2 WHERE id = $1`, [id, command.followUpOf]);
        await this.transitions.performWithin(
          manager,
          command.followUpOf,
          { action: 'followUp', followUpCaseId: id, followUpCaseNo: caseNo },
          dispositionActor(actor),
        );
      }
      if (enterprise) {
        await sqlExec(manager, `INSERT INTO enterprise_cases (case_id, enterprise_id) VALUES ($1, $2)`, [id, enterprise.id]);
        await notifyInTransaction(
          manager,
          enterpriseRequestNotifications({
            caseId: id,
            caseNo,
            categoryCode: command.categoryCode,
            confidential: command.confidential,
            enterprise,
          }),
        );
      }
      if (extension) await extension(manager, { id, caseNo, receivedAt });
      if (idempotencyKey !== undefined) {
        await sqlExec(manager, `UPDATE intake_idempotency SET case_id = $3 WHERE user_id = $1 AND key = $2`, [
          actor.id,
          idempotencyKey,
          id,
        ]);
      }
      // A disposition changed the case after the insert: its answer reads the case back.
      // A direct answer or a follow-up link changes the case again after the INSERT: the answer reads it back.
      const changedAgain = disposition !== null || command.followUpOf !== undefined;
      return { id, replayed: false, created: changedAgain ? undefined : row };
    });
  }

  private async assertCaseExists(caseId: string, field: string): Promise<void> {
    const found = await sqlRow<{ id: string }>(this.dataSource, `SELECT id FROM cases WHERE id = $1`, [caseId]);
    if (!found) throw new InputInvalid([{ field, reason: `case ${caseId} does not exist` }]);
  }

  /**
   * 企业诉求 name their enterprise, which must be in the register (its responsible leader follows its
   * requests); other kinds name none. Returns the enterprise, null when none is named, or the problems.
   */
  private async resolveEnterprise(
    command: IntakeCommand,
  ): Promise<{ id: string; uscc: string; name: string; responsibleUserId: string | null } | null | FieldProblem[]> {
    const field = 'enterpriseUscc';
    if (command.enterpriseUscc === undefined) {
      return command.kind === 'enterpriseRequest'
        ? [{ field, reason: 'an enterprise request names its enterprise by 统一社会信用代码' }]
        : null;
    }
    if (command.kind !== 'enterpriseRequest')
      return [{ field, reason: 'only enterprise requests (kind enterpriseRequest) name an enterprise' }];
    const uscc = normalizeUscc(command.enterpriseUscc);
    const problem = usccProblem(uscc);
    if (problem) return [{ field, reason: problem }];
    const row = await sqlRow<{ id: string; uscc: string; name: string; responsibleUserId: string | null }>(
      this.dataSource,
      `SELECT id, uscc, name, responsible_user_id AS "responsibleUserId" FROM enterprises WHERE uscc = $1`,
      [uscc],
    );
    if (!row) return [{ field, reason: `no enterprise with code ${uscc} is registered; an admin registers it first` }];
    return row;
  }
}

/** How the case was placed, for its history: the method, and the register entry when one placed it. */
function placementData(where: Placement): Record<string, string> {
  return where.addressId ? { method: where.method, addressId: where.addressId } : { method: where.method };
}

/** The acting user as the state machine sees them; only signed-in users with a case role dispose of a case. */
function dispositionActor(actor: IntakeActor): TransitionActor {
  if (!(CASE_ACTOR_ROLES as readonly string[]).includes(actor.role)) {
    throw new Error(`an intake by ${actor.role} cannot carry a disposition`);
  }
  return { ...actor, role: actor.role as CaseActorRole, departmentId: actor.departmentId ?? null };
}
