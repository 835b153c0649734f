import { AuthUser, ROLES, Role } from './roles';

/** The only signature algorithm we issue or accept: a token naming another (none, HS512, RS256…) is refused. */
export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_ISSUER = 'hotline365';

/** What a token vouches for, beyond the user: which session it is and which user version issued it. */
export interface SessionClaims {
  user: AuthUser;
  /** The token's own id: logout keeps it on the refused list until `expiresAt`. */
  jti: string;
  /** Seconds since the epoch (JWT `exp`); every token has one. */
  expiresAt: number;
  /** users.token_version when the token was issued; any later change to the user refuses it. */
  version: number;
  /**
   * The user must choose a new password before anything else (`pwc`). Exact without a database read:
   * the flag is set only together with a new password hash, which raises the version and so ends every
   * earlier token, and the change that clears it raises the version again.
   */
  mustChangePassword: boolean;
  /**
   * The user's role requires a second factor and they have none yet (`tfe`): only the enrolment is open.
   * Exact like `pwc`: confirming an enrolment raises the version and issues a token without it.
   */
  secondFactorDue: boolean;
  /** Seconds since the epoch (JWT `iat`): a session never seen active counts as idle from here. */
  issuedAt: number;
}

/**
 * The payload we sign: the user's id in `sub`, the version in `ver`, `pwc` when the password must be
 * changed first, `tfe` when a second factor must be enrolled first (jti, exp, iss are set by the signer).
 */
export function tokenPayload(
  user: AuthUser,
  version: number,
  mustChangePassword = false,
  secondFactorDue = false,
): Record<string, unknown> {
  const { id, ...rest } = user;
  return {
    sub: id,
    ver: version,
    ...(mustChangePassword ? { pwc: true } : {}),
    ...(secondFactorDue ? { tfe: true } : {}),
    ...rest,
  };
}

export class ClaimsRefused extends Error {}

/**
 * Reads the claims of a token whose signature has been checked. A token without `exp`, `jti` or `ver`
 * (e.g. one signed before sessions could end, or by hand) is refused, as is an unknown role.
 */
export function readClaims(payload: unknown): SessionClaims {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (typeof p.exp !== 'number' || !Number.isFinite(p.exp)) throw new ClaimsRefused('the token has no expiry');
  if (!isText(p.jti)) throw new ClaimsRefused('the token has no id');
  if (!Number.isInteger(p.ver)) throw new ClaimsRefused('the token has no version');
  if (!isText(p.sub) || !isText(p.username)) throw new ClaimsRefused('the token names no user');
  if (!ROLES.includes(p.role as Role)) throw new ClaimsRefused('the token carries an unknown role');
  const optionalText = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    jti: p.jti,
    expiresAt: p.exp,
    version: p.ver as number,
    mustChangePassword: p.pwc === true,
    secondFactorDue: p.tfe === true,
    issuedAt: typeof p.iat === 'number' && Number.isFinite(p.iat) ? p.iat : 0,
    user: {
      id: p.sub,
      username: p.username,
      displayName: typeof p.displayName === 'string' ? p.displayName : p.username,
      role: p.role as Role,
      departmentId: optionalText(p.departmentId),
      departmentCode: optionalText(p.departmentCode),
      gridCodes: Array.isArray(p.gridCodes) ? p.gridCodes.filter((g): g is string => typeof g === 'string') : [],
    },
  };
}
