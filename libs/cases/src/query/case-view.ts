import { maskName, maskPersonalData, maskPhone, PersonalDataCipher } from '@hotline/privacy';
import type { ReferenceSnapshot } from '@hotline/reference';
import {
  CALENDAR_SOURCES,
  minutesLeft,
  workingTimeBetween,
  SLA_UNITS,
  type CalendarSource,
  type SlaUnit,
  type WorkingCalendar,
} from '@hotline/sla';
import type { CallerVisibility } from './case-visibility';

/** The raw row as selected by the query service (snake_case columns aliased to camelCase). */
export interface CaseRow {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  kind: string;
  categoryId: string;
  channel: string;
  priority: string;
  title: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  callerNameSealed: string;
  callerPhoneSealed: string | null;
  /** An Open311 report left an e-mail (sealed in open311_requests): the callback can go by it. */
  callerHasEmail: boolean;
  confidential: boolean;
  leadDepartmentId: string | null;
  assistingDepartmentIds: string[];
  returnsCount: number;
  extensionsCount: number;
  reopensCount: number;
  urgesCount: number;
  mergedIntoId: string | null;
  followUpOf: { id: string; caseNo: string } | null;
  supervisionLevel: string | null;
  assigneeId: string | null;
  createdById: string | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  updatedAt: Date;
  slaStage: string | null;
  slaDeadline: Date | null;
  slaWarnAt: Date | null;
  /** case_deadlines rows as JSON (times as ISO strings), oldest first. */
  slaDeadlines: SlaDeadlineRow[] | null;
  /** The latest reply's text; for a merged case, its target's. */
  result: string | null;
  /** Cases merged into this one, whose callers wait for this case's result too. */
  mergedCases: Array<{ id: string; caseNo: string }> | null;
}

interface SlaDeadlineRow {
  stage: string;
  policyCode: string;
  startedAt: string;
  deadline: string;
  warnAt: string;
  reason: string;
  endedAt: string | null;
  breachedAt: string | null;
  unit?: string | null;
  calendar?: string | null;
}

export const CASE_ROW_COLUMNS = `
  c.id, c.case_no AS "caseNo", c.version, c.status, c.kind, c.category_id AS "categoryId", c.channel, c.priority,
  c.title, c.description, c.address, c.lat, c.lng, c.street_id AS "streetId", c.community_id AS "communityId",
  c.grid_id AS "gridId", c.caller_name_sealed AS "callerNameSealed", c.caller_phone_sealed AS "callerPhoneSealed",
  c.confidential, c.lead_department_id AS "leadDepartmentId", c.assisting_department_ids AS "assistingDepartmentIds",
  c.returns_count AS "returnsCount", c.extensions_count AS "extensionsCount", c.reopens_count AS "reopensCount",
  c.urges_count AS "urgesCount", c.merged_into_id AS "mergedIntoId", c.supervision_level AS "supervisionLevel",
  c.assignee_id AS "assigneeId", c.created_by_id AS "createdById", c.received_at AS "receivedAt", c.dispatched_at AS "dispatchedAt", c.updated_at AS "updatedAt",
  c.sla_stage AS "slaStage", c.sla_deadline AS "slaDeadline", c.sla_warn_at AS "slaWarnAt",
  (SELECT json_agg(json_build_object('stage', d.stage, 'policyCode', d.policy_code, 'startedAt', d.started_at,
          'deadline', d.deadline, 'warnAt', d.warn_at, 'reason', d.reason, 'endedAt', d.ended_at, 'breachedAt', d.breached_at,
          'unit', d.unit, 'calendar', d.calendar)
          ORDER BY d.created_at, d.deadline)
     FROM case_deadlines d WHERE d.case_id = c.id) AS "slaDeadlines",
  (SELECT e.note FROM case_events e WHERE e.case_id = COALESCE(c.merged_into_id, c.id) AND e.type IN ('replied', 'directAnswered')
    ORDER BY e.id DESC LIMIT 1) AS "result",
  (SELECT json_agg(json_build_object('id', m.id, 'caseNo', m.case_no) ORDER BY m.case_no)
     FROM cases m WHERE m.merged_into_id = c.id) AS "mergedCases",
  (SELECT json_build_object('id', f.id, 'caseNo', f.case_no) FROM cases f WHERE f.id = c.follow_up_of_id) AS "followUpOf",
  EXISTS (SELECT 1 FROM open311_requests o WHERE o.case_id = c.id AND o.email_sealed IS NOT NULL) AS "callerHasEmail"`;

export type SlaState = 'normal' | 'warning' | 'overdue';

/**
 * How the centre can call the citizen back (回访): by phone; by the e-mail an Open311 report left when it
 * left no phone (FixMyStreet's ordinary reports); or not at all (no phone, no e-mail), when the
 * supervisor closes the case without a callback (README "Open311"; how the figures count it: libs/stats).
 */
