import type { FieldProblem } from '@hotline/errors';
import type { GridIndex, GridShape } from '@hotline/grid';
import { compactAddressText, type AddressKind } from './address-keys';

/** What an admin writes of an address (POST, or the merged result of a PATCH). */
export interface AddressDraft {
  kind: AddressKind;
  label: string;
  aliases: readonly string[];
  lat: number;
  lng: number;
  /** When left out, the grid is the one the point lies in. */
  gridCode?: string;
}

export const MAX_ALIASES = 10;

/** The label shape exact placement relies on: a door ends with its number, a building with 号楼. */
const LABEL_SHAPES: Partial<Record<AddressKind, { pattern: RegExp; example: string }>> = {
  roadNumber: { pattern: /\d+号$/, example: '中山路128号' },
  building: { pattern: /\d+号楼$/, example: '锦绣小区5号楼' },
};

/**
 * Checks an admin's address against the grid map and answers its grid, or every problem found: the
 * point must lie in the district and in the grid named (or the grid is derived from the point, so an
 * address can never sit outside its grid); labels and aliases must say something, aliases once each.
 */
export function checkAddressDraft<T extends GridShape>(
  draft: AddressDraft,
  grids: GridIndex<T>,
  gridsByCode: ReadonlyMap<string, T>,
): { grid: T; problems: [] } | { grid: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const label = compactAddressText(draft.label);
  if (label === '') problems.push({ field: 'label', reason: 'is required: the address as callers say it' });
  const shape = LABEL_SHAPES[draft.kind];
  if (label !== '' && shape && !shape.pattern.test(label)) {
    problems.push({ field: 'label', reason: `a ${draft.kind} label ends with its number, as in ${shape.example}` });
  }
  const seen = new Set([label]);
  for (const [i, alias] of draft.aliases.entries()) {
    const compact = compactAddressText(alias);
    if (compact === '') problems.push({ field: `aliases.${i}`, reason: 'is empty' });
    else if (seen.has(compact)) problems.push({ field: `aliases.${i}`, reason: 'repeats the label or another alias' });
    seen.add(compact);
  }
  if (draft.aliases.length > MAX_ALIASES) problems.push({ field: 'aliases', reason: `at most ${MAX_ALIASES}` });

  let grid: T | null = null;
  if (!grids.contains(draft.lng, draft.lat)) {
    problems.push({ field: 'lat', reason: 'the point (lat, lng) lies outside the district' });
  } else {
    const located = grids.locate(draft.lng, draft.lat);
    if (draft.gridCode !== undefined && !gridsByCode.has(draft.gridCode)) {
      problems.push({ field: 'gridCode', reason: `no grid ${draft.gridCode}` });
    } else if (!located) {
      problems.push({ field: 'lat', reason: 'the point (lat, lng) lies in no grid' });
    } else if (draft.gridCode !== undefined && located.code !== draft.gridCode) {
      problems.push({ field: 'gridCode', reason: `the point lies in grid ${located.code}, not in ${draft.gridCode}` });
    } else {
      grid = located;
    }
  }
  return problems.length === 0 && grid ? { grid, problems: [] } : { grid: null, problems };
}
