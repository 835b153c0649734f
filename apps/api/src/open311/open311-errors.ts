import { DomainError, type FieldProblem } from '@hotline/errors';

/** The spec's error statuses: 404 for what does not exist, 403 for the api_key, 400 for everything else. */
export class Open311NotFound extends DomainError {
  constructor(message: string) {
    super('notFound', 'Open311NotFound', message);
  }
}

export class Open311KeyRefused extends DomainError {
  constructor(message: string) {
    super('forbidden', 'Open311KeyRefused', message);
  }
}

export class Open311Invalid extends DomainError {
  constructor(problems: FieldProblem[]) {
    super('invalid', 'Open311Invalid', 'The request has invalid arguments', problems);
  }
}
