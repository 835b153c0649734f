import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditActor } from '@hotline/audit';
import { recentRoutingFacts } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { NotFound } from '@hotline/errors';
import { ReferenceDataService } from '@hotline/reference';
import { routingInputOf } from './routing-input';
import { chooseRoute, type RoutingDecision } from './routing-rules';
import { checkRuleSet, routeChanges, unroutedCategories, type RuleSetProblem } from './rule-set';
import {
  ruleSetReference,
  ruleSetVersion,
  ruleSetVersions,
  saveRuleSet,
  type RuleSetVersion,
  type StoredRule,
} from './rule-set-store';
import { RoutingRulesService } from './routing-rules.service';

/** How far back the preview replays cases, and how many it replays and lists at most. */
const PREVIEW_DAYS = 30;
const PREVIEW_CASES = 20_000;
const PREVIEW_LISTED = 200;

export interface ProposedRuleSet {
  rules: StoredRule[];
  dispatcherCategories: string[];
}

/** A sample case for the preview: what the operator would enter. */
export interface PreviewSample {
  kind: string;
  categoryCode: string;
  streetCode?: string;
  gridCode?: string;
  text?: string;
}

export interface RuleSetPreview {
  /** What saving the set would be refused for (empty: it may be saved). */
  problems: RuleSetProblem[];
  unroutedCategories: string[];
  sample: { current: RoutingDecision | null; proposed: RoutingDecision | null } | null;
  recent: {
    since: Date;
    examined: number;
    changed: number;
    /** The first PREVIEW_LISTED cases that would go elsewhere, newest first. */
    cases: Array<{
      caseNo: string;
      categoryCode: string | null;
      current: RoutingDecision | null;
      proposed: RoutingDecision | null;
    }>;
  };
}

/**
 * The admins' side of routing: the versions, a new version (checked whole, audited, taken up by every
 * process at commit), a rollback (a new version restoring an old one) and the preview of a proposed set.
 */
@Injectable()
export class RoutingAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly rules: RoutingRulesService,
    private readonly clock: Clock,
  ) {}

  versions(): Promise<RuleSetVersion[]> {
    return ruleSetVersions(this.dataSource);
  }

  async version(version: number): Promise<RuleSetVersion> {
    const found = await ruleSetVersion(this.dataSource, version);
    if (!found) throw new NotFound('RuleSetVersion', String(version));
    return found;
  }

  async save(set: ProposedRuleSet, reason: string, actor: AuditActor): Promise<RuleSetVersion> {
    const saved = await this.dataSource.transaction((manager) => saveRuleSet(manager, actor, set, { reason }));
    this.rules.reload();
    return saved;
  }

  /** Restores version `version` as a new version (history is never rewritten); checked like any set. */
  async rollback(version: number, reason: string, actor: AuditActor): Promise<RuleSetVersion> {
    const old = await this.version(version);
    const restored = await this.dataSource.transaction((manager) =>
      saveRuleSet(
        manager,
        actor,
        { rules: old.rules, dispatcherCategories: old.dispatcherCategories },
        { reason, rolledBackFrom: version },
      ),
    );
    this.rules.reload();
    return restored;
  }

  /** Which rule would route the sample, and which cases of the last 30 days the proposed set sends elsewhere. */
  async preview(set: ProposedRuleSet, sample: PreviewSample | null): Promise<RuleSetPreview> {
    const [snapshot, inForce, reference] = await Promise.all([
      this.reference.current(),
      this.rules.current(),
      ruleSetReference(this.dataSource),
    ]);
    let sampleRoutes: RuleSetPreview['sample'] = null;
    if (sample) {
      const input = {
        kind: sample.kind,
        categoryPath: snapshot.categoriesByCode.get(sample.categoryCode)?.path ?? [sample.categoryCode],
        streetCode: sample.streetCode ?? null,
        gridCode: sample.gridCode ?? null,
        text: sample.text ?? '',
      };
      sampleRoutes = { current: chooseRoute(inForce.rules, input), proposed: chooseRoute(set.rules, input) };
    }
    const since = new Date(this.clock.now().getTime() - PREVIEW_DAYS * 86_400_000);
    const recent = await recentRoutingFacts(this.dataSource, since, PREVIEW_CASES);
    const changes = routeChanges(
      inForce.rules,
      set.rules,
      recent.map((row) => ({ ref: row, input: routingInputOf(snapshot, row) })),
    );
    return {
      problems: checkRuleSet(set, reference),
      unroutedCategories: unroutedCategories(set, reference),
      sample: sampleRoutes,
      recent: {
        since,
        examined: recent.length,
        changed: changes.length,
        cases: changes.slice(0, PREVIEW_LISTED).map((c) => ({
          caseNo: c.ref.caseNo,
          categoryCode: snapshot.categoriesById.get(c.ref.categoryId)?.code ?? null,
          current: c.current,
          proposed: c.proposed,
        })),
      },
    };
  }
}
