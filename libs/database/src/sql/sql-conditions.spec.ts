import { SqlConditions } from './sql-conditions';

describe('SqlConditions', () => {
  it('binds every value to the next placeholder and joins the conditions with AND', () => {
    const c = new SqlConditions();
    c.add(`a = ${c.p(1)}`);
    c.add((p) => `(b = ${p('x')} OR c = ANY(${p([2, 3])}))`);
    c.add('d IS NULL');
    expect(c.sql()).toBe('a = $1 AND (b = $2 OR c = ANY($3)) AND d IS NULL');
    expect(c.where()).toBe('WHERE a = $1 AND (b = $2 OR c = ANY($3)) AND d IS NULL');
    expect(c.params).toEqual([1, 'x', [2, 3]]);
  });

  it('without conditions reads as true, or as no WHERE at all', () => {
    const c = new SqlConditions();
    expect(c.sql()).toBe('true');
    expect(c.where()).toBe('');
  });

  it('continues the numbering of values bound before it', () => {
    const c = new SqlConditions(['first']);
    c.add(`x = ${c.p('second')}`);
    expect(c.sql()).toBe('x = $2');
    expect(c.params).toEqual(['first', 'second']);
  });

  it('never puts a value into the SQL text', () => {
    const c = new SqlConditions();
    c.add((p) => `name = ${p("'; DROP TABLE cases; --")}`);
    expect(c.sql()).not.toContain('DROP');
  });
});
