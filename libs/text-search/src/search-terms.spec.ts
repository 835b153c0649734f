import { documentTerms, queryTerms } from './search-terms';

/** A query matches a document when every query term is among the document's terms (SQL: terms @> query). */
function matches(query: string, ...texts: string[]): boolean {
  const stored = new Set(documentTerms(texts));
  const asked = queryTerms(query);
  return asked.length > 0 && asked.every((t) => stored.has(t));
}

describe('Chinese text search terms', () => {
  // As the register stores a building: its label, its alias, and both written out under street and community.
  const building = ['锦绣小区5号楼', '云峰新村5号楼', '白云街道云峰社区锦绣小区5号楼', '白云街道云峰社区云峰新村5号楼'];

  it('matches the parts of an address in any order', () => {
    expect(matches('云峰 5号楼', ...building)).toBe(true);
    expect(matches('5号楼 锦绣', ...building)).toBe(true);
    expect(matches('白云街道云峰社区锦绣小区5号楼', ...building)).toBe(true);
  });

  it('matches aliases and pinyin initials', () => {
    expect(matches('云峰新村', ...building)).toBe(true);
    expect(matches('jxxq', ...building)).toBe(true);
    expect(matches('JXXQ 5号楼', ...building)).toBe(true);
    expect(matches('yfsq', ...building)).toBe(true);
  });

  it('keeps numbers whole: 5号 is not 15号, and a bare 5 is not 15', () => {
    expect(matches('锦绣 5号楼', '锦绣小区15号楼')).toBe(false);
    expect(matches('15号楼', '锦绣小区15号楼')).toBe(true);
    expect(matches('锦绣 5', '锦绣小区15号楼')).toBe(false);
  });

  it('folds full-width digits and letters, and ignores punctuation', () => {
    expect(matches('锦绣小区５号楼', ...building)).toBe(true);
    expect(matches('Ａ座', '海景公寓A座')).toBe(true);
    expect(matches('锦绣，小区（5号楼）', ...building)).toBe(true);
  });

  it('does not match characters the document lacks', () => {
    expect(matches('阳光 5号楼', ...building)).toBe(false);
    expect(matches('锦秀', ...building)).toBe(false);
  });

  it('asks for nothing when the query has nothing to search by', () => {
    expect(queryTerms('  ，。!? ')).toEqual([]);
  });

  it('stores every term once, in a stable order', () => {
    const terms = documentTerms(['云峰云峰']);
    expect(new Set(terms).size).toBe(terms.length);
    expect(documentTerms(['云峰云峰'])).toEqual(terms);
  });
});

describe('numbers with their unit', () => {
  it('asks for 5号楼 as one term, not for the 号楼 every building holds', () => {
    expect(queryTerms('5号楼')).toEqual(['5号楼']);
    expect(queryTerms('锦绣小区12号楼3单元')).toEqual(['12号楼', '3单元', '小区', '绣小', '锦绣']);
    expect(queryTerms('5号楼东侧')).toEqual(['5号楼', '东侧']);
  });
});
