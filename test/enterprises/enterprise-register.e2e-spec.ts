import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useStack, type ErrorBody } from '@hotline/testing';

/** Valid USCCs of Xigang (210203) used by no other test; check characters per GB 32100-2015. */
const GAMMA = '91210203MA0RE9T01J';
const DELTA = '91210203MA0RE9T02M';

interface EnterpriseBody {
  uscc: string;
  name: string;
  contact: { name: string; phone: string };
  responsibleUser: { username: string } | null;
}
interface AuditRow {
  action: string;
  actor_username: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

const seeded = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'enterprises.json'), 'utf8')) as {
  uscc: string;
  name: string;
  contactName: string;
  contactPhone: string;
  responsibleUsername: string;
}[];

describe('the enterprise register, administered and audited', () => {
  const stack = useStack();
  const userId = async (username: string) =>
    (await stack.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
  const audits = async (uscc: string) =>
    (
      await stack.db.query<AuditRow>(
        `SELECT action, actor_username, before, after FROM audit_log WHERE entity = 'enterprise' AND entity_id = $1 ORDER BY id`,
        [uscc],
      )
    ).rows;
  /** The register and the audit trail's enterprise rows, to show a refusal changed nothing. */
  const fingerprint = async () =>
    (
      await stack.db.query<{ f: string }>(
        `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM enterprises) || ' ' ||
                (SELECT count(*) FROM audit_log WHERE entity = 'enterprise') AS f`,
      )
    ).rows[0].f;
  const body = {
    uscc: GAMMA,
    name: '大连西岗审计测试有限公司',
    industry: 'manufacturing',
    streetCode: 'rixin',
    contactName: '韩经理',
    contactPhone: '13988887777',
  };

  it('lists the seeded demo enterprises with their contact opened and their responsible leader', async () => {
    const list = await stack.client.as<EnterpriseBody[]>('operator', 'GET', '/api/v1/enterprises');
    expect(list.status).toBe(200);
    const byUscc = new Map(list.body.map((e) => [e.uscc, e]));
    for (const e of seeded) {
      expect(byUscc.get(e.uscc)).toMatchObject({
        name: e.name,
        contact: { name: e.contactName, phone: e.contactPhone },
        responsibleUser: { username: e.responsibleUsername },
      });
    }
    const [first] = await audits(seeded[0].uscc);
    expect(first).toMatchObject({ action: 'seed', actor_username: 'system:seed' });
    expect(JSON.stringify(first.after)).not.toContain(seeded[0].contactPhone);
  });

  it('audits a create and an update (the leader changed) without the contact, and refuses bad input changing nothing', async () => {
    const made = await stack.client.as<EnterpriseBody>('admin', 'POST', '/api/v1/enterprises', {
      ...body,
      responsibleUserId: await userId('lead-market'),
    });
    expect(made.status).toBe(201);
    const [created] = await audits(GAMMA);
    expect(created).toMatchObject({
      action: 'create',
      actor_username: 'admin',
      before: null,
      after: { uscc: GAMMA, name: body.name, industry: 'manufacturing', responsibleUserId: await userId('lead-market') },
    });
    expect(JSON.stringify(created.after)).not.toMatch(/韩经理|13988887777/);

    const leader = await userId('supervisor');
    const updated = await stack.client.as<EnterpriseBody>('admin', 'PATCH', `/api/v1/enterprises/${GAMMA}`, {
      responsibleUserId: leader,
      contactPhone: '13966665555',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ responsibleUser: { username: 'supervisor' }, contact: { phone: '13966665555' } });
    const rows = await audits(GAMMA);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      action: 'update',
      actor_username: 'admin',
      before: { responsibleUserId: await userId('lead-market') },
      after: { responsibleUserId: leader, contactChanged: ['contactPhone'] },
    });
    expect(JSON.stringify(rows[1])).not.toMatch(/13988887777|13966665555|韩经理/);

    const before = await fingerprint();
    const invalid = await stack.client.as<ErrorBody>('admin', 'POST', '/api/v1/enterprises', {
      ...body,
      uscc: DELTA.slice(0, 17) + 'A',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d) => d.field)).toEqual(['uscc']);
    const duplicate = await stack.client.as<ErrorBody>('admin', 'POST', '/api/v1/enterprises', { ...body, name: '另一家公司' });
    expect(duplicate.status).toBe(409);
    const badPatch = await stack.client.as<ErrorBody>('admin', 'PATCH', `/api/v1/enterprises/${GAMMA}`, { industry: 'piracy' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.details.map((d) => d.field)).toEqual(['industry']);
    expect(await fingerprint()).toBe(before);
    expect((await stack.client.as('admin', 'GET', `/api/v1/enterprises/${GAMMA}`)).body).toMatchObject({ name: body.name });
  });
});
