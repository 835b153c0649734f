import { neighbourhoodDispute } from './fixtures';
import type { TestStack } from './stack';

/**
 * A case logged by the operator, dispatched by hand to `department`, accepted by its staff and carrying
 * a pending extension request: a case on which every action meets a real case and request. Its category
 * is one no routing rule catches, so a router running meanwhile (any worker on the run's database)
 * cannot dispatch it before the dispatcher does.
 */
export async function acceptedCaseWithExtension(
  stack: TestStack,
  department: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; extensionRequestId: string }> {
  const step = async (user: string, path: string, body: unknown, status: number) => {
    const r = await stack.client.as(user, 'POST', path, body);
    if (r.status !== status) throw new Error(`${user} POST ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const created = await step('operator', '/api/v1/cases', neighbourhoodDispute({ title: '测试用例', ...overrides }), 201);
  const id = (created.body as { id: string }).id;
  await step('dispatcher', `/api/v1/cases/${id}/dispatch`, { leadDepartmentCode: department }, 200);
  await step(`staff-${department}`, `/api/v1/cases/${id}/accept`, {}, 200);
  await step(`staff-${department}`, `/api/v1/cases/${id}/extension-requests`, { days: 1, reason: '测试' }, 200);
  const [event] = (
    await stack.db.query<{ data: { extensionRequestId: string } }>(
      `SELECT data FROM case_events WHERE case_id = $1 AND type = 'extensionRequested'`,
      [id],
    )
  ).rows;
  return { id, extensionRequestId: event.data.extensionRequestId };
}

/** Changes to any table show in this: row counts and the newest row versions (xmin), table by table. */
export async function databaseFingerprint(stack: TestStack): Promise<string> {
  const { rows: tables } = await stack.db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  const parts = tables.map(
    ({ tablename }) => `(SELECT '${tablename}:' || count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${tablename}")`,
  );
  const { rows } = await stack.db.query<{ fingerprint: string }>(`SELECT ${parts.join(` || ' ' || `)} AS fingerprint`);
  return rows[0].fingerprint;
}
