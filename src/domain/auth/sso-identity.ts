/** The kinds of identity provider an administrator can add. */
export const IDENTITY_PROVIDER_KINDS = ['entra', 'google', 'oidc'] as const;
export type IdentityProviderKind = (typeof IDENTITY_PROVIDER_KINDS)[number];

export function isIdentityProviderKind(value: string): value is IdentityProviderKind {
  return (IDENTITY_PROVIDER_KINDS as readonly string[]).includes(value);
}

export type SsoIdentity =
  | { ok: true; email: string }
  /**
   * `no-email`: the provider named no address; `unverified-email`: it said the address is not
   * verified; `not-workspace`: a Google account outside any Google Workspace organisation.
   */
  | { ok: false; reason: 'no-email' | 'unverified-email' | 'not-workspace' };

/**
 * The e-mail address a validated ID token (or userinfo answer) vouches for, by which Meldpad finds
 * the person's existing account. `email_verified`, when the provider sends it, must be true.
 * For Google the account must belong to a Workspace organisation (`hd`): a private Google account
 * can carry any address its owner once confirmed, and the school's own accounts all have `hd`.
 *
 * @example ssoIdentityFromClaims('oidc', { email: 'A@School.example', email_verified: true }) // { ok: true, email: 'a@school.example' }
 */
export function ssoIdentityFromClaims(kind: IdentityProviderKind, claims: Record<string, unknown>): SsoIdentity {
  const email = claims['email'];
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim())) return { ok: false, reason: 'no-email' };
  if ('email_verified' in claims && claims['email_verified'] !== undefined && claims['email_verified'] !== true) {
    return { ok: false, reason: 'unverified-email' };
  }
  if (kind === 'google' && (typeof claims['hd'] !== 'string' || claims['hd'] === '')) return { ok: false, reason: 'not-workspace' };
  return { ok: true, email: email.trim().toLowerCase() };
}

export type IssuerProblem = 'not-a-url' | 'not-https' | 'has-query' | 'multi-tenant';

/**
 * Whether an issuer URL may be configured: https (http only on this machine, 127.0.0.1 or
 * localhost, for tests), no query or fragment, and for Entra ID one tenant — `common`,
 * `organizations` and `consumers` would let accounts of any organisation through.
 */
export function issuerProblem(kind: IdentityProviderKind, issuer: string): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'not-a-url';
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'not-https';
  if (url.search || url.hash || url.username || url.password) return 'has-query';
  if (kind === 'entra') {
    const tenant = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase();
    if (!tenant || ['common', 'organizations', 'consumers'].includes(tenant)) return 'multi-tenant';
  }
  return null;
}