export const CALLBACK_CHANNELS = ['phone', 'email', 'none'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

export interface SlaDeadlineView {
  stage: string;
  policyCode: string;
  startedAt: Date;
  deadline: Date;
  warnAt: Date;
  /** Why this deadline was set: the event that started the stage or moved it (extensionApproved). */
  reason: string;
  /** When the stage ended or this deadline was superseded; null for the running one. */
  endedAt: Date | null;
  breachedAt: Date | null;
  /** The stage's unit; null for deadlines set before it was recorded. */
  unit: SlaUnit | null;
  /** Where the deadline's days came from; null for deadlines set before it was recorded. */
  calendar: CalendarSource | null;
}

/** The running SLA stage: `state` compares now with its warning and deadline (or a recorded breach). */
export interface SlaView {
  stage: string | null;
  deadline: Date | null;
  warnAt: Date | null;
  state: SlaState;
  /**
   * Working minutes (district calendar: holidays, 调休, office hours) from now to the running deadline,
   * negative once past it; null without a running stage or where no calendar was given. What the
   * inboxes show as "time left": wall-clock time would count nights and weekends.
   */
  workingMinutesLeft: number | null;
  /**
   * Time left in the running stage's own unit, in minutes, negative once overdue: calendar minutes for
   * a stage in minutes (emergencies count down through nights and Sundays), office minutes for working
   * units. null without a running stage or a calendar.
   */
  minutesLeft: number | null;
  /** The running stage's unit: how minutesLeft counts. */
  unit: SlaUnit | null;
  /** Where the running deadline's days came from: official, predicted (no official arrangement yet) or law. */
  calendar: CalendarSource | null;
  /**
   * 挂起: the stage's clock is stopped. An approved suspension keeps the stage and clears its deadline
   * until the clock resumes, so a stage without a deadline is a suspended one.
   */
  suspended: boolean;
  deadlines: SlaDeadlineView[];
}

export interface CodeName {
  code: string;
  name: string;
}
export interface DepartmentView extends CodeName {
  id: string;
}

/** A case as every response carries it; times are formatted by the caller (the API's time zone). */
export interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  kind: string;
  category: CodeName | null;
  channel: string;
  priority: string;
  title: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  grid: CodeName | null;
  community: CodeName | null;
  street: CodeName | null;
  confidential: boolean;
  /** `phone` is null when the caller left none (an e-mail-only Open311 report). */
  caller: { name: string; phone: string | null; visibility: 'full' | 'masked'; callbackBy: CallbackChannel } | null;
  leadDepartment: DepartmentView | null;
  assistingDepartments: DepartmentView[];
  counters: { returns: number; extensions: number; reopens: number; urges: number };
  /** The case this one was merged into (重复件), when merged. */
  mergedIntoId: string | null;
  /**
   * Duplicates merged into this case: a callback on this case answers their callers too, and each of
   * them shows this case's result.
   */
  mergedCases: Array<{ id: string; caseNo: string }>;
  /** 重办 / follow-up: the closed case this one was taken to follow up (the citizen called again about it). */
  followUpOf: { id: string; caseNo: string } | null;
  /** The result the department replied (办结) or the operator's direct answer; a merged case shows its target's. */
  result: string | null;
  /** 督办 level (normal / yellow / red) once a supervisor flagged the case. */
  supervisionLevel: string | null;
  /** The department staff member the lead assigned the case to. */
  assigneeId: string | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  updatedAt: Date;
  sla: SlaView;
}

const toDate = (value: string | null): Date | null => (value ? new Date(value) : null);
const toUnit = (value: string | null | undefined): SlaUnit | null =>
  (SLA_UNITS as readonly string[]).includes(value ?? '') ? (value as SlaUnit) : null;
const toSource = (value: string | null | undefined): CalendarSource | null =>
  (CALENDAR_SOURCES as readonly string[]).includes(value ?? '') ? (value as CalendarSource) : null;

