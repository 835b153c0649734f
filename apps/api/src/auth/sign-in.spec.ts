import { hashPassword, verifyPassword } from '@hotline/auth';
import { Account, attemptSignIn, FREE_TRIES, lockSeconds, SignInPorts } from './sign-in';

/**
 * The sign-in procedure over in-memory accounts and locks, with the real scrypt verifier wrapped to
 * record each hash it checks: every kind of failure must check one password hash, like a success.
 */
describe('sign-in does the same work whatever the outcome', () => {
  let accounts: Map<string, Account>;
  let locked: Set<string>;
  let dummy: string;
  let checked: string[];
  let failures: string[];

  const ports = (): SignInPorts => ({
    findAccount: (username) => Promise.resolve(accounts.get(username) ?? null),
    isLocked: (username, address) => Promise.resolve(locked.has(`${username}@${address}`)),
    verifyPassword: async (password, hash) => {
      checked.push(hash);
      return verifyPassword(password, hash);
    },
    dummyHash: () => Promise.resolve(dummy),
    recordFailure: (username, address) => {
      failures.push(`${username}@${address}`);
      return Promise.resolve();
    },
    recordSuccess: () => Promise.resolve(),
  });

  beforeAll(async () => {
    dummy = await hashPassword('nobody knows this one');
    const base = {
      displayName: '测试',
      role: 'operator' as const,
      departmentId: null,
      departmentCode: null,
      gridCodes: [],
      version: 1,
      mustChangePassword: false,
      secondFactorEnabled: false,
    };
    accounts = new Map([
      ['alice', { ...base, id: 'a', username: 'alice', passwordHash: await hashPassword('right-password'), active: true }],
      ['bob', { ...base, id: 'b', username: 'bob', passwordHash: await hashPassword('right-password'), active: false }],
    ]);
  });

  beforeEach(() => {
    locked = new Set(['alice@10.0.0.9']);
    checked = [];
    failures = [];
  });

  it('signs in the right password of an active, unlocked account', async () => {
    expect((await attemptSignIn(ports(), 'alice', 'right-password', '10.0.0.1'))?.id).toBe('a');
    expect(checked).toEqual([accounts.get('alice')!.passwordHash]);
    expect(failures).toEqual([]);
  });

  it.each([
    ['an unknown user', 'mallory', 'right-password', '10.0.0.1', 'dummy'],
    ['a wrong password', 'alice', 'wrong-password', '10.0.0.1', 'alice'],
    ['an inactive account, right password', 'bob', 'right-password', '10.0.0.1', 'bob'],
    ['an account locked for this address, right password', 'alice', 'right-password', '10.0.0.9', 'alice'],
  ])(
    'refuses %s after checking one password hash and recording the failure',
    async (_case, username, password, address, hashOf) => {
      expect(await attemptSignIn(ports(), username, password, address)).toBeNull();
      expect(checked).toEqual([hashOf === 'dummy' ? dummy : accounts.get(hashOf)!.passwordHash]);
      expect(failures).toEqual([`${username}@${address}`]);
    },
  );
});

describe('lock-out backoff', () => {
  it('locks nobody before the free tries are used, then 30 s doubling up to 15 minutes', () => {
    expect(Array.from({ length: FREE_TRIES }, (_, i) => lockSeconds(i))).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(lockSeconds)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});
