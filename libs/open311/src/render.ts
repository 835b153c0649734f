import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Format } from './spec-fields';

/**
 * The spec's JSON is the "Spark convention" mapping of its XML: a JSON array stands for an XML list
 * element holding one child per item. These are the list elements and their item element.
 */
const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

function toXmlTree(name: string, value: Value): unknown {
  if (Array.isArray(value)) {
    const item = LIST_ITEMS[name];
    if (!item) throw new Error(`no XML item element for list "${name}"`);
    // An empty list is an empty element (<attributes/>), not a missing one.
    return value.length === 0 ? '' : { [item]: value.map((v) => toXmlTree(item, v)) };
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = toXmlTree(key, child);
    return out;
  }
  // null is written as an empty element, as in the spec's examples (<account_id/>).
  return value === null ? '' : value;
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true, indentBy: '  ' });

/** The spec requires the XML declaration with the UTF-8 encoding before the root element. */
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

export interface RenderedBody {
  contentType: string;
  body: string;
}

/** Renders one response: `root` names the XML root (a list name like `services`, or `service_definition`). */
export function renderOpen311(format: Open311Format, root: string, value: Value): RenderedBody {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  return { contentType: 'text/xml; charset=utf-8', body: DECLARATION + builder.build({ [root]: toXmlTree(root, value) }) };
}
