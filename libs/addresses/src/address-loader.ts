import { type AuditActor, recordAudits } from '@hotline/audit';
import { sqlRows, type SqlRunner } from '@hotline/database';
import { addressMatchKeys, addressSearchTerms, type AddressPlaceNames, type AddressSeed } from './address-keys';

/** A grid as the loader needs it: its id and the names its addresses are searched by. */
export interface AddressGrid extends AddressPlaceNames {
  id: string;
}

const CHUNK = 5000;

function depthOf(address: AddressSeed, byCode: Map<string, AddressSeed>): number {
  let depth = 0;
  for (let parent = address.parentCode; parent !== undefined; parent = byCode.get(parent)?.parentCode) depth += 1;
  return depth;
}

/** What the audit trail keeps of a loaded address. */
interface LoadedRow {
  id: string;
  code: string;
  kind: string;
  label: string;
  aliases: string[];
  gridId: string;
  lat: number;
  lng: number;
  inserted: boolean;
}

/**
 * Writes register entries by code (a code that exists is updated, so loading twice changes nothing),
 * parents before children, with their search terms and exact keys derived here: the one place that
 * turns an address into what the search reads. Throws on an unknown grid or parent.
 *
 * An address an admin has written (`edited_at`) is left as the admin left it: the seed never undoes a
 * correction or brings a retired address back. Every row actually written gets its audit row (`actor`,
 * action `seed`), or the database refuses the commit (migration AddressAdministration); must run in a
 * transaction when `db` is a DataSource with more than one chunk to write.
 */
export async function loadAddresses(
  db: SqlRunner,
  addresses: readonly AddressSeed[],
  grids: ReadonlyMap<string, AddressGrid>,
  actor: AuditActor,
): Promise<number> {
  const byCode = new Map(addresses.map((a) => [a.code, a]));
  const levels: AddressSeed[][] = [];
  for (const address of addresses) {
    if (address.parentCode !== undefined && !byCode.has(address.parentCode)) {
      throw new Error(`address ${address.code}: parent ${address.parentCode} is not in the register`);
    }
    (levels[depthOf(address, byCode)] ??= []).push(address);
  }
  for (const level of levels) {
    for (let i = 0; i < (level?.length ?? 0); i += CHUNK) {
      const rows = level.slice(i, i + CHUNK).map((a) => {
        const grid = grids.get(a.gridCode);
        if (!grid) throw new Error(`address ${a.code}: unknown grid ${a.gridCode}`);
        return {
          code: a.code,
          kind: a.kind,
          label: a.label,
          aliases: a.aliases ?? [],
          parent_code: a.parentCode ?? null,
          grid_id: grid.id,
          lat: a.lat,
          lng: a.lng,
          search_terms: addressSearchTerms(a, grid),
          match_keys: addressMatchKeys(a),
        };
      });
      const written = await sqlRows<LoadedRow>(
        db,
        `INSERT INTO addresses (code, kind, label, aliases, parent_id, grid_id, lat, lng, search_terms, match_keys)
         SELECT r.code, r.kind, r.label, r.aliases, p.id, r.grid_id, r.lat, r.lng, r.search_terms, r.match_keys
           FROM jsonb_to_recordset($1::jsonb) AS r(code text, kind text, label text, aliases text[], parent_code text,
                                                   grid_id uuid, lat float8, lng float8, search_terms text[], match_keys text[])
           LEFT JOIN addresses p ON p.code = r.parent_code
         ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, label = EXCLUDED.label, aliases = EXCLUDED.aliases,
           parent_id = EXCLUDED.parent_id, grid_id = EXCLUDED.grid_id, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
           search_terms = EXCLUDED.search_terms, match_keys = EXCLUDED.match_keys, updated_at = now()
         WHERE addresses.edited_at IS NULL
           AND (addresses.kind, addresses.label, addresses.aliases, addresses.parent_id, addresses.grid_id, addresses.lat,
                addresses.lng, addresses.search_terms, addresses.match_keys)
               IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.label, EXCLUDED.aliases, EXCLUDED.parent_id, EXCLUDED.grid_id,
                EXCLUDED.lat, EXCLUDED.lng, EXCLUDED.search_terms, EXCLUDED.match_keys)
         RETURNING id, code, kind, label, aliases, grid_id AS "gridId", lat, lng, (xmax = 0) AS inserted`,
        [JSON.stringify(rows)],
      );
      await recordAudits(
        db,
        actor,
        written.map(({ inserted, ...after }) => ({
          entity: 'address',
          entityId: after.id,
          action: inserted ? 'seed' : 'reseed',
          after,
        })),
      );
    }
  }
  return addresses.length;
}
