import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long password that is neither the username nor a known weak one', () => {
    expect(passwordProblems('晴天-Harbour-47', 'zhangsan')).toEqual([]);
  });

  it.each([
    ['too short', 'Ab3$xyz', 'zhangsan', 'must be at least 10 characters'],
    ['the username inside', 'my-zhangsan-2026', 'zhangsan', 'must not contain the username'],
    ['the username reversed', 'nasgnahz-2026!', 'zhangsan', 'must not contain the username'],
    ['a known weak one, any case', 'WoAiNi1314', 'zhangsan', 'is a known weak password'],
    ['the published demo password', 'hotline365', 'zhangsan', 'is a known weak password'],
    ['one character repeated', 'aaaaaaaaaaaa', 'zhangsan', 'must not be one or two characters repeated'],
    ['too long', 'x1'.repeat(65), 'zhangsan', 'must be at most 128 characters'],
  ])('refuses %s', (_what, password, username, reason) => {
    expect(passwordProblems(password, username)).toContain(reason);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('密码密码密码密码密码'.slice(0, 9) + '😀', 'someone')).toEqual([]);
  });
});
