import type { SqlParam } from '@hotline/database';
import { outboxInsertOfReturnedIdSql, outboxInsertOfReturnedSql, outboxInsertSql } from './outbox-writer';
import { jobIdFor } from './queue-catalog';

function binder() {
  const params: SqlParam[] = [];
  return {
    params,
    p: (value: SqlParam) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

describe('outbox rows written by SQL', () => {
  it('binds queue, name, the job id by its rule, the payload, the delay and the action', () => {
    const { params, p } = binder();
    const runAt = new Date('2026-11-29T08:00:00Z');
    const sql = outboxInsertSql(
      [
        { name: 'route-case', payload: { caseId: 'c1', version: 1 } },
        {
          name: 'sla-breach',
          payload: { caseId: 'c1', stage: 'handling', deadline: runAt.toISOString() },
          runAt,
          action: 'remove',
        },
      ],
      p,
    );
    expect(sql).toMatch(/^INSERT INTO outbox \(queue, job_name, job_id, payload, run_at, action\) VALUES \(\$1, .*\), \(\$7, /);
    expect(params).toEqual([
      'dispatch',
      'route-case',
      jobIdFor('route-case', { caseId: 'c1', version: 1 }),
      '{"caseId":"c1","version":1}',
      null,
      'add',
      'sla',
      'sla-breach',
      jobIdFor('sla-breach', { caseId: 'c1', stage: 'handling', deadline: runAt.toISOString() }),
      JSON.stringify({ caseId: 'c1', stage: 'handling', deadline: runAt.toISOString() }),
      runAt,
      'remove',
    ]);
  });

  it("renders a job id around an id the statement returns, by the job's own rule", () => {
    const { params, p } = binder();
    const sql = outboxInsertOfReturnedIdSql(
      'project-case-stats',
      { caseId: 'c1', eventId: '' },
      'eventId',
      'max(events.id)',
      'events',
      p,
    );
    // The id rule, applied by SQL: the bound text before and after the id the statement returned.
    const [before, after] = [params[2], params[3]] as string[];
    expect(`${before}42${after}`).toBe(jobIdFor('project-case-stats', { caseId: 'c1', eventId: '42' }));
    expect(sql).toContain(`$3 || (max(events.id))::text || $4`);
    expect(sql).toContain('FROM events');
    expect(params[4]).toBe('{"caseId":"c1","eventId":""}');
    expect(params[5]).toBe('{eventId}');
  });

  it('renders one row per row of a CTE with several returned fields, in the order the job id names them', () => {
    const { params, p } = binder();
    const sql = outboxInsertOfReturnedSql(
      'project-case-stats',
      { caseId: '', eventId: '' },
      // Given in the other order than the id names them: the rule's order wins.
      { eventId: 'last.id', caseId: 'last.case_id' },
      'last',
      p,
    );
    // $3 || case_id || $4 || event id || $5: the id rule with both values from the statement.
    expect(sql).toContain('$3 || (last.case_id)::text || $4 || (last.id)::text || $5');
    const [head, middle, tail] = [params[2], params[3], params[4]] as string[];
    expect(`${head}c9${middle}77${tail}`).toBe(jobIdFor('project-case-stats', { caseId: 'c9', eventId: '77' }));
    expect(sql).toContain('FROM last');
  });
});
