// Plain values and types, no imports: the console compiles this file too (through @hotline/stats/values).

/** Counted figures, in the order reports show them. Each is a yes/no fact about one case. */
export const CASE_FIGURES = [
  'received',
  'dispatched',
  'acceptedOnTime',
  'replied',
  'repliedOnTime',
  'calledBack',
  'satisfied',
  'solved',
  'returned',
  'reopened',
  'extended',
  'merged',
  'directAnswered',
  'reviewReturned',
  'closed',
  'repeatCalled',
] as const;
export type CaseFigure = (typeof CASE_FIGURES)[number];

/** Figures that need the clock, computed live from `cases` rather than stored. */
export const LIVE_FIGURES = ['overdueNow'] as const;
export type LiveFigure = (typeof LIVE_FIGURES)[number];
/** Every figure a report shows and the drill-down accepts (`GET /api/v1/cases?figure=`). */
export const DRILLABLE_FIGURES = [...CASE_FIGURES, ...LIVE_FIGURES] as const;
export type DrillableFigure = (typeof DRILLABLE_FIGURES)[number];
