import { DomainError, type FieldProblem } from '@hotline/errors';

/**
 * Errors of the deadline arithmetic. Each carries a stable code; the API's one exception filter maps
 * the DomainError kind to HTTP, so nothing here knows about HTTP.
 */

/** No policy matches a case: the policy set lacks its catch-all, which is a deployment fault, not the caller's. */
export class SlaPolicyMissing extends DomainError {
  constructor(facts: { kind: string; categoryCode?: string | null; priority: string }) {
    super(
      'unavailable',
      'SlaPolicyMissing',
      `No SLA policy matches kind=${facts.kind} category=${facts.categoryCode ?? '-'} priority=${facts.priority}; ` +
        'the policy set needs a catch-all policy',
    );
  }
}

/** A policy set (seed file or admin input) breaks a rule; every problem is listed. */
export class SlaPolicyInvalid extends DomainError {
  constructor(details: FieldProblem[]) {
    super('invalid', 'SlaPolicyInvalid', `The SLA policy set has ${details.length} problem(s)`, details);
  }
}

/** Calendar options (time zone, office hours, overrides) that cannot describe working time. */
export class SlaCalendarInvalid extends DomainError {
  constructor(details: FieldProblem[]) {
    super('invalid', 'SlaCalendarInvalid', `The working calendar has ${details.length} problem(s)`, details);
  }
}

/** A date, amount or unit handed to the arithmetic that it cannot compute with. */
export class SlaArgumentInvalid extends DomainError {
  constructor(field: string, reason: string) {
    super('invalid', 'SlaArgumentInvalid', `${field}: ${reason}`, [{ field, reason }]);
  }
}
