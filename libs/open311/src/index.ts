/**
 * @hotline/open311 — the pure parts of Open311 GeoReport v2: the spec's field lists, JSON/XML rendering
 * (Spark convention), the POST form and attribute checks, the status mapping and API keys
 * (published text is masked by @hotline/privacy's maskPersonalData). No Nest, database or Redis.
 */
export * from './spec-fields';
export { renderOpen311, type RenderedBody } from './render';
export { checkAttributes, type AttributeValues, type ServiceAttribute, type SubmittedAttributes } from './service-attributes';
export { parseServiceRequestForm, type ServiceRequestForm } from './request-form';
export { CASE_STATUSES_BY_OPEN311, STATUS_NOTES, open311StatusOf } from './status';
export { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key';
export { requestWindow, type RequestWindow } from './request-window';
