import { z } from 'zod';
import { IDENTITY_PROVIDER_KINDS } from '../domain/auth/sso-identity.js';

const id = z.string().min(1).max(64);
const kind = z.enum(IDENTITY_PROVIDER_KINDS).describe('`entra` (Microsoft Entra ID), `google` (Google Workspace) or `oidc` (any OpenID Connect provider)');

/* ---------- Signing in (no session) ---------- */

export const ssoProvidersResponse = z.object({
  /** Enabled providers, by the name the administrator gave them: what the sign-in page offers. */
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SsoProvidersResponse = z.infer<typeof ssoProvidersResponse>;

export const ssoProviderParams = z.object({ providerId: id });

export const ssoStartResponse = z.object({
  /** The provider's authorization URL: the browser goes there next. */
  redirectUrl: z.string(),
});
export type SsoStartResponse = z.infer<typeof ssoStartResponse>;

/**
 * What the identity provider sends the browser back with (RFC 6749 §4.1.2, RFC 9207); providers add
 * parameters of their own, which are passed on as they came. Every field is optional: a missing or
 * wrong one sends the person to the sign-in page with a message, never to an error page.
 */
export const ssoCallbackQuery = z.object({
  code: z.string().max(8192).optional().describe('The authorization code'),
  state: z.string().max(512).optional().describe('The single-use state Meldpad sent'),
  iss: z.string().max(2048).optional().describe("The provider's issuer identifier (RFC 9207)"),
  error: z.string().max(256).optional().describe('Set when the provider did not sign the person in (e.g. access_denied)'),
  error_description: z.string().max(4096).optional(),
  error_uri: z.string().max(2048).optional(),
});

/* ---------- Administration ---------- */

export const identityProvider = z.object({
  id: z.string(),
  name: z.string(),
  kind,
  issuer: z.string(),
  clientId: z.string(),
  /** The administrator says this provider always asks a second factor; its `amr` then stands in for Meldpad's code. */
  enforcesMfa: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type IdentityProvider = z.infer<typeof identityProvider>;

export const identityProvidersResponse = z.object({
  providers: z.array(identityProvider),
  /** The redirect URI to register at the identity provider for Meldpad's client. */
  redirectUri: z.string(),
  abilities: z.object({ 'sso.providers.manage': z.boolean() }),
});
export type IdentityProvidersResponse = z.infer<typeof identityProvidersResponse>;

const providerFields = {
  name: z.string().trim().min(2).max(100).describe('Shown on the sign-in page: "Aanmelden met {name}"'),
  kind,
  issuer: z.string().trim().min(1).max(500).describe('Issuer URL: https (http only on 127.0.0.1 or localhost); for Entra ID https://login.microsoftonline.com/{tenant-id}/v2.0'),
  clientId: z.string().trim().min(1).max(300),
  enforcesMfa: z.boolean(),
};

export const createIdentityProviderRequest = z.object({
  ...providerFields,
  clientSecret: z.string().trim().min(1).max(1000).describe('Stored sealed; never sent back'),
});
export type CreateIdentityProviderRequest = z.input<typeof createIdentityProviderRequest>;

export const updateIdentityProviderRequest = z.object({
  ...providerFields,
  clientSecret: z.string().trim().max(1000).optional().describe('Left out or empty: the stored secret stays'),
});
export type UpdateIdentityProviderRequest = z.input<typeof updateIdentityProviderRequest>;

export const identityProviderCreated = z.object({ id: z.string() });
