import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaseTransitionService, routingFactsOf, SYSTEM_ACTOR } from '@hotline/cases';
import { ConflictError } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import { chooseRoute } from './routing-rules';
import { RoutingRulesCache } from './routing-rules-cache.service';

export type RoutingOutcome =
  | { outcome: 'dispatched'; ruleCode: string; leadDepartmentCode: string }
  | { outcome: 'awaitingDispatcher' }
  | { outcome: 'skipped'; reason: string };

/**
 * Automatic dispatch (派单) in the worker: reloads the case, applies the routing rules and moves it to
 * `dispatched` through the state machine. Idempotent: a case no longer `received` at the version the
 * job names is skipped, so a job delivered twice dispatches once.
 */
@Injectable()
export class CaseRoutingService {
  private readonly logger = new Logger(CaseRoutingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly transitions: CaseTransitionService,
    private readonly rules: RoutingRulesCache,
  ) {}

  async routeCase(caseId: string, version: number): Promise<RoutingOutcome> {
    const row = await routingFactsOf(this.dataSource, caseId);
    if (!row) return { outcome: 'skipped', reason: 'case not found' };
    if (row.status !== 'received' || row.version !== version) {
      return { outcome: 'skipped', reason: `case is ${row.status} at version ${row.version}` };
    }
    const snapshot = await this.reference.current();
    const rules = await this.rules.active();
    // A rule whose department no longer exists must not send cases into the void.
    const usable = rules.filter(
      (r) =>
        snapshot.departmentsByCode.has(r.leadDepartmentCode) &&
        r.assistingDepartmentCodes.every((c) => snapshot.departmentsByCode.has(c)),
    );
    const decision = chooseRoute(usable, {
      kind: row.kind,
      categoryPath: snapshot.categoriesById.get(row.categoryId)?.path ?? [],
      streetCode: row.streetId ? (snapshot.streetsById.get(row.streetId)?.code ?? null) : null,
      gridCode: row.gridId ? (snapshot.gridsById.get(row.gridId)?.code ?? null) : null,
      text: `${row.title}\n${row.description}`,
    });
    if (!decision) return { outcome: 'awaitingDispatcher' };

    const lead = snapshot.departmentsByCode.get(decision.leadDepartmentCode)!;
    const assisting = decision.assistingDepartmentCodes.map((code) => snapshot.departmentsByCode.get(code)!.id);
    try {
      await this.transitions.apply(
        caseId,
        { action: 'dispatch', leadDepartmentId: lead.id, assistingDepartmentIds: assisting },
        { ...SYSTEM_ACTOR, role: 'system', departmentId: null },
        {
          expectedVersion: version,
          note: decision.explanation,
          data: {
            ruleCode: decision.ruleCode,
            leadDepartmentCode: decision.leadDepartmentCode,
            assistingDepartmentCodes: decision.assistingDepartmentCodes,
            by: 'rules',
          },
        },
      );
    } catch (error) {
      // Someone (a dispatcher, or this same job delivered twice) moved the case first: nothing to do.
      if (error instanceof ConflictError) return { outcome: 'skipped', reason: error.message };
      throw error;
    }
    this.logger.log({ caseId, rule: decision.ruleCode, department: decision.leadDepartmentCode }, 'case dispatched by rule');
    return { outcome: 'dispatched', ruleCode: decision.ruleCode, leadDepartmentCode: decision.leadDepartmentCode };
  }
}
