import { documentTerms, normalizeSearchText } from '@hotline/text-search';

/** The kinds of register entries, from the road's door to the unit's entrance. */
export const ADDRESS_KINDS = ['roadNumber', 'compound', 'building', 'unit', 'place'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** One register entry as written in seeds/addresses.json (and as admins write it). */
export interface AddressSeed {
  code: string;
  kind: AddressKind;
  label: string;
  gridCode: string;
  lat: number;
  lng: number;
  aliases?: string[];
  parentCode?: string;
}

/** The grid tree an address sits in, by name (for the search terms). */
export interface AddressPlaceNames {
  streetName: string;
  communityName: string;
}

/** Spaces and punctuation go; full-width digits become ASCII; 栋 and 幢 are said for 号楼. */
export function compactAddressText(text: string): string {
  return normalizeSearchText(text)
    .replace(/(\d+)\s*(?:号?栋|号?幢|#楼|#)/g, '$1号楼')
    .replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');
}

/**
 * What the search matches: the label and each alias, alone and written out under the street and
 * community (白云街道云峰社区锦绣小区5号楼), so a caller's words match in any order and in full.
 */
export function addressSearchTerms(address: { label: string; aliases?: readonly string[] }, place: AddressPlaceNames): string[] {
  const names = [address.label, ...(address.aliases ?? [])];
  return documentTerms([...names, ...names.map((name) => `${place.streetName}${place.communityName}${name}`)]);
}

const DOOR = /(\d+)号$/;
const BUILDING = /(\d+)号楼$/;

/**
 * The exact keys of an address: a door (中山路128号) or a building (锦绣小区5号楼), by its label and
 * aliases. Other kinds have none: free text is placed only on a door or a building (issue 17).
 */
export function addressMatchKeys(address: { kind: AddressKind; label: string; aliases?: readonly string[] }): string[] {
  const pattern = address.kind === 'roadNumber' ? DOOR : address.kind === 'building' ? BUILDING : null;
  if (!pattern) return [];
  const keys = [address.label, ...(address.aliases ?? [])].map(compactAddressText).filter((key) => pattern.test(key));
  return [...new Set(keys)].sort();
}

// A number said as a door (号, not followed by 楼) or as a building (号楼), with the Han characters before it.
const SAID = /(\p{Script=Han}{1,24}?)?(\d+)(号楼|号)/gu;
const HAN_BEFORE = /\p{Script=Han}{1,24}$/u;

/**
 * The keys free text could mean: for each door or building number in it, the number with every tail of
 * the Han words before it (…锦绣小区5号楼 → 区5号楼, 小区5号楼, 绣小区5号楼, 锦绣小区5号楼, …). A register
 * entry matches when one of its keys is among them; nothing is guessed beyond that.
 */
export function textMatchKeys(text: string): string[] {
  const compact = compactAddressText(text);
  const keys = new Set<string>();
  for (const match of compact.matchAll(SAID)) {
    const [whole, , digits, unit] = match;
    const before = HAN_BEFORE.exec(compact.slice(0, match.index + whole.length - digits.length - unit.length))?.[0] ?? '';
    const chars = [...before];
    for (let i = chars.length - 2; i >= 0; i -= 1) keys.add(`${chars.slice(i).join('')}${digits}${unit}`);
  }
  return [...keys].sort();
}
