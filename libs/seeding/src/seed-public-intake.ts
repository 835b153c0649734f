import { auditSeeded } from './seed-audit';
import type { EntityManager } from 'typeorm';
import { hashApiKey } from '@hotline/open311';
import type { SeedData } from './seed-files';
import { sqlExec } from '@hotline/database';

/** The development seeds' Open311 client; its key is published in the README, so never in production. */
export const DEMO_OPEN311_CLIENT = { code: 'demo', name: '演示客户端（开发用）', apiKey: 'demo-open311-key' } as const;

/**
 * Service attributes (Open311 extra form fields), numbered in file order per category, and in
 * development the demo Open311 client. Upserts, so seeding twice changes nothing.
 */
export async function seedPublicIntake(manager: EntityManager, data: SeedData, includeDemo: boolean): Promise<void> {
  const order = new Map<string, number>();
  for (const a of data.serviceAttributes ?? []) {
    const n = (order.get(a.categoryCode) ?? 0) + 1;
    order.set(a.categoryCode, n);
    await sqlExec(
      manager,
      `INSERT INTO service_attributes (category_code, code, datatype, required, description, datatype_description, sort_order, "values")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (category_code, code) DO UPDATE SET datatype = EXCLUDED.datatype, required = EXCLUDED.required,
         description = EXCLUDED.description, datatype_description = EXCLUDED.datatype_description,
         sort_order = EXCLUDED.sort_order, "values" = EXCLUDED."values"`,
      [
        a.categoryCode,
        a.code,
        a.datatype,
        a.required,
        a.description,
        a.datatypeDescription ?? null,
        n,
        JSON.stringify(a.values ?? []),
      ],
    );
  }
  if (includeDemo) {
    const key = DEMO_OPEN311_CLIENT.apiKey;
    await sqlExec(
      manager,
      `INSERT INTO open311_clients (code, name, api_key_hash, key_prefix) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, api_key_hash = EXCLUDED.api_key_hash, key_prefix = EXCLUDED.key_prefix`,
      [DEMO_OPEN311_CLIENT.code, DEMO_OPEN311_CLIENT.name, hashApiKey(key), key.slice(0, 8)],
    );
    await auditSeeded(
      manager,
      'open311Client',
      `SELECT id::text AS key, to_jsonb(c) - 'api_key_hash' AS row FROM open311_clients c WHERE code = $1`,
      [DEMO_OPEN311_CLIENT.code],
    );
  }
}
