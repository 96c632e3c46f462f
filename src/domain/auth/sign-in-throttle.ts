/**
 * How many failed sign-ins an account and an address may have before sign-in is refused for a while.
 * Counts are of failures inside the window that ends now; the caller counts, this decides.
 */
export interface SignInThrottlePolicy {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

export interface RecentFailures {
  account: number;
  address: number;
  /** The oldest failure inside the window that counts against the limit that was reached. */
  oldestCountedAt: Date | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export function judgeSignInAttempt(failures: RecentFailures, now: Date, policy: SignInThrottlePolicy): ThrottleVerdict {
  const limited = failures.account >= policy.maxFailuresPerAccount || failures.address >= policy.maxFailuresPerAddress;
  if (!limited) return { allowed: true };
  const since = failures.oldestCountedAt ? now.getTime() - failures.oldestCountedAt.getTime() : 0;
  return { allowed: false, retryAfterMs: Math.max(1000, policy.windowMs - since) };
}
