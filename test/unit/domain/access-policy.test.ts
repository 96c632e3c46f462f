import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '../../../src/domain/access/actions.js';
import { decide, type Actor } from '../../../src/domain/access/policy.js';

const anonymous: Actor = { kind: 'anonymous' };
const user = (stage: 'second-factor' | 'enrol' | 'full', schoolIds: string[] = ['school-a']): Actor => ({
  kind: 'user',
  userId: 'u1',
  stage,
  schoolId: schoolIds[0] ?? null,
  roles: ['teacher'],
  schoolIds,
});

describe('the access policy', () => {
  it('lets anyone reach the public operations', () => {
    for (const action of ['health.read', 'openapi.read', 'setup.status', 'setup.complete', 'auth.login', 'auth.logout'] as Action[]) {
      expect(decide(anonymous, action).allowed).toBe(true);
    }
  });

  it('gives a person before the second factor only the operations that finish sign-in', () => {
    expect(decide(user('enrol'), 'auth.totp.enrol').allowed).toBe(true);
    expect(decide(user('enrol'), 'auth.totp.verify').allowed).toBe(true);
    expect(decide(user('second-factor'), 'auth.totp.verify').allowed).toBe(true);
    expect(decide(user('second-factor'), 'auth.totp.enrol')).toEqual({ allowed: false, reason: 'wrong-stage' });
    expect(decide(user('enrol'), 'auth.me')).toEqual({ allowed: false, reason: 'wrong-stage' });
    expect(decide(user('second-factor'), 'auth.me')).toEqual({ allowed: false, reason: 'wrong-stage' });
  });

  it('requires a full sign-in for everything else', () => {
    const restricted = ACTIONS.filter((a) => !['health.read', 'openapi.read', 'setup.status', 'setup.complete', 'auth.login', 'auth.logout', 'auth.totp.enrol', 'auth.totp.verify'].includes(a));
    for (const action of restricted) expect(decide(anonymous, action, { kind: 'school', schoolId: 'school-a' })).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(decide(user('full'), 'auth.me').allowed).toBe(true);
  });

  it('lets a person switch only to a school they belong to', () => {
    const actor = user('full', ['school-a', 'school-b']);
    expect(decide(actor, 'auth.school.switch', { kind: 'school', schoolId: 'school-b' }).allowed).toBe(true);
    expect(decide(actor, 'auth.school.switch', { kind: 'school', schoolId: 'school-c' })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(actor, 'auth.school.switch')).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('denies an action it does not know', () => {
    expect(decide(user('full'), 'case.destroy' as Action)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(user('full'), '__proto__' as Action)).toEqual({ allowed: false, reason: 'forbidden' });
  });
});
