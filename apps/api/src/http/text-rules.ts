import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

/** Control characters (NUL above all, which PostgreSQL text refuses) have no place in a form field. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** Trims surrounding white space and refuses control characters: for every free-text field. */
export function CleanText(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    Matches(NO_CONTROL_CHARACTERS, { message: '$property must not contain control characters' }),
  );
}
