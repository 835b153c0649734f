import { readCaseHistories, sqlOfClient, StatsProjectorService } from '@hotline/stats';
import { neighbourhoodDispute, useStack, type CaseBody } from '@hotline/testing';

/**
 * A case's history is ordered by its events' ids as numbers. The readers selected `id::text AS id` and
 * then said `ORDER BY id`, which PostgreSQL applies to the output column, the text: '10000000000' sorted
 * before '9999999999', so a history that crossed a power of ten was read out of order and its figures
 * were wrong (a standing reply counted as sent back: replied=false on a closed case, seen in CI).
 */
describe('history order across a power of ten', () => {
  const stack = useStack();

  it('reads, shows and projects the events in id order', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Ids far past anything a test run reaches, straddling 10^10 (identity values given explicitly).
    const append = (eventId: number, type: string) =>
      stack.db.query(
        `INSERT INTO case_events (id, case_id, type, actor_name, actor_role, from_status, to_status, data)
           OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, 'system', 'system', 'received', 'received', '{}')`,
        [eventId, id, type],
      );
    await append(9_999_999_998, 'dispatched');
    await append(9_999_999_999, 'reviewReturned');
    await append(10_000_000_000, 'replied');

    const history = (await readCaseHistories(sqlOfClient(stack.db), [id])).get(id)!;
    expect(history.events.slice(-3).map((e) => e.type)).toEqual(['dispatched', 'reviewReturned', 'replied']);
    expect(history.lastEventId).toBe('10000000000');

    const events = await stack.client.as<Array<{ id: string; type: string }>>('supervisor', 'GET', `/api/v1/cases/${id}/events`);
    expect(events.status).toBe(200);
    expect(events.body.slice(-3).map((e) => e.id)).toEqual(['9999999998', '9999999999', '10000000000']);

    // The reply came after the centre's return, so it stands.
    await stack.worker!.get(StatsProjectorService).project(id);
    const facts = await stack.db.query<{ replied: boolean; review_returned: boolean }>(
      `SELECT replied, review_returned FROM stats_case_facts WHERE case_id = $1`,
      [id],
    );
    expect(facts.rows[0]).toEqual({ replied: true, review_returned: true });
  });
});
