export * from './roles';
export { dummyPasswordHash, hashPassword, verifyPassword } from './password';
export {
  AllowedBeforePasswordChange,
  AllowedBeforeSecondFactor,
  Public,
  Roles,
  CurrentUser,
  CurrentSession,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
} from './auth.decorators';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';
export type { CurrentSessionInfo } from './auth.decorators';
export { AuthGuard } from './auth.guard';
export { readClaims, tokenPayload, TOKEN_ALGORITHM, TOKEN_ISSUER } from './session-claims';
export { tokenKey } from './token-key';
export {
  acceptedTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeHash,
  secondFactorDue,
  totpCode,
  TOTP_ISSUER,
} from './second-factor';
export type { SessionClaims } from './session-claims';
export { SessionStates, SESSIONS_CHANNEL } from './session-states';
export type { SessionState } from './session-states';
export { SessionVerifier, bearerToken } from './session-verifier';
export { IdleSessions, SECURITY_SETTINGS_CHANNEL } from './idle-sessions';
export type { TokenPurpose } from './session-verifier';
