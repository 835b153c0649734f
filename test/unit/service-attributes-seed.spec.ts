import { readFileSync } from 'fs';
import { join } from 'path';
import { ATTRIBUTE_DATATYPES } from '@hotline/open311';
import type { CategorySeed, SeedData } from '@hotline/seeding';

/* seeds/service-attributes.json is published through Open311: every attribute must belong to a leaf category and be well-formed. */
const SEEDS = join(__dirname, '..', '..', 'seeds');
const attributes = JSON.parse(readFileSync(join(SEEDS, 'service-attributes.json'), 'utf8')) as NonNullable<
  SeedData['serviceAttributes']
>;
const leaves = new Set<string>();
const walk = (nodes: CategorySeed[]) => nodes.forEach((n) => (n.children.length ? walk(n.children) : leaves.add(n.code)));
walk(JSON.parse(readFileSync(join(SEEDS, 'categories.json'), 'utf8')) as CategorySeed[]);

describe('seeds/service-attributes.json', () => {
  it.each(attributes.map((a) => [`${a.categoryCode} ${a.code}`, a]))('%s is well-formed', (_name, a) => {
    expect(leaves.has(a.categoryCode)).toBe(true);
    expect(a.code).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    expect(ATTRIBUTE_DATATYPES).toContain(a.datatype);
    expect(typeof a.required).toBe('boolean');
    expect(a.description.length).toBeGreaterThan(0);
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    expect((a.values ?? []).length > 0).toBe(isList);
  });

  it('has no attribute twice in a category, and asks every enterprise request type for its USCC', () => {
    const keys = attributes.map((a) => `${a.categoryCode}/${a.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const code of [...leaves].filter((c) => c.startsWith('enterprise.'))) {
      expect(attributes.find((a) => a.categoryCode === code && a.code === 'uscc')).toMatchObject({ required: true });
    }
  });
});