export function slaViewOf(
  row: Pick<CaseRow, 'slaStage' | 'slaDeadline' | 'slaWarnAt' | 'slaDeadlines'>,
  now: Date = new Date(),
  calendar?: WorkingCalendar,
): SlaView {
  const deadlines: SlaDeadlineView[] = (row.slaDeadlines ?? []).map((d) => ({
    stage: d.stage,
    policyCode: d.policyCode,
    startedAt: new Date(d.startedAt),
    deadline: new Date(d.deadline),
    warnAt: new Date(d.warnAt),
    reason: d.reason,
    endedAt: toDate(d.endedAt),
    breachedAt: toDate(d.breachedAt),
    unit: toUnit(d.unit),
    calendar: toSource(d.calendar),
  }));
  let state: SlaState = 'normal';
  const running =
    row.slaStage && row.slaDeadline
      ? deadlines.find((d) => d.endedAt === null && d.deadline.getTime() === row.slaDeadline!.getTime())
      : undefined;
  if (row.slaStage && row.slaDeadline) {
    if (running?.breachedAt || now.getTime() >= row.slaDeadline.getTime()) state = 'overdue';
    else if (row.slaWarnAt && now.getTime() >= row.slaWarnAt.getTime()) state = 'warning';
  }
  let workingMinutesLeft: number | null = null;
  if (calendar && row.slaStage && row.slaDeadline) {
    workingMinutesLeft =
      row.slaDeadline.getTime() >= now.getTime()
        ? workingTimeBetween(now, row.slaDeadline, calendar).workingMinutes
        : -workingTimeBetween(row.slaDeadline, now, calendar).workingMinutes;
    workingMinutesLeft = Math.round(workingMinutesLeft);
  }
  const unit = running?.unit ?? null;
  const left =
    calendar && row.slaStage && row.slaDeadline ? minutesLeft(now, row.slaDeadline, unit ?? 'workingHours', calendar) : null;
  return {
    stage: row.slaStage,
    deadline: row.slaDeadline,
    warnAt: row.slaWarnAt,
    state,
    workingMinutesLeft,
    minutesLeft: left,
    unit,
    calendar: running?.calendar ?? null,
    suspended: row.slaStage !== null && row.slaDeadline === null,
    deadlines,
  };
}

const codeName = (ref: { code: string; name: string } | undefined | null): CodeName | null =>
  ref ? { code: ref.code, name: ref.name } : null;

/**
 * Free text of a case whose caller the viewer may not see (a confidential case, outside the centre):
 * phone numbers, ID numbers and e-mail addresses written into it are hidden whole, since the one most
 * likely there is the caller's own, and a partial mask could be matched with another case's caller.
 */
export function textFor(visibility: CallerVisibility, text: string): string;
export function textFor(visibility: CallerVisibility, text: string | null): string | null;
export function textFor(visibility: CallerVisibility, text: string | null): string | null {
  return visibility === 'hidden' && text !== null ? maskPersonalData(text, { whole: true }) : text;
}

/** `now` (the business clock) decides the SLA state shown. */
export function toCaseView(
  row: CaseRow,
  snapshot: ReferenceSnapshot,
  cipher: PersonalDataCipher,
  visibility: CallerVisibility,
  now: Date,
  calendar?: WorkingCalendar,
): CaseView {
  const department = (id: string | null): DepartmentView | null => {
    const d = id ? snapshot.departmentsById.get(id) : undefined;
    return d ? { id: d.id, code: d.code, name: d.name } : null;
  };
  let caller: CaseView['caller'] = null;
  if (visibility !== 'hidden') {
    const name = cipher.decrypt(row.callerNameSealed);
    const phone = row.callerPhoneSealed === null ? null : cipher.decrypt(row.callerPhoneSealed);
    const callbackBy: CallbackChannel = phone !== null ? 'phone' : row.callerHasEmail ? 'email' : 'none';
    caller =
      visibility === 'full'
        ? { name, phone, visibility, callbackBy }
        : { name: maskName(name), phone: phone === null ? null : maskPhone(phone), visibility, callbackBy };
  }
  return {
    id: row.id,
    caseNo: row.caseNo,
    status: row.status,
    version: row.version,
    kind: row.kind,
    category: codeName(snapshot.categoriesById.get(row.categoryId)),
    channel: row.channel,
    priority: row.priority,
    title: textFor(visibility, row.title),
    description: textFor(visibility, row.description),
    address: textFor(visibility, row.address),
    lat: row.lat,
    lng: row.lng,
    grid: codeName(row.gridId ? snapshot.gridsById.get(row.gridId) : null),
    community: codeName(row.communityId ? snapshot.communitiesById.get(row.communityId) : null),
    street: codeName(row.streetId ? snapshot.streetsById.get(row.streetId) : null),
    confidential: row.confidential,
    caller,
    leadDepartment: department(row.leadDepartmentId),
    assistingDepartments: row.assistingDepartmentIds.map(department).filter((d): d is DepartmentView => d !== null),
    counters: { returns: row.returnsCount, extensions: row.extensionsCount, reopens: row.reopensCount, urges: row.urgesCount },
    mergedIntoId: row.mergedIntoId,
    mergedCases: row.mergedCases ?? [],
    followUpOf: row.followUpOf ?? null,
    result: textFor(visibility, row.result),
    supervisionLevel: row.supervisionLevel,
    assigneeId: row.assigneeId,
    receivedAt: row.receivedAt,
    dispatchedAt: row.dispatchedAt,
    updatedAt: row.updatedAt,
    sla: slaViewOf(row, now, calendar),
  };
}
