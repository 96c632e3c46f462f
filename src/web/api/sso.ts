import type {
  CreateIdentityProviderRequest,
  IdentityProvidersResponse,
  SsoProvidersResponse,
  SsoStartResponse,
  UpdateIdentityProviderRequest,
} from '../../contract/sso.js';
import { request } from './client.js';

type Done = { ok: true };

/* ---------- Signing in (no session) ---------- */

/** The identity providers the sign-in page offers, by name. */
export function getSsoProviders(): Promise<SsoProvidersResponse> {
  return request('GET', '/api/auth/sso/providers');
}

/** Starts signing in at a provider; the browser then goes to the URL answered. */
export function startSso(providerId: string): Promise<SsoStartResponse> {
  return request('POST', `/api/auth/sso/${encodeURIComponent(providerId)}/start`, {});
}

/* ---------- Administration ---------- */

const providerPath = (providerId: string) => `/api/sso/providers/${encodeURIComponent(providerId)}`;

export function getIdentityProviders(): Promise<IdentityProvidersResponse> {
  return request('GET', '/api/sso/providers');
}

export function createIdentityProvider(body: CreateIdentityProviderRequest): Promise<{ id: string }> {
  return request('POST', '/api/sso/providers', body);
}

export function updateIdentityProvider(providerId: string, body: UpdateIdentityProviderRequest): Promise<Done> {
  return request('PUT', providerPath(providerId), body);
}

export function setIdentityProviderEnabled(providerId: string, enabled: boolean): Promise<Done> {
  return request('POST', `${providerPath(providerId)}/${enabled ? 'enable' : 'disable'}`, {});
}
