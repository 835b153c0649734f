import type { AuthUser } from '@hotline/auth';

/** A user as sign-in reads it. */
export interface Account extends AuthUser {
  passwordHash: string;
  active: boolean;
  /** users.token_version, written into the token. */
  version: number;
  /** Set by an admin's create or reset: the token then allows only the password change. */
  mustChangePassword: boolean;
  /** A second factor is on: the password alone does not sign in (see AuthService.completeSignIn). */
  secondFactorEnabled: boolean;
}

/** What sign-in needs from the world; the service backs these with PostgreSQL, Redis and scrypt. */
export interface SignInPorts {
  findAccount(username: string): Promise<Account | null>;
  /** Locked for this account from this address (after repeated failures from it). */
  isLocked(username: string, address: string): Promise<boolean>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** A hash with the real parameters of a password nobody knows, for unknown users. */
  dummyHash(): Promise<string>;
  recordFailure(username: string, address: string): Promise<void>;
  recordSuccess(username: string, address: string): Promise<void>;
}

/**
 * One sign-in attempt. Every attempt does the same work whatever the reason it fails: the account and
 * the lock are read, one password hash is checked (against a dummy hash for an unknown user), and the
 * failure is recorded; the caller gives one answer for all of them. So neither the answer nor its time
 * tells an unknown user from a wrong password, an inactive account or a locked one.
 */
export async function attemptSignIn(
  ports: SignInPorts,
  username: string,
  password: string,
  address: string,
): Promise<Account | null> {
  const [account, locked, dummy] = await Promise.all([
    ports.findAccount(username),
    ports.isLocked(username, address),
    ports.dummyHash(),
  ]);
  const matches = await ports.verifyPassword(password, account?.passwordHash ?? dummy);
  if (account && account.active && !locked && matches) {
    // With a second factor the failures in a row are forgotten only when the code is right too: a
    // right password must not reset the count of wrong codes guessed from this address.
    if (!account.secondFactorEnabled) await ports.recordSuccess(username, address);
    return account;
  }
  await ports.recordFailure(username, address);
  return null;
}

/** Wrong passwords from one address for one account before it is locked there. */
export const FREE_TRIES = 5;
const FIRST_LOCK_SECONDS = 30;
const LONGEST_LOCK_SECONDS = 15 * 60;

/**
 * How long an account is locked for an address after `failures` failures in a row from it: nothing
 * before FREE_TRIES, then 30 s doubling with each further failure, at most 15 minutes.
 */
export function lockSeconds(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_TRIES));
}
