import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidateBy } from 'class-validator';
import { boundsDescription, ISO_DATE_TIME_FORMS, parseBoundedNumber, parseIsoDateTime, type NumberBounds } from '@hotline/input';

/**
 * Decorators for query parameters, so that every route reads dates and numbers with the same two
 * parsers (libs/input) and refuses the same things in the same words.
 */

/** Passed to class-transformer by the validation pipe: a calendar day (`2026-11-01`) starts at the district's midnight. */
export interface QueryTransformContext {
  districtTimeZone: string;
}

function districtTimeZone(options: unknown): string {
  return (options as Partial<QueryTransformContext> | undefined)?.districtTimeZone ?? 'UTC';
}

/** A date or instant in one of the documented ISO 8601 forms; the property becomes a Date. */
export function IsoDateTime(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value, options }: { value: unknown; options: unknown }): unknown =>
      typeof value === 'string' ? (parseIsoDateTime(value, districtTimeZone(options)) ?? value) : value,
    ),
    IsDate({ message: `$property must be a date or time: ${ISO_DATE_TIME_FORMS}` }),
  );
}

/** A number in plain decimal notation within `bounds` (whole when `bounds.integer`); the property becomes a number. */
export function BoundedNumber(bounds: NumberBounds): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }): unknown =>
      typeof value === 'string' ? (parseBoundedNumber(value, bounds) ?? value) : value,
    ),
    ValidateBy({
      name: 'boundedNumber',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          value >= bounds.min &&
          value <= bounds.max &&
          (!bounds.integer || Number.isInteger(value)),
        defaultMessage: () => `$property must be ${boundsDescription(bounds)}`,
      },
    }),
  );
}

/** A whole number within bounds: pages, counts, limits, levels. */
export function BoundedInt(min: number, max: number): PropertyDecorator {
  return BoundedNumber({ min, max, integer: true });
}
