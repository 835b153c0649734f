import type { EntityManager } from 'typeorm';
import { recordAudits, systemActor } from '@hotline/audit';
import { sqlRows } from '@hotline/database';
import { enterpriseAuditView } from '@hotline/enterprises';
import { PersonalDataCipher } from '@hotline/privacy';
import type { EnterpriseSeed } from './seed-files';

/** The keys the service seals contacts with (PII_KEY, PII_HASH_KEY): a seeded contact must open like an admin's. */
export interface SealingKeys {
  key: string;
  hashKey: string;
}

/**
 * Demo enterprises (seeds/enterprises.json), each led by a seeded user named by username. An enterprise
 * already registered is left as it is — an admin's edit survives seeding again — so only the new ones
 * are written, each with its audit row (contact left out, as the service does).
 */
export async function seedEnterprises(
  manager: EntityManager,
  seeds: readonly EnterpriseSeed[],
  keys: SealingKeys,
): Promise<number> {
  if (seeds.length === 0) return 0;
  const cipher = new PersonalDataCipher(keys.key, keys.hashKey);
  const rows = seeds.map((e) => ({
    uscc: e.uscc,
    name: e.name,
    industry: e.industry,
    streetCode: e.streetCode,
    contactNameSealed: cipher.encrypt(e.contactName),
    contactPhoneSealed: cipher.encrypt(e.contactPhone),
    responsibleUsername: e.responsibleUsername,
  }));
  const inserted = await sqlRows<{
    uscc: string;
    name: string;
    industry: string;
    streetId: string | null;
    responsibleUserId: string | null;
  }>(
    manager,
    `INSERT INTO enterprises (uscc, name, industry, street_id, contact_name_sealed, contact_phone_sealed, responsible_user_id)
     SELECT r.uscc, r.name, r.industry, s.id, r."contactNameSealed", r."contactPhoneSealed", u.id
       FROM jsonb_to_recordset($1::jsonb) AS r(uscc text, name text, industry text, "streetCode" text,
              "contactNameSealed" text, "contactPhoneSealed" text, "responsibleUsername" text)
       LEFT JOIN streets s ON s.code = r."streetCode"
       LEFT JOIN users u ON u.username = r."responsibleUsername"
     ON CONFLICT (uscc) DO NOTHING
     RETURNING uscc, name, industry, street_id AS "streetId", responsible_user_id AS "responsibleUserId"`,
    [JSON.stringify(rows)],
  );
  await recordAudits(
    manager,
    systemActor('seed'),
    inserted.map((e) => ({ entity: 'enterprise' as const, entityId: e.uscc, action: 'seed', after: enterpriseAuditView(e) })),
  );
  return seeds.length;
}
