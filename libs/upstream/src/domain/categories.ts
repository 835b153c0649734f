/**
 * The city's category texts, as the mapping table keys them: the same words however the city spaced or
 * wrote them (full-width forms folded by NFKC, runs of spaces collapsed), so "城市管理 > 占道经营" and
 * "城市管理>占道经营" find one row.
 */
export function cityCategoryKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s*>\s*/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}
