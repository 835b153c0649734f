import { isValidUscc, normalizeUscc, usccCheckCharacter, usccProblem } from './uscc';

describe('USCC check character (GB 32100-2015)', () => {
  // Codes printed on the business licences of well-known companies, and the standard's own example.
  const REAL_CODES = [
    ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['914403001922038216', '华为技术有限公司'],
    ['91110000802100433B', '北京百度网讯科技有限公司'],
    ['91110108551385082Q', '小米科技有限责任公司'],
    ['91350100M000100Y43', 'GB 32100-2015 附录示例'],
  ];

  it.each(REAL_CODES)('accepts %s (%s)', (code) => {
    expect(usccProblem(code)).toBeNull();
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('refuses a real code with its check character changed, naming the right one', () => {
    expect(usccProblem('9144030071526726XA')).toBe('check character is A, but GB 32100-2015 gives G');
    expect(usccProblem('914403001922038217')).toBe('check character is 7, but GB 32100-2015 gives 6');
  });

  it('catches two swapped characters and one mistyped character', () => {
    expect(isValidUscc('9144030017526726XG')).toBe(false); // 71 → 17
    expect(isValidUscc('91330100716105853F')).toBe(false); // 2 → 3
    expect(isValidUscc('91110000802100483B')).toBe(false); // 3 → 8
  });

  it('refuses letters the standard leaves out (I, O, Z, S, V), a wrong length and a non-digit division code', () => {
    expect(usccProblem('9144030O71526726XG')).toMatch(/without I, O, Z, S, V/);
    expect(usccProblem('91440300715267IGXG')).toMatch(/without I, O, Z, S, V/);
    expect(usccProblem('9144030071526726X')).toBe('must be 18 characters');
    expect(usccProblem('91A4030071526726XG')).toMatch(/positions 3–8/);
  });

  it('normalises spaces and lower case the way codes are typed off a licence', () => {
    expect(normalizeUscc(' 9144 0300 7152 6726xg ')).toBe('9144030071526726XG');
    expect(isValidUscc(normalizeUscc('91330100716105852f'))).toBe(true);
  });
});
