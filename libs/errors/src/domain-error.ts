/**
 * Errors every concern raises, each with a stable code. The API maps `kind` to an HTTP status in one
 * filter, so a rule never needs to know about HTTP and every client sees the same error shape.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'unavailable';

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = code;
  }
}

/** Input that passed the DTO shape but fails a rule that needs data (unknown category, point outside the district…). */
export class InputInvalid extends DomainError {
  constructor(details: FieldProblem[], message = 'The request has invalid fields') {
    super('invalid', 'InputInvalid', message, details);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('notFound', `${what}NotFound`, `${what} ${id} was not found`);
  }
}

export class AccessDenied extends DomainError {
  constructor(message: string, code = 'AccessDenied') {
    super('forbidden', code, message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'A valid bearer token is required', code = 'Unauthenticated') {
    super('unauthenticated', code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(message: string, code = 'ServiceUnavailable') {
    super('unavailable', code, message);
  }
}

/**
 * Free text that names no single register entry: nothing is guessed. `candidates` (the register's
 * entries the text could mean) go out with the error so the operator picks one.
 */
export class AddressNotPlaced extends DomainError {
  constructor(
    reason: string,
    readonly candidates: readonly unknown[],
  ) {
    super('invalid', 'AddressNotPlaced', 'The address matches no single register entry', [{ field: 'address', reason }]);
  }
}
