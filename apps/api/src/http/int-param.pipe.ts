import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { FieldProblemsException } from './validation';

/** The largest value of a PostgreSQL `integer`: a path number past it would fail in the database (a 500). */
const PG_INTEGER_MAX = 2_147_483_647;

/**
 * A whole-number path parameter within bounds (default 1 … PostgreSQL's integer maximum), or 400 naming
 * the parameter. Nest's ParseIntPipe accepts any run of digits, so "1000000000000000000" reached the
 * database and failed there.
 */
@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly min = 1,
    private readonly max = PG_INTEGER_MAX,
  ) {}

  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'parameter';
    const n = /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < this.min || n > this.max) {
      throw new FieldProblemsException([{ field, reason: `${field} must be a whole number from ${this.min} to ${this.max}` }]);
    }
    return n;
  }
}
