import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { ssoCallbackQuery, ssoProviderParams, ssoProvidersResponse, ssoStartResponse } from '../../contract/sso.js';
import type { AppContext } from '../app-context.js';
import { SecretBox } from '../security/secret-box.js';
import { registerIdentityProviderAdminRoutes } from './admin-routes.js';
import { OidcConfigurations } from './oidc-configurations.js';
import { finishSsoSignIn, SSO_CALLBACK_PATH, SSO_FAILED, startSsoSignIn } from './sso-sign-in.js';

/** The box that seals identity providers' client secrets. */
export function clientSecretBox(ctx: AppContext): SecretBox {
  return new SecretBox(ctx.secretsKey, 'oidc-client-secret');
}

/** Single sign-on through OpenID Connect: the sign-in routes (no session yet) and their administration. */
export function registerSsoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const box = clientSecretBox(ctx);
  const configurations = new OidcConfigurations((sealed) => box.open(sealed));

  api.get('/api/auth/sso/providers', {
    config: { action: 'sso.providers.list' },
    schema: {
      tags: ['auth'],
      summary: "The organisation's identity providers one may sign in with (names only)",
      response: { 200: ssoProvidersResponse },
    },
    handler: async () => ({ providers: (await ctx.repos.identityProviders.listEnabled()).map((p) => ({ id: p.id, name: p.name })) }),
  });

  api.post('/api/auth/sso/:providerId/start', {
    config: { action: 'sso.start', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Start signing in at an identity provider: answers the URL to send the browser to (authorization code flow with PKCE)',
      params: ssoProviderParams,
      body: z.object({}).optional(),
      response: { 200: ssoStartResponse, 400: errorBody, 404: errorBody, 429: errorBody, 502: errorBody },
    },
    handler: (request, reply) => startSsoSignIn(ctx, configurations, request, reply, request.params.providerId),
  });

  api.get(SSO_CALLBACK_PATH, {
    // The only state-changing GET: the browser arrives here from the provider. The single-use
    // state, tied to the browser by a cookie, is what protects it.
    config: { action: 'sso.callback', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Where the identity provider sends the browser back: signs the person in and redirects to /, /login/code or /login/enrol; otherwise to /login#sso=refused or /login#sso=failed',
      querystring: ssoCallbackQuery,
      response: { 302: z.null().describe('A redirect to a page of the web app; sets the session cookie when signed in') },
    },
    // A malformed callback (or any failure) is answered like a failed sign-in, never with an error page.
    errorHandler: (error, request, reply) => {
      if ((error as { statusCode?: number }).statusCode === undefined || (error as { statusCode: number }).statusCode >= 500) {
        request.log.error({ err: { type: error.name, code: (error as { code?: string }).code } }, 'single sign-on callback failed');
      }
      return reply.redirect(SSO_FAILED, 302);
    },
    handler: async (request, reply) => {
      const { location } = await finishSsoSignIn(ctx, configurations, request, reply, request.query);
      return reply.redirect(location, 302);
    },
  });

  registerIdentityProviderAdminRoutes(app, ctx, box);
}
