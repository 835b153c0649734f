import { KnowledgeEntry, searchKnowledge } from './knowledge-base';

const entries: KnowledgeEntry[] = [
  { id: 'a', categoryCode: 'heating.no-heat', question: '供暖期是什么时候？', answer: '11月1日', keywords: ['供暖期'] },
  { id: 'b', categoryCode: 'heating.heating-fees', question: '供热费怎么交？', answer: '营业厅', keywords: ['供热费'] },
  { id: 'c', categoryCode: 'education.kindergarten', question: '幼儿园怎么报名？', answer: '6月', keywords: ['幼儿园'] },
];

describe('searchKnowledge', () => {
  it('puts the chosen category first and its siblings after it, leaving other topics out', () => {
    expect(searchKnowledge(entries, 'heating.no-heat', undefined).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('finds an entry by a keyword inside the caller’s words, whatever the category', () => {
    expect(searchKnowledge(entries, undefined, '孩子上幼儿园要什么材料').map((e) => e.id)).toEqual(['c']);
  });

  it('finds nothing for unrelated text', () => {
    expect(searchKnowledge(entries, undefined, '路灯不亮')).toEqual([]);
  });
});
