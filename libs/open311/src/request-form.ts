import type { FieldProblem } from '@hotline/errors';
import { emptyDictionary, isPrototypeKey } from '@hotline/input';
import { POST_REQUEST_ARGUMENTS } from './spec-fields';
import type { SubmittedAttributes } from './service-attributes';

/** A POST requests form, checked for shape; reference data (service, place) is checked by the caller. */
export interface ServiceRequestForm {
  apiKey?: string;
  jurisdictionId?: string;
  serviceCode?: string;
  lat?: number;
  long?: number;
  addressString?: string;
  addressId?: string;
  email?: string;
  deviceId?: string;
  accountId?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  description?: string;
  /** Every media_url sent (FixMyStreet sends one per photo); the first is the request's media_url. */
  mediaUrls: string[];
  attributes: SubmittedAttributes;
}

type FormBody = Record<string, string | string[] | undefined>;

const LIMITS: Partial<Record<(typeof POST_REQUEST_ARGUMENTS)[number], number>> = {
  api_key: 200,
  jurisdiction_id: 100,
  service_code: 80,
  address_string: 300,
  address_id: 64,
  email: 254,
  device_id: 200,
  account_id: 100,
  // FixMyStreet splits a user's full name at the first space: the first part can be long.
  first_name: 100,
  last_name: 100,
  phone: 20,
  description: 4000,
  media_url: 2000,
};

const MAX_MEDIA_URLS = 10;
const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/;

function single(body: FormBody, name: string, problems: FieldProblem[]): string | undefined {
  const raw = body[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    problems.push({ field: name, reason: 'was sent more than once' });
    return undefined;
  }
  // "Optional" in the spec: an empty argument is the same as no argument.
  const value = raw.trim();
  return value === '' ? undefined : value;
}

function coordinate(
  value: string | undefined,
  field: string,
  min: number,
  max: number,
  problems: FieldProblem[],
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^[-+]?\d+(\.\d+)?$/.test(value) || n < min || n > max) {
    problems.push({ field, reason: `must be a WGS84 decimal degree between ${min} and ${max}` });
    return undefined;
  }
  return n;
}

/** media_url, once or repeated: each an http(s) URL of at most 2,000 characters; empty ones are no URL. */
function mediaUrls(raw: string | string[] | undefined, problems: FieldProblem[]): string[] {
  const urls = [raw ?? []]
    .flat()
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (urls.length > MAX_MEDIA_URLS) problems.push({ field: 'media_url', reason: `at most ${MAX_MEDIA_URLS} URLs` });
  if (urls.some((u) => u.length > 2000 || !/^https?:\/\/\S+$/.test(u)))
    problems.push({ field: 'media_url', reason: 'must be http(s) URLs of at most 2000 characters' });
  return urls;
}

/**
 * Reads a form-encoded POST requests body (`attribute[code]=v`, `attribute[code][]=v1&…` for lists).
 * Refuses arguments the spec does not define, so that a misspelt field never passes silently; returns
 * every problem at once.
 */
export function parseServiceRequestForm(body: FormBody): { form: ServiceRequestForm; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  // Codes are the client's words: a map without a prototype, so `constructor` is just another unknown code.
  const attributes: SubmittedAttributes = emptyDictionary<string | string[]>();
  const known = new Set<string>(POST_REQUEST_ARGUMENTS);
  for (const [key, raw] of Object.entries(body)) {
    if (raw === undefined) continue;
    const attribute = ATTRIBUTE_KEY.exec(key);
    if (attribute) {
      const code = attribute[1];
      if (isPrototypeKey(code)) {
        problems.push({ field: key, reason: 'is not an attribute code' });
        continue;
      }
      const values = Array.isArray(raw) ? raw : [raw];
      const previous = attributes[code];
      attributes[code] =
        attribute[2] || Array.isArray(raw) || previous !== undefined ? [...(previous ? [previous].flat() : []), ...values] : raw;
      continue;
    }
    if (!known.has(key)) problems.push({ field: key, reason: 'is not an argument of POST requests' });
  }
  const get = (name: (typeof POST_REQUEST_ARGUMENTS)[number]) => {
    const value = single(body, name, problems);
    const limit = LIMITS[name];
    if (value !== undefined && limit !== undefined && value.length > limit) {
      problems.push({ field: name, reason: `must be at most ${limit} characters` });
    }
    return value;
  };

  const form: ServiceRequestForm = {
    apiKey: get('api_key'),
    jurisdictionId: get('jurisdiction_id'),
    serviceCode: get('service_code'),
    lat: coordinate(get('lat'), 'lat', -90, 90, problems),
    long: coordinate(get('long'), 'long', -180, 180, problems),
    addressString: get('address_string'),
    addressId: get('address_id'),
    email: get('email'),
    deviceId: get('device_id'),
    accountId: get('account_id'),
    firstName: get('first_name'),
    lastName: get('last_name'),
    phone: get('phone'),
    description: get('description'),
    mediaUrls: mediaUrls(body.media_url, problems),
    attributes,
  };

  if (!form.serviceCode) problems.push({ field: 'service_code', reason: 'is required (see GET services)' });
  const hasLat = body.lat !== undefined && String(body.lat).trim() !== '';
  const hasLong = body.long !== undefined && String(body.long).trim() !== '';
  if (hasLat !== hasLong) problems.push({ field: hasLat ? 'long' : 'lat', reason: 'lat and long must be sent together' });
  if (!hasLat && !hasLong && !form.addressString && !form.addressId) {
    problems.push({ field: 'lat', reason: 'a location is required: lat and long, address_string or address_id' });
  }
  if (form.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email))
    problems.push({ field: 'email', reason: 'must be an e-mail address' });
  if (form.description !== undefined && /<[a-z!/][^>]*>/i.test(form.description)) {
    problems.push({ field: 'description', reason: 'may contain line breaks, but not HTML or code' });
  }
  return { form, problems };
}
