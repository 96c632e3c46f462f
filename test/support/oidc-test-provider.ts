import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** oidc-provider's storage, in memory (its own default says so loudly at every start). */
class MemoryAdapter {
  private static readonly store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  constructor(private readonly model: string) {}
  private key(id: string): string {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number): Promise<void> {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    const entry = MemoryAdapter.store.get(this.key(id));
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    for (const [key, entry] of MemoryAdapter.store) if (key.startsWith(`${this.model}:`) && entry.payload['uid'] === uid) return entry.payload;
    return undefined;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(id: string): Promise<void> {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload['consumed'] = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of MemoryAdapter.store) if (entry.payload['grantId'] === grantId) MemoryAdapter.store.delete(key);
  }
}

/** A person the test identity provider knows, and how their sign-in there went. */
export interface TestIdentity {
  email?: string;
  /** Left out of the claims when undefined. */
  emailVerified?: boolean;
  /** Authentication methods the provider reports in the ID token (`amr`). */
  amr?: string[];
  /** For a Google Workspace account: the organisation's domain. */
  hd?: string;
}

export interface TestIdentityProvider {
  /** The issuer identifier, e.g. http://127.0.0.1:41234. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in at the provider will be (the provider's own login is automatic). */
  signInAs(accountId: string): void;
  /** Adds or replaces a person the provider knows. */
  setIdentity(accountId: string, identity: TestIdentity): void;
  close(): Promise<void>;
}

export interface TestIdentityProviderOptions {
  /** The Meldpad callback the client may redirect to. */
  redirectUris: string[];
  identities?: Record<string, TestIdentity>;
  /**
   * true (oidc-provider's default): e-mail claims come only from the userinfo endpoint when an access
   * token is issued; false: they are in the ID token too, as Google and Entra ID put them.
   */
  conformIdTokenClaims?: boolean;
  /**
   * false (default): the provider signs the chosen account in with redirects only. true: it shows a
   * page with a button first, as a real provider's login page does, so that the navigation back to
   * Meldpad is started by the provider's page (a cross-site navigation), not by Meldpad's.
   */
  interactive?: boolean;
}

/**
 * A real OpenID Provider (oidc-provider) on 127.0.0.1 with one confidential client. Its login and
 * consent are one automatic step that signs in the account chosen with `signInAs`, with the `amr`
 * of that account: the rest is a genuine authorization code flow with PKCE, nonce and state.
 */
export async function startTestIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const identities = new Map<string, TestIdentity>(Object.entries(options.identities ?? {}));
  let nextAccount: string | null = null;
  const clientId = `meldpad-test-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name', 'hd'] },
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    adapter: MemoryAdapter,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, accountId) {
      const identity = identities.get(accountId);
      if (!identity) return undefined;
      return {
        accountId,
        async claims() {
          return {
            sub: accountId,
            ...(identity.email !== undefined ? { email: identity.email } : {}),
            ...(identity.emailVerified !== undefined ? { email_verified: identity.emailVerified } : {}),
            ...(identity.hd !== undefined ? { hd: identity.hd } : {}),
          };
        },
      };
    },
  };
  const provider = new Provider(issuer, configuration);

  const providerCallback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([^/?]+)(\/confirm)?$/.exec(req.url ?? '');
    if (!match) {
      providerCallback(req, res);
      return;
    }
    if (options.interactive && !match[2]) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="nl"><head><title>Testaanmelddienst</title></head><body><main><h1>Testaanmelddienst</h1>` +
          `<form method="post" action="/interaction/${match[1]}/confirm"><button type="submit">Doorgaan</button></form></main></body></html>`,
      );
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const accountId = nextAccount;
        if (!accountId) throw new Error('the test did not say who signs in at the identity provider');
        const grant = new provider.Grant({ accountId, clientId: String(details.params['client_id']) });
        grant.addOIDCScope(String(details.params['scope']));
        const grantId = await grant.save();
        const amr = identities.get(accountId)?.amr;
        await provider.interactionFinished(req, res, { login: { accountId, ...(amr ? { amr } : {}) }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 500;
        res.end(error instanceof Error ? error.message : String(error));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(accountId) {
      nextAccount = accountId;
    },
    setIdentity(accountId, identity) {
      identities.set(accountId, identity);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Plays the browser at the identity provider: follows its redirects (keeping its cookies) from the
 * authorization URL until it sends the browser to a URL starting with `until`; returns that URL.
 */
export async function followIdentityProvider(authorizationUrl: string, until: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: jar.size ? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now());
      if (value === '' || expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    await response.arrayBuffer();
    if (!location) throw new Error(`the identity provider answered ${response.status} without a redirect at ${url.pathname}`);
    url = new URL(location, url);
    if (url.href.startsWith(until)) return url;
  }
  throw new Error('too many redirects at the identity provider');
}
