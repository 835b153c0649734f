import { formatCaseNo } from './case-number';

describe('formatCaseNo', () => {
  it("dates the number in the district's zone and pads the sequence to six digits", () => {
    const at = new Date('2026-11-22T16:30:00Z'); // 00:30 on the 23rd in Shanghai, still the 22nd in New York
    expect(formatCaseNo('XG', at, '123', 'Asia/Shanghai')).toBe('XG20261123000123');
    expect(formatCaseNo('XG', at, 1234567, 'America/New_York')).toBe('XG202611221234567');
    expect(formatCaseNo('XG', at, 7, 'Asia/Shanghai')).toBe('XG20261123000007');
  });
});
