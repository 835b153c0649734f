/**
 * Reports out (上报): what a case event becomes in the platform's copy of the order. The database trigger
 * `upstream_report_intent` (migration UpstreamPlatform) chooses the events and numbers them; this renders
 * the body from the event when it is delivered. The two tables must agree (reports.spec.ts checks it).
 */
export const REPORT_TYPES = ['accepted', 'returned', 'extensionRequested', 'progress', 'replied', 'calledBack'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** The case event a report was made from, as stored in `case_events`. */
export interface ReportedEvent {
  type: string;
  at: Date;
  note: string | null;
  data: Record<string, unknown>;
}

/** The body sent to the platform: `{orderNo, seq, type, at, …}`. */
export type ReportBody = { orderNo: string; seq: number; type: ReportType; at: string } & Record<string, unknown>;

/** Case event type → report type, as the trigger maps them (`replied` only when the reply reached the centre). */
export const REPORTED_EVENTS: Readonly<Record<string, ReportType>> = {
  accepted: 'accepted',
  extensionRequested: 'extensionRequested',
  progressNoted: 'progress',
  replied: 'replied',
  replyApproved: 'replied',
  reviewPassed: 'replied',
  calledBack: 'calledBack',
  returnedUpstream: 'returned',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The body of report `seq` of `orderNo`. `replyResult` is the department's reply text for a `replied`
 * report (an approval or a centre's pass carries no result of its own: the reply before it does).
 */
export function renderReport(
  orderNo: string,
  seq: number,
  type: ReportType,
  event: ReportedEvent,
  replyResult?: string,
): ReportBody {
  const head = { orderNo, seq, type, at: event.at.toISOString() };
  switch (type) {
    case 'accepted':
      return head;
    case 'returned':
      return { ...head, reason: text(event.data.reason) ?? event.note ?? '' };
    case 'extensionRequested':
      return { ...head, days: Number(event.data.days), reason: text(event.data.reason) ?? event.note ?? '' };
    case 'progress':
      return { ...head, note: event.note ?? '' };
    case 'replied':
      return { ...head, result: replyResult ?? text(event.data.result) ?? event.note ?? '' };
    case 'calledBack':
      return {
        ...head,
        satisfaction: text(event.data.satisfaction) ?? text(event.data.verdict),
        solved: event.data.solved === true,
        note: event.note ?? '',
      };
  }
}
