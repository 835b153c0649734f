import { XMLParser } from 'fast-xml-parser';

/** List item elements of the spec's XML, parsed as arrays even when a list holds one item. */
const ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ITEMS.has(name) });

export interface Open311Response {
  status: number;
  contentType: string;
  text: string;
  /** The body as data: JSON parsed, or XML parsed with every list as an array. */
  data: any;
}

/** Calls /open311/v2 like a 311 client: form-encoded POSTs, the format named by the URL's extension. */
export async function open311(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string | string[]>,
): Promise<Open311Response> {
  let body: string | undefined;
  if (form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
    body = params.toString();
  }
  const response = await fetch(`${baseUrl}/open311/v2/${path}`, {
    method,
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {},
    body,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const data = contentType.startsWith('application/json')
    ? JSON.parse(text)
    : contentType.startsWith('text/xml')
      ? xml.parse(text)
      : text;
  return { status: response.status, contentType, text, data };
}

/** The items of a spec list in either format: the JSON array, or the XML root's item elements. */
export function items(r: Open311Response, root: string, item: string): any[] {
  if (r.contentType.startsWith('application/json')) return r.data;
  const list = r.data[root];
  return list === '' ? [] : (list?.[item] ?? []);
}
