import type { SessionStage } from './session-stage.js';

export interface SessionLifetimePolicy {
  /** A full session ends after this long without a request. */
  idleMs: number;
  /** A full session ends this long after sign-in, however active. */
  absoluteMs: number;
  /** A session that has not passed its second factor ends this long after the password. */
  preSecondFactorMs: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetimePolicy = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  preSecondFactorMs: 10 * 60 * 1000,
};

export interface SessionTimes {
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionLiveness = 'alive' | 'idle-expired' | 'absolute-expired';

/** Whether a session is still alive at `now`. */
export function sessionLiveness(session: SessionTimes, now: Date, policy: SessionLifetimePolicy): SessionLiveness {
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime();
  if (session.stage !== 'full') {
    return age > policy.preSecondFactorMs ? 'absolute-expired' : 'alive';
  }
  if (age > policy.absoluteMs) return 'absolute-expired';
  if (idle > policy.idleMs) return 'idle-expired';
  return 'alive';
}
