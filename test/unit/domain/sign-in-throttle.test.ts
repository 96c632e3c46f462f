import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_THROTTLE, judgeSignInAttempt } from '../../../src/domain/auth/sign-in-throttle.js';

const now = new Date('2026-11-29T08:15:00Z');

describe('sign-in throttle', () => {
  it('allows attempts below both limits', () => {
    expect(judgeSignInAttempt({ account: 4, address: 19, oldestCountedAt: null }, now, DEFAULT_SIGN_IN_THROTTLE)).toEqual({ allowed: true });
  });

  it('refuses at five failures for the account until the oldest leaves the window', () => {
    const verdict = judgeSignInAttempt({ account: 5, address: 5, oldestCountedAt: new Date('2026-11-29T08:05:00Z') }, now, DEFAULT_SIGN_IN_THROTTLE);
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 5 * 60_000 });
  });

  it('refuses at twenty failures from one address, whatever the accounts', () => {
    expect(judgeSignInAttempt({ account: 0, address: 20, oldestCountedAt: now }, now, DEFAULT_SIGN_IN_THROTTLE).allowed).toBe(false);
  });
});
