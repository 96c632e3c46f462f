export type DenyReason =
  /** Nobody is signed in. */
  | 'unauthenticated'
  /** Signed in with a password, but the second factor is not done. */
  | 'wrong-stage'
  /** Not allowed; the server answers as if the thing did not exist. */
  | 'forbidden'
  /** Allowed, but only with a fresh TOTP code first. */
  | 'elevation-required'
  /** Not allowed, but this person may open it through emergency access. */
  | 'break-glass-available';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });
