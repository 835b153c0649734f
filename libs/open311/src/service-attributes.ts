import type { FieldProblem } from '@hotline/errors';
import { emptyDictionary, ISO_DATE_TIME_FORMS, parseIsoDateTime } from '@hotline/input';
import type { AttributeDatatype } from './spec-fields';

/** One extra form field of a service (an Open311 "attribute"), as stored in service_attributes. */
export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  order: number;
  /** The choices of a singlevaluelist or multivaluelist. */
  values: { key: string; name: string }[];
}

export type SubmittedAttributes = Record<string, string | string[]>;
export type AttributeValues = Record<string, string | number | string[]>;

function checkOne(
  def: ServiceAttribute,
  raw: string | string[],
  field: string,
  problems: FieldProblem[],
): string | number | string[] | undefined {
  const keys = new Set(def.values.map((v) => v.key));
  if (def.datatype === 'multivaluelist') {
    const list = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    const unknown = list.filter((v) => !keys.has(v));
    if (unknown.length > 0)
      problems.push({ field, reason: `unknown choice ${unknown.join(', ')}; choose from ${[...keys].join(', ')}` });
    return list;
  }
  if (Array.isArray(raw)) {
    problems.push({ field, reason: 'takes one value' });
    return undefined;
  }
  const value = raw.trim();
  switch (def.datatype) {
    case 'number': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) problems.push({ field, reason: 'must be a number' });
      return n;
    }
    case 'datetime':
      // Only validity matters here (the text is kept as sent), and validity does not depend on the zone.
      if (parseIsoDateTime(value, 'UTC') === null) {
        problems.push({ field, reason: `must be an ISO 8601 date or date-time with offset (${ISO_DATE_TIME_FORMS})` });
      }
      return value;
    case 'singlevaluelist':
      if (!keys.has(value)) problems.push({ field, reason: `unknown choice ${value}; choose from ${[...keys].join(', ')}` });
      return value;
    case 'string':
      if (/[\r\n]/.test(value)) problems.push({ field, reason: 'must be one line' });
      if (value.length > 200) problems.push({ field, reason: 'must be at most 200 characters' });
      return value;
    case 'text':
      if (value.length > 4000) problems.push({ field, reason: 'must be at most 4,000 characters' });
      return value;
  }
}

/**
 * Checks the attribute[…] values a client sent against the service's definition: required ones
 * present, types and choices right. Empty values count as absent, as the spec's "Optional Arguments"
 * rule asks. Codes the service does not define are set aside (`ignored`), not refused: real clients
 * send their own (FixMyStreet: fixmystreet_id, easting, northing, closest_address…) to every service.
 */
export function checkAttributes(
  definitions: readonly ServiceAttribute[],
  submitted: SubmittedAttributes,
): { values: AttributeValues; problems: FieldProblem[]; ignored: string[] } {
  const problems: FieldProblem[] = [];
  const ignored: string[] = [];
  const values = emptyDictionary<string | number | string[]>();
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const isEmpty = (raw: string | string[] | undefined) =>
    raw === undefined || (Array.isArray(raw) ? raw.every((v) => v.trim() === '') : raw.trim() === '');
  for (const [code, raw] of Object.entries(submitted)) {
    if (!byCode.has(code) && !isEmpty(raw)) ignored.push(code);
  }
  for (const def of definitions) {
    const raw = submitted[def.code];
    if (isEmpty(raw)) {
      if (def.required) problems.push({ field: `attribute[${def.code}]`, reason: `is required: ${def.description}` });
      continue;
    }
    const value = checkOne(def, raw, `attribute[${def.code}]`, problems);
    if (value !== undefined) values[def.code] = value;
  }
  return { values, problems, ignored };
}
