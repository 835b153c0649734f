import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConflictError, NotFound } from '@hotline/errors';
import { appendHistory, HistoryActor } from '../history/case-history';
import { CaseActorRole, CaseCommand, CaseContext, CaseKind, CaseRelation, CaseStatus, decideOrThrow } from '../state-machine';
import { effectsOf } from './transition-effects';

/** Who acts: a signed-in user (with their department) or the system. */
export interface TransitionActor extends HistoryActor {
  role: CaseActorRole;
  departmentId: string | null;
}

export interface TransitionOptions {
  /** The version the actor saw; when given, a case changed since then is refused (409). */
  expectedVersion?: number;
  note?: string;
  /** Request details for the event's data (departments, rule that matched…). */
  data?: Record<string, unknown>;
}

interface TransitionRow {
  id: string;
  caseNo: string;
  status: CaseStatus;
  version: number;
  kind: CaseKind;
  leadDepartmentId: string | null;
  assistingDepartmentIds: string[];
  extensionsCount: number;
}

export interface TransitionResult {
  caseId: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  version: number;
  events: string[];
}

function relationOf(actor: TransitionActor, row: TransitionRow): CaseRelation {
  if (!actor.departmentId) return 'none';
  if (row.leadDepartmentId === actor.departmentId) return 'lead';
  return row.assistingDepartmentIds.includes(actor.departmentId) ? 'assisting' : 'none';
}

/**
 * Applies one action to a case: the pure state machine decides, then the status change and its events
 * commit together under an optimistic lock (`WHERE version = …`), so of two concurrent actions exactly
 * one wins and the other gets 409 with nothing changed.
 */
@Injectable()
export class CaseTransitionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(caseId: string, command: CaseCommand, actor: TransitionActor, options: TransitionOptions = {}): Promise<TransitionResult> {
    const [row]: TransitionRow[] = await this.dataSource.query(
      `SELECT id, case_no AS "caseNo", status, version, kind, lead_department_id AS "leadDepartmentId",
              assisting_department_ids AS "assistingDepartmentIds", extensions_count AS "extensionsCount"
         FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!row) throw new NotFound('Case', caseId);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new ConflictError('CaseVersionChanged', `Case ${row.caseNo} has changed since version ${options.expectedVersion}`);
    }
    const context: CaseContext = {
      status: row.status,
      kind: row.kind,
      withinReturnWindow: false,
      pendingExtension: false,
      extensionCount: row.extensionsCount,
      maxExtensions: 2,
      callbackAttempts: 0,
      maxCallbackAttempts: 3,
    };
    const decision = decideOrThrow(command, context, { role: actor.role, relation: relationOf(actor, row) });

    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [caseId, row.version, decision.nextStatus];
      const sets = ['status = $3', 'version = version + 1', 'updated_at = now()'];
      for (const effect of effectsOf(command)) {
        if ('sql' in effect.value) sets.push(`${effect.column} = ${effect.value.sql}`);
        else {
          params.push(effect.value.bind);
          sets.push(`${effect.column} = $${params.length}`);
        }
      }
      const updated: Array<{ version: number }> = await manager.query(
        `UPDATE cases SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
        params,
      );
      // node-postgres returns [rows, count] for UPDATE … RETURNING through TypeORM's query().
      const rows = Array.isArray(updated[0]) ? (updated[0] as unknown as Array<{ version: number }>) : updated;
      if (rows.length === 0) {
        throw new ConflictError('ConcurrentUpdate', `Case ${row.caseNo} was changed by someone else at the same moment; reload and try again`);
      }
      await appendHistory(
        manager,
        caseId,
        actor,
        decision.events.map((event) => ({
          type: event.type,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          note: options.note ?? event.note ?? null,
          data: { ...(event.data ?? {}), ...(options.data ?? {}) },
        })),
      );
      return {
        caseId,
        fromStatus: row.status,
        toStatus: decision.nextStatus,
        version: rows[0].version,
        events: decision.events.map((e) => e.type),
      };
    });
  }
}
