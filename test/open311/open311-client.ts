import { XMLParser } from 'fast-xml-parser';

/** List item elements of the spec's XML, parsed as arrays even when a list holds one item. */
const ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ITEMS.has(name) });

export interface Open311Response<T = unknown> {
  status: number;
  contentType: string;
  text: string;
  /** The body as data: JSON parsed, or XML parsed with every list as an array. */
  data: T;
}

/**
 * Calls /open311/v2 like a 311 client: form-encoded POSTs, the format named by the URL's extension. `T`
 * names what the test reads of the body (a claim, unchecked: the assertions check it); unknown otherwise.
 */
export async function open311<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string | string[]>,
): Promise<Open311Response<T>> {
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
  const data: unknown = contentType.startsWith('application/json')
    ? JSON.parse(text)
    : contentType.startsWith('text/xml')
      ? (xml.parse(text) as unknown)
      : text;
  return { status: response.status, contentType, text, data: data as T };
}

/** The items of a spec list in either format: the JSON array, or the XML root's item elements. */
export function items<T = unknown>(r: Open311Response<unknown>, root: string, item: string): T[] {
  if (r.contentType.startsWith('application/json')) return r.data as T[];
  // An empty XML list parses as '', a full one as { <item>: [...] }.
  const list = (r.data as Record<string, '' | Record<string, T[] | undefined> | undefined>)[root];
  return list === '' ? [] : (list?.[item] ?? []);
}
