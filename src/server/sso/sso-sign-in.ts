import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { IdentityProviderRecord } from '../../db/repositories/identity-providers-repository.js';
import { providerMfaCounts } from '../../domain/auth/identity-provider-mfa.js';
import { ssoIdentityFromClaims } from '../../domain/auth/sso-identity.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { defaultSchool } from '../auth/second-factor.js';
import { newSessionToken, setSessionCookie } from '../auth/session-token.js';
import { HttpError, notFound } from '../http/http-error.js';
import { oidcErrorSummary, type OidcConfigurations } from './oidc-configurations.js';
import { newState, requestSecrets, sameHash, setBrowserCookie, sha256, SSO_REQUEST_MS, takeBrowserCookie } from './sso-request.js';

export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

/** Where the person lands after the callback. No query string: nothing about them in any URL. */
export const SSO_FAILED = '/login#sso=failed';
export const SSO_REFUSED = '/login#sso=refused';

/** The redirect URI registered at every provider; from PUBLIC_URL as it is now (it is known only after listening when the port is 0). */
export function redirectUri(ctx: AppContext): string {
  return new URL(SSO_CALLBACK_PATH, ctx.config.publicUrl).href;
}

/**
 * Starts a sign-in at an enabled provider: an authorization code request with PKCE (S256), a
 * nonce and a single-use state, tied to this browser by a cookie. Answers the URL to go to.
 */
export async function startSsoSignIn(
  ctx: AppContext,
  configurations: OidcConfigurations,
  request: FastifyRequest,
  reply: FastifyReply,
  providerId: string,
): Promise<{ redirectUrl: string }> {
  const provider = await ctx.repos.identityProviders.findEnabled(providerId);
  if (!provider) throw notFound();
  let configuration: client.Configuration;
  try {
    configuration = await configurations.get(provider);
  } catch (error) {
    request.log.warn({ sso: { providerId: provider.id, step: 'discovery', ...oidcErrorSummary(error) } }, 'identity provider unavailable');
    throw new HttpError(502, 'sso-unavailable');
  }
  const now = ctx.now();
  const state = newState();
  const { nonce, codeVerifier } = requestSecrets(ctx.secretsKey, state);
  const browserToken = setBrowserCookie(reply, ctx.config);
  await ctx.repos.identityProviders.deleteExpiredRequests(now);
  await ctx.repos.identityProviders.storeRequest({
    stateHash: sha256(state),
    providerId: provider.id,
    nonceHash: sha256(nonce),
    codeVerifierHash: sha256(codeVerifier),
    browserHash: sha256(browserToken),
    at: now,
    expiresAt: new Date(now.getTime() + SSO_REQUEST_MS),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(ctx),
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { redirectUrl: url.href };
}

type Outcome = { location: string };

/**
 * Finishes a sign-in when the provider sends the browser back: validates the response with
 * openid-client (state, nonce, PKCE, issuer, audience, signature), finds the person's existing,
 * active account of the provider's board by the verified e-mail address, and opens a session as
 * password sign-in does — complete at once only when the provider's second factor counts.
 * Answers where to send the browser; never throws for anything the browser or provider sent.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  configurations: OidcConfigurations,
  request: FastifyRequest,
  reply: FastifyReply,
  query: { state?: string | undefined; error?: string | undefined },
): Promise<Outcome> {
  const now = ctx.now();
  const browserToken = takeBrowserCookie(request, reply, ctx.config);

  const failed = async (reason: string, provider: { id: string; boardId: string | null } | null, error?: unknown): Promise<Outcome> => {
    request.log.warn({ sso: { providerId: provider?.id ?? null, reason, ...(error === undefined ? {} : oidcErrorSummary(error)) } }, 'single sign-on failed');
    await auditRequest(ctx, request, { action: 'auth.sso', outcome: 'failure', subjectId: provider?.id ?? null, boardId: provider?.boardId ?? null });
    return { location: SSO_FAILED };
  };
  const refused = async (reason: string, provider: IdentityProviderRecord, actorUserId: string | null = null): Promise<Outcome> => {
    request.log.info({ sso: { providerId: provider.id, reason } }, 'single sign-on refused');
    await auditRequest(ctx, request, { action: 'auth.sso', outcome: 'failure', subjectId: provider.id, boardId: provider.boardId, actorUserId });
    return { location: SSO_REFUSED };
  };

  if (!query.state) return failed('no-state', null);
  const stored = await ctx.repos.identityProviders.consumeRequest(sha256(query.state), now);
  if (!stored) return failed('unknown-state', null);
  const provider = await ctx.repos.identityProviders.findEnabled(stored.providerId);
  if (!provider) return failed('provider-disabled', { id: stored.providerId, boardId: null });
  if (!browserToken || !sameHash(sha256(browserToken), stored.browserHash)) return failed('other-browser', provider);
  if (query.error) return failed('provider-error', provider);
  const { nonce, codeVerifier } = requestSecrets(ctx.secretsKey, query.state);
  if (!sameHash(sha256(nonce), stored.nonceHash) || !sameHash(sha256(codeVerifier), stored.codeVerifierHash)) return failed('secrets-mismatch', provider);

  let idToken: client.IDToken | undefined;
  let identityClaims: Record<string, unknown>;
  try {
    const configuration = await configurations.get(provider);
    // The URL exactly as the browser requested it, so that every parameter (also `iss`) is checked.
    const currentUrl = new URL(request.url, ctx.config.publicUrl);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState: query.state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    idToken = tokens.claims();
    // Google and Entra ID put the address in the ID token; providers that follow the letter of
    // OpenID Connect Core give it at the userinfo endpoint, for the same subject (checked).
    identityClaims = !idToken || typeof idToken['email'] === 'string' ? (idToken ?? {}) : await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
  } catch (error) {
    return failed('token-exchange', provider, error);
  }
  if (!idToken) return failed('no-id-token', provider);

  const identity = ssoIdentityFromClaims(provider.kind, identityClaims);
  if (!identity.ok) return refused(identity.reason, provider);
  const user = await ctx.repos.users.findByEmail(identity.email);
  if (!user || user.boardId !== provider.boardId) return refused('no-account', provider);
  if (user.deactivatedAt) return refused('deactivated', provider, user.id);

  const enrolled = user.totpConfirmedAt !== null && user.totpSecret !== null;
  const stage = providerMfaCounts(provider, idToken['amr']) ? 'full' : enrolled ? 'second-factor' : 'enrol';
  const schoolId = stage === 'full' ? await defaultSchool(ctx, user.id) : null;
  const { token, hash } = newSessionToken();
  await ctx.repos.sessions.create({ id: randomUUID(), tokenHash: hash, userId: user.id, stage, schoolId, at: now });
  setSessionCookie(reply, ctx.config, token);
  await auditRequest(ctx, request, { action: 'auth.sso', outcome: 'success', actorUserId: user.id, subjectId: provider.id, boardId: user.boardId, schoolId });
  return { location: stage === 'full' ? '/' : stage === 'second-factor' ? '/login/code' : '/login/enrol' };
}
