import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain/access/actions.js';
import { abilities, decide, type Actor, type Resource } from '../../../src/domain/access/policy.js';
import { MFA_AMR_VALUES, providerMfaCounts } from '../../../src/domain/auth/identity-provider-mfa.js';
import { issuerProblem, ssoIdentityFromClaims } from '../../../src/domain/auth/sso-identity.js';
import type { Role } from '../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const school: Resource = { kind: 'school', schoolId: 'school-a' };

function person(roles: Role[], options: { stage?: 'second-factor' | 'enrol' | 'full'; elevated?: boolean; schoolId?: string | null } = {}): Actor {
  return {
    kind: 'user',
    userId: 'me',
    boardId: 'board-1',
    stage: options.stage ?? 'full',
    schoolId: options.schoolId === undefined ? 'school-a' : options.schoolId,
    memberships: roles.map((role) => ({ schoolId: role === 'board' ? null : 'school-a', role })),
    groupIds: [],
    elevatedUntil: options.elevated ? new Date(NOW.getTime() + 60_000) : null,
  };
}

const outcome = (actor: Actor, action: Action, resource: Resource = { kind: 'none' }) => {
  const d = decide(actor, action, resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

describe('the access policy: single sign-on', () => {
  it('lets anyone see the providers by name, start a sign-in and come back from the provider', () => {
    for (const action of ['sso.providers.list', 'sso.start', 'sso.callback'] as const) {
      expect(outcome({ kind: 'anonymous' }, action), action).toBe('allowed');
      expect(outcome(person(['teacher'], { stage: 'second-factor' }), action), action).toBe('allowed');
    }
  });

  it("keeps the board's identity providers for the administrator, with a fresh code for every change", () => {
    expect(outcome(person(['administrator']), 'sso.providers.read', school)).toBe('allowed');
    expect(outcome(person(['administrator']), 'sso.providers.manage', school)).toBe('elevation-required');
    expect(outcome(person(['administrator'], { elevated: true }), 'sso.providers.manage', school)).toBe('allowed');
    expect(abilities(person(['administrator']), ['sso.providers.manage'] as const, school, NOW)).toEqual({ 'sso.providers.manage': true });
  });

  it('refuses everyone else, also the director, the board and an administrator of another school', () => {
    for (const role of ['teacher', 'ib', 'smw', 'director'] as Role[]) {
      expect(outcome(person([role], { elevated: true }), 'sso.providers.read', school), role).toBe('forbidden');
      expect(outcome(person([role], { elevated: true }), 'sso.providers.manage', school), role).toBe('forbidden');
    }
    expect(outcome(person(['board'], { elevated: true, schoolId: null }), 'sso.providers.manage', school)).toBe('forbidden');
    expect(outcome(person(['administrator'], { elevated: true }), 'sso.providers.manage', { kind: 'school', schoolId: 'school-b' })).toBe('forbidden');
    expect(outcome({ kind: 'anonymous' }, 'sso.providers.manage', school)).toBe('unauthenticated');
    expect(outcome(person(['administrator'], { stage: 'second-factor', elevated: true }), 'sso.providers.read', school)).toBe('wrong-stage');
  });
});

describe("when the identity provider's second factor may stand in for Meldpad's TOTP code", () => {
  it('counts a second factor shown in amr, for a provider marked as enforcing MFA', () => {
    for (const method of MFA_AMR_VALUES) expect(providerMfaCounts({ enforcesMfa: true }, ['pwd', method]), method).toBe(true);
    expect(providerMfaCounts({ enforcesMfa: true }, ['mfa'])).toBe(true);
  });

  it('never counts for a provider the administrator did not mark, whatever amr says', () => {
    expect(providerMfaCounts({ enforcesMfa: false }, ['pwd', 'mfa', 'otp', 'fido'])).toBe(false);
    fc.assert(fc.property(fc.anything(), (amr) => providerMfaCounts({ enforcesMfa: false }, amr) === false));
  });

  it('does not count a password alone, an unknown method, or an amr that is missing or not a list of strings', () => {
    for (const amr of [['pwd'], ['kba'], ['wia'], [], undefined, null, 'mfa', { 0: 'mfa' }, [['mfa']], [1], ['MFA'], [' mfa']]) {
      expect(providerMfaCounts({ enforcesMfa: true }, amr), JSON.stringify(amr)).toBe(false);
    }
  });

  it('counts exactly when some listed method is present', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...MFA_AMR_VALUES, 'pwd', 'kba', 'wia', 'face', 'user'), fc.string())), (amr) => {
        const expected = amr.some((m) => (MFA_AMR_VALUES as readonly string[]).includes(m));
        return providerMfaCounts({ enforcesMfa: true }, amr) === expected;
      }),
    );
  });
});

