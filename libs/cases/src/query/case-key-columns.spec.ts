import { SqlConditions } from '@hotline/database';
import { addKeyFilter, groupKeySql, KEY_COLUMNS, OVERDUE_NOW_SQL } from './case-key-columns';

describe('key filters', () => {
  it('mean the same on the case row and on the statistics facts, each on its own columns', () => {
    const filter = { from: new Date('2026-01-01T00:00:00Z'), keys: { department: ['d1'], kind: ['complaint'] } };
    const onCase = new SqlConditions();
    const onFacts = new SqlConditions();
    addKeyFilter(onCase, KEY_COLUMNS.case, filter);
    addKeyFilter(onFacts, KEY_COLUMNS.facts, filter);
    expect(onCase.sql()).toBe('c.received_at >= $1 AND c.lead_department_id = ANY($2::uuid[]) AND c.kind = $3');
    expect(onFacts.sql()).toBe('f.received_at >= $1 AND f.department_id = ANY($2::uuid[]) AND f.kind = $3');
    expect(onCase.params).toEqual(onFacts.params);
  });

  it('read [null] as "no such key" and a category as every id under it', () => {
    const c = new SqlConditions();
    addKeyFilter(c, KEY_COLUMNS.case, { to: new Date('2026-02-01T00:00:00Z'), keys: { grid: [null], category: ['a', 'b'] } });
    expect(c.sql()).toBe('c.received_at < $1 AND c.grid_id IS NULL AND c.category_id = ANY($2::uuid[])');
    expect(c.params[1]).toEqual(['a', 'b']);
  });

  it('group reference keys as text with none as the empty string, value keys as they are', () => {
    expect(groupKeySql('street', KEY_COLUMNS.facts)).toBe(`COALESCE(f.street_id::text, '')`);
    expect(groupKeySql('channel', KEY_COLUMNS.case)).toBe('c.channel');
  });

  it('count a case overdue now while it is open (not closed, not merged) and past its running deadline', () => {
    expect(OVERDUE_NOW_SQL).toBe(`(c.status NOT IN ('closed', 'merged') AND c.sla_deadline < now())`);
  });
});
