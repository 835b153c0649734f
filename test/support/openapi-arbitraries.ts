import fc from 'fast-check';
import type { ApiOperation, OpenApiDocument } from './api-operations';

/** Strings that would do harm if a layer concatenated them into SQL, HTML or a template. */
export const HOSTILE = [
  `'; DROP TABLE cases; --`,
  `" OR "1"="1`,
  `1); DELETE FROM case_events WHERE (1=1`,
  `<script>alert('xss')</script>`,
  `<img src=x onerror=alert(1)>`,
  `{{7*7}} \${7*7} <%= 7*7 %>`,
  `../../../../etc/passwd`,
  `\\u0000 \\x00 %00`,
  `$where: function() { return true }`,
  `😀 𠮷 ́combining ‮rtl`,
];

export interface PropertySchema {
  type?: string;
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  items?: PropertySchema;
  format?: string;
}

/** A value for one field: mostly plausible, often hostile, sometimes of the wrong type or size. */
export function fieldArbitrary(schema: PropertySchema): fc.Arbitrary<unknown> {
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) plausible.push(fc.constantFrom(...schema.enum));
  if (schema.example !== undefined) plausible.push(fc.constant(schema.example));
  switch (schema.type) {
    case 'string':
      plausible.push(fc.string({ maxLength: Math.min(schema.maxLength ?? 50, 300) }), fc.uuid(), fc.constantFrom(...HOSTILE));
      break;
    case 'number':
    case 'integer':
      plausible.push(fc.integer({ min: -5, max: 40 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
      break;
    case 'boolean':
      plausible.push(fc.boolean());
      break;
    case 'array':
      plausible.push(fc.array(schema.items ? fieldArbitrary(schema.items) : fc.string(), { maxLength: 12 }));
      break;
  }
  const wrong = fc.oneof(
    fc.constant(null),
    fc.string({ minLength: 1, maxLength: 4 }).map((s) => s.repeat(2000)), // far over any length limit
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    fc.constantFrom('\u0000', '   ', '', '\t\n'),
  );
  return plausible.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...plausible) }, { weight: 2, arbitrary: wrong }) : wrong;
}

/** A body for the operation's DTO: any subset of its fields, maybe an unknown one, or not an object at all. */
export function bodyArbitrary(document: OpenApiDocument, operation: ApiOperation): fc.Arbitrary<unknown> {
  const schema = operation.bodySchema
    ? (document.components?.schemas?.[operation.bodySchema] as { properties?: Record<string, PropertySchema> })
    : undefined;
  const properties = schema?.properties ?? {};
  const fields = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, fieldArbitrary(s)]));
  const record = fc.record(fields, { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
        .map(([b, k, v]) => ({ ...b, [k]: v })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
