import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIFETIME, sessionLiveness } from '../../../src/domain/auth/session-lifetime.js';

const start = new Date('2026-11-29T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('session lifetime', () => {
  it('keeps a busy session alive until 12 hours after sign-in', () => {
    expect(sessionLiveness({ stage: 'full', createdAt: start, lastSeenAt: at(719) }, at(720), DEFAULT_SESSION_LIFETIME)).toBe('alive');
    expect(sessionLiveness({ stage: 'full', createdAt: start, lastSeenAt: at(720) }, at(721), DEFAULT_SESSION_LIFETIME)).toBe('absolute-expired');
  });

  it('ends a session after 30 minutes without a request', () => {
    expect(sessionLiveness({ stage: 'full', createdAt: start, lastSeenAt: at(10) }, at(40), DEFAULT_SESSION_LIFETIME)).toBe('alive');
    expect(sessionLiveness({ stage: 'full', createdAt: start, lastSeenAt: at(10) }, at(41), DEFAULT_SESSION_LIFETIME)).toBe('idle-expired');
  });

  it('gives a half-finished sign-in ten minutes', () => {
    expect(sessionLiveness({ stage: 'second-factor', createdAt: start, lastSeenAt: start }, at(10), DEFAULT_SESSION_LIFETIME)).toBe('alive');
    expect(sessionLiveness({ stage: 'enrol', createdAt: start, lastSeenAt: at(9) }, at(11), DEFAULT_SESSION_LIFETIME)).toBe('absolute-expired');
  });
});
