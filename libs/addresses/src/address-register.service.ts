import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRows } from '@hotline/database';
import { ReferenceDataService, type GridRef, type ReferenceSnapshot } from '@hotline/reference';
import { queryTerms } from '@hotline/text-search';
import { compactAddressText, textMatchKeys } from './address-keys';

interface CodeName {
  code: string;
  name: string;
}

/** One register entry as the API shows it (GET /api/v1/addresses, issue 17's contract). */
export interface AddressView {
  id: string;
  label: string;
  street: CodeName;
  community: CodeName;
  grid: CodeName;
  lat: number;
  lng: number;
}

/** An address with its grid, as intake places a case by it. */
export interface PlacedAddress extends AddressView {
  gridRef: GridRef;
}

/** What free text means in the register: one entry (placed), or the entries it could be. */
export type TextMatch = { placed: PlacedAddress } | { placed: null; candidates: AddressView[] };

/** The columns a view of an address is made from. */
export interface AddressRow {
  id: string;
  label: string;
  gridId: string;
  lat: number;
  lng: number;
}

const COLUMNS = `id, label, grid_id AS "gridId", lat, lng`;
export const MAX_SEARCH_LIMIT = 50;
const CANDIDATES = 5;
const MAX_CANDIDATE_TRIES = 40;
/** How many matches a search sorts at most (see search()). */
const SORT_WINDOW = 1000;

/**
 * The address register read by intake and search. Reads go through the GIN indexes on the stored terms
 * and keys (live addresses only); the grid tree comes from the reference snapshot, not from joins.
 */
@Injectable()
export class AddressRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /**
   * Addresses holding every part of the query, in any order; the shortest labels first (the compound
   * before its buildings, the building before its units), then by label. A broad query (白云街道 holds a
   * fifth of the district) sorts only the first SORT_WINDOW matches the index yields, so its cost stays
   * bounded; a query that narrows to fewer is ordered exactly. Empty for a query with nothing to search by.
   */
  async search(query: string, limit: number): Promise<AddressView[]> {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const rows = await sqlRows<AddressRow>(
      this.dataSource,
      `WITH found AS MATERIALIZED (
         SELECT ${COLUMNS}, code FROM addresses WHERE search_terms @> $1::text[] AND retired_at IS NULL LIMIT ${SORT_WINDOW})
       SELECT id, label, "gridId", lat, lng FROM found ORDER BY length(label), label, code LIMIT $2`,
      [terms, Math.min(limit, MAX_SEARCH_LIMIT)],
    );
    const snapshot = await this.reference.current();
    return rows.map((row) => addressView(row, snapshot));
  }

  /** A live address by id, with its grid; null when unknown or retired. */
  async placed(id: string): Promise<PlacedAddress | null> {
    const [row] = await sqlRows<AddressRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM addresses WHERE id = $1 AND retired_at IS NULL`,
      [id],
    );
    if (!row) return null;
    const snapshot = await this.reference.current();
    return { ...addressView(row, snapshot), gridRef: snapshot.gridsById.get(row.gridId)! };
  }

  /**
   * Free text placed only on one exact entry: a door (road + number) or a building (compound + building
   * number) whose key the text contains. When several entries share the key (two 锦绣小区 in the
   * district), the street or community the text names may single one out. Otherwise the candidates
   * are the search's answer for the text, and nothing is guessed.
   */
  async matchText(text: string): Promise<TextMatch> {
    const keys = textMatchKeys(text);
    const snapshot = await this.reference.current();
    if (keys.length > 0) {
      const rows = await sqlRows<AddressRow>(
        this.dataSource,
        `SELECT ${COLUMNS} FROM addresses WHERE match_keys && $1::text[] AND retired_at IS NULL ORDER BY label, code LIMIT 20`,
        [keys],
      );
      const compact = compactAddressText(text);
      const named = rows.filter((row) => {
        const grid = snapshot.gridsById.get(row.gridId)!;
        return compact.includes(grid.street.name) || compact.includes(grid.community.name);
      });
      const one = rows.length === 1 ? rows[0] : named.length === 1 ? named[0] : null;
      if (one) return { placed: { ...addressView(one, snapshot), gridRef: snapshot.gridsById.get(one.gridId)! } };
      if (rows.length > 1)
        return { placed: null, candidates: rows.slice(0, CANDIDATES).map((row) => addressView(row, snapshot)) };
    }
    return { placed: null, candidates: await this.candidatesFor(text) };
  }

  /**
   * Candidates for free text that placed nothing: the search's answer for the longest stretch of the
   * text that the register holds (云峰社区锦绣小区门口 → 云峰社区锦绣小区), longest first, at most
   * MAX_CANDIDATE_TRIES searches.
   */
  private async candidatesFor(text: string): Promise<AddressView[]> {
    const chars = [...compactAddressText(text)];
    let tries = 0;
    for (let length = chars.length; length >= 2; length -= 1) {
      for (let start = 0; start + length <= chars.length; start += 1) {
        if (++tries > MAX_CANDIDATE_TRIES) return [];
        const found = await this.search(chars.slice(start, start + length).join(''), CANDIDATES);
        if (found.length > 0) return found;
      }
    }
    return [];
  }
}

/** A register row as the API shows it, its street, community and grid from the reference snapshot. */
export function addressView(row: AddressRow, snapshot: ReferenceSnapshot): AddressView {
  const grid = snapshot.gridsById.get(row.gridId)!;
  return {
    id: row.id,
    label: row.label,
    street: { code: grid.street.code, name: grid.street.name },
    community: { code: grid.community.code, name: grid.community.name },
    grid: { code: grid.code, name: grid.name },
    lat: row.lat,
    lng: row.lng,
  };
}
