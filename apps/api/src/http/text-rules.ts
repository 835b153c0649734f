import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { hasControlCharacter } from '@hotline/input';

/** Trims surrounding white space and refuses control characters: for every free-text field. */
export function CleanText(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    // Control characters (NUL above all, which PostgreSQL text refuses) have no place in a form field;
    // the edge refuses them in every body already, this names the field when a DTO is used elsewhere.
    ValidateBy({
      name: 'noControlCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacter(value, true),
        defaultMessage: () => '$property must not contain control characters',
      },
    }),
  );
}
