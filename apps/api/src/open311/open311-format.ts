import type { Open311Format } from '@hotline/open311';
import { Open311NotFound } from './open311-errors';

/** The format a URL names by its extension (`services.xml`, `requests/XG….json`), or null. */
export function formatOfPath(path: string): Open311Format | null {
  const match = /\.(json|xml)$/.exec(path);
  return match ? (match[1] as Open311Format) : null;
}

/** Splits `heating.no-heat.json` into the resource id and its format; ids may themselves contain dots. */
export function splitResource(file: string): { id: string; format: Open311Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) throw new Open311NotFound('Append the format to the resource: .json or .xml');
  return { id: match[1], format: match[2] as Open311Format };
}
