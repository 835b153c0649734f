/**
 * The element names of Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), exactly as the spec lists
 * them, in its order. Responses are built from these lists so that no field is added or misspelt, and
 * the tests check every response against them.
 */
export const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'] as const;

export const SERVICE_DEFINITION_FIELDS = ['service_code', 'attributes'] as const;

export const ATTRIBUTE_FIELDS = [
  'variable',
  'code',
  'datatype',
  'required',
  'datatype_description',
  'order',
  'description',
  'values',
] as const;

export const ATTRIBUTE_VALUE_FIELDS = ['key', 'name'] as const;

export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

/** POST requests: the arguments a client may send (attribute[…] aside). */
export const POST_REQUEST_ARGUMENTS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;

/** POST requests answer with a token here (see the README: our services are of type "batch"). */
export const POST_RESPONSE_FIELDS = ['token', 'service_notice', 'account_id'] as const;

export const TOKEN_RESPONSE_FIELDS = ['service_request_id', 'token'] as const;

export const SERVICE_REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const;

export const ERROR_FIELDS = ['code', 'description'] as const;

export const DISCOVERY_FIELDS = ['changeset', 'contact', 'key_service', 'endpoints'] as const;
export const DISCOVERY_ENDPOINT_FIELDS = ['specification', 'url', 'changeset', 'type', 'formats'] as const;

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';

export type Open311Format = 'json' | 'xml';

export type ServiceRecord = Record<(typeof SERVICE_FIELDS)[number], string | boolean>;
export type ServiceRequestRecord = Record<(typeof SERVICE_REQUEST_FIELDS)[number], string | number | null>;
