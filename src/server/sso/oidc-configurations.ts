import * as client from 'openid-client';
import type { IdentityProviderRecord } from '../../db/repositories/identity-providers-repository.js';

/** Seconds to wait for an identity provider's discovery document, token or userinfo endpoint. */
const TIMEOUT_SECONDS = 10;
/** A discovered configuration is used this long, then fetched again (providers rotate keys and endpoints). */
const MAX_AGE_MS = 60 * 60 * 1000;

/** Discovers an issuer's metadata for a client; http is accepted only for loopback issuers (tests). */
export function discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const url = new URL(issuer);
  return client.discovery(url, clientId, { client_secret: clientSecret }, client.ClientSecretPost(clientSecret), {
    timeout: TIMEOUT_SECONDS,
    ...(url.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
  });
}

interface Cached {
  /** What the configuration was made from; a changed provider is discovered anew. */
  fingerprint: string;
  configuration: Promise<client.Configuration>;
  at: number;
}

/**
 * The openid-client configuration of each provider, discovered once and kept for an hour. Made per
 * server, not global: every Meldpad instance keeps its own, and a provider changed on another
 * instance is noticed because the cache is keyed by what the configuration was made from.
 */
export class OidcConfigurations {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly openSecret: (sealed: string) => string,
    private readonly clock: () => number = Date.now,
  ) {}

  get(provider: IdentityProviderRecord): Promise<client.Configuration> {
    const fingerprint = `${provider.issuer}\n${provider.clientId}\n${provider.sealedClientSecret}`;
    const cached = this.cache.get(provider.id);
    if (cached && cached.fingerprint === fingerprint && this.clock() - cached.at < MAX_AGE_MS) return cached.configuration;
    const configuration = discover(provider.issuer, provider.clientId, this.openSecret(provider.sealedClientSecret));
    const entry: Cached = { fingerprint, configuration, at: this.clock() };
    this.cache.set(provider.id, entry);
    // A failed discovery is not kept: the next sign-in tries again.
    configuration.catch(() => {
      if (this.cache.get(provider.id) === entry) this.cache.delete(provider.id);
    });
    return configuration;
  }
}

/** What a failure of openid-client was, for the log: its class and code, never its message or body (they may hold claims). */
export function oidcErrorSummary(error: unknown): { errorType: string; errorCode?: string } {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  return { errorType: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
