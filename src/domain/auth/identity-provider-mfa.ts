/**
 * Authentication method references (RFC 8176, as OpenID Connect's `amr` claim carries them) that
 * show a second factor or a phishing-resistant method was used at the identity provider.
 */
export const MFA_AMR_VALUES = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'fido', 'pop', 'rsa'] as const;

/**
 * Whether a sign-in through an identity provider may skip Meldpad's own TOTP code: only when the
 * administrator marked the provider as always requiring a second factor, AND the ID token's `amr`
 * claim shows that one was used this time. A missing or malformed `amr` never counts.
 *
 * @example providerMfaCounts({ enforcesMfa: true }, ['pwd', 'mfa']) // true
 * @example providerMfaCounts({ enforcesMfa: true }, ['pwd'])        // false: Meldpad asks its own code
 * @example providerMfaCounts({ enforcesMfa: false }, ['mfa'])       // false: not trusted for this
 */
export function providerMfaCounts(provider: { enforcesMfa: boolean }, amr: unknown): boolean {
  if (!provider.enforcesMfa || !Array.isArray(amr)) return false;
  return amr.some((method) => typeof method === 'string' && (MFA_AMR_VALUES as readonly string[]).includes(method));
}
