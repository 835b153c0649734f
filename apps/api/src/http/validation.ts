import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@hotline/errors';
import type { QueryTransformContext } from './query-values';

/** Raised by the validation pipe; carries one problem per field so the client can mark each. */
export class FieldProblemsException extends Error {
  constructor(readonly problems: FieldProblem[]) {
    const fields = [...new Set(problems.map((p) => p.field))];
    super(`The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields.join(', ')}`);
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * DTO validation for every route: unknown fields are rejected (not silently dropped), values are
 * converted from query strings (dates read in the district's zone), and every problem is reported at once.
 */
export function createValidationPipe(districtTimeZone: string): ValidationPipe {
  const context: QueryTransformContext = { districtTimeZone };
  return new ValidationPipe({
    // class-transformer hands its options to every @Transform: that is how IsoDateTime() learns the zone.
    transformOptions: context as object,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldProblemsException(flatten(errors)),
  });
}
