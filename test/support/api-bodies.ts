import type { CaseEventView, CaseView } from '@hotline/cases';
import type { Wire } from './wire';

/** A case as the API answers it (GET /api/v1/cases/:id, intake, every action). */
export type CaseBody = Wire<CaseView>;
/** One entry of GET /api/v1/cases/:id/events. */
export type CaseEventBody = Wire<CaseEventView>;