describe('the e-mail address an identity provider vouches for', () => {
  it('takes a verified address, in lower case', () => {
    expect(ssoIdentityFromClaims('oidc', { sub: 'x', email: ' Sanne.de.Wit@School.Example ', email_verified: true })).toEqual({ ok: true, email: 'sanne.de.wit@school.example' });
  });

  it('takes an address without email_verified (Entra ID sends none), but never one marked unverified', () => {
    expect(ssoIdentityFromClaims('entra', { email: 'a@school.example' })).toEqual({ ok: true, email: 'a@school.example' });
    for (const verified of [false, 'true', 'false', 1, null]) {
      expect(ssoIdentityFromClaims('entra', { email: 'a@school.example', email_verified: verified }), String(verified)).toEqual({ ok: false, reason: 'unverified-email' });
    }
  });

  it('has no address without an e-mail claim that looks like one', () => {
    for (const email of [undefined, '', 'geen adres', 42, ['a@school.example'], 'a@']) {
      expect(ssoIdentityFromClaims('oidc', { email, email_verified: true }), String(email)).toEqual({ ok: false, reason: 'no-email' });
    }
  });

  it('accepts only Google Workspace accounts for a Google provider', () => {
    expect(ssoIdentityFromClaims('google', { email: 'juf@gmail.com', email_verified: true })).toEqual({ ok: false, reason: 'not-workspace' });
    expect(ssoIdentityFromClaims('google', { email: 'juf@school.example', email_verified: true, hd: 'school.example' })).toEqual({ ok: true, email: 'juf@school.example' });
  });
});

describe('an issuer the administrator may configure', () => {
  it('accepts https issuers, Entra ID with a tenant, and http only on this machine', () => {
    expect(issuerProblem('google', 'https://accounts.google.com')).toBeNull();
    expect(issuerProblem('entra', 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0')).toBeNull();
    expect(issuerProblem('oidc', 'http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('oidc', 'http://localhost:4000/oidc')).toBeNull();
  });

  it('refuses plain http elsewhere, queries, credentials and multi-tenant Entra ID', () => {
    expect(issuerProblem('oidc', 'http://login.example.org')).toBe('not-https');
    expect(issuerProblem('oidc', 'http://127.0.0.1.example.org')).toBe('not-https');
    expect(issuerProblem('oidc', 'ftp://login.example.org')).toBe('not-https');
    expect(issuerProblem('oidc', 'login.example.org')).toBe('not-a-url');
    expect(issuerProblem('oidc', 'https://login.example.org/?tenant=x')).toBe('has-query');
    expect(issuerProblem('oidc', 'https://user:pw@login.example.org')).toBe('has-query');
    for (const tenant of ['common', 'organizations', 'consumers', 'Common']) {
      expect(issuerProblem('entra', `https://login.microsoftonline.com/${tenant}/v2.0`), tenant).toBe('multi-tenant');
    }
    expect(issuerProblem('entra', 'https://login.microsoftonline.com')).toBe('multi-tenant');
  });
});
