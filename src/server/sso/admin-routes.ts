import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import {
  createIdentityProviderRequest,
  identityProviderCreated,
  identityProvidersResponse,
  ssoProviderParams,
  updateIdentityProviderRequest,
} from '../../contract/sso.js';
import type { IdentityProviderRecord } from '../../db/repositories/identity-providers-repository.js';
import { abilities, type Resource } from '../../domain/access/policy.js';
import { issuerProblem, type IdentityProviderKind } from '../../domain/auth/sso-identity.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { MessageKey } from '../i18n/messages.js';
import type { SecretBox } from '../security/secret-box.js';
import { actingSchool } from '../staff/staff-resource.js';
import { discover, oidcErrorSummary } from './oidc-configurations.js';
import { redirectUri } from './sso-sign-in.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const done = z.object({ ok: z.literal(true) });

const ISSUER_MESSAGES: Record<NonNullable<ReturnType<typeof issuerProblem>>, MessageKey> = {
  'not-a-url': 'sso-issuer-invalid',
  'not-https': 'sso-issuer-not-https',
  'has-query': 'sso-issuer-has-query',
  'multi-tenant': 'sso-issuer-multi-tenant',
};

/** The board the administrator works for: identity providers belong to the board, not to one school. */
function boardOf(request: FastifyRequest): string {
  if (request.actor.kind !== 'user') throw notFound();
  return request.actor.boardId;
}

function present(provider: IdentityProviderRecord) {
  // Picked field by field: the sealed secret never leaves the server.
  return {
    id: provider.id,
    name: provider.name,
    kind: provider.kind,
    issuer: provider.issuer,
    clientId: provider.clientId,
    enforcesMfa: provider.enforcesMfa,
    enabled: provider.enabledAt !== null,
    createdAt: provider.createdAt,
  };
}

/**
 * The administration of the board's identity providers: the administrator of the school they act
 * for, with a fresh code for every change (it changes how people get in).
 */
export function registerIdentityProviderAdminRoutes(app: FastifyInstance, ctx: AppContext, box: SecretBox): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** A provider of the acting person's board, from the path; otherwise 404. */
  const providerOfBoard = async (request: FastifyRequest): Promise<Resource | null> => {
    const school = actingSchool(request);
    const { providerId } = request.params as { providerId: string };
    return (await ctx.repos.identityProviders.findForBoard(boardOf(request), providerId)) ? school : null;
  };

  /** Refuses an issuer that is not allowed, or that does not answer as an OpenID provider. */
  async function checkIssuer(request: FastifyRequest, kind: IdentityProviderKind, issuer: string, clientId: string, clientSecret: string): Promise<void> {
    const problem = issuerProblem(kind, issuer);
    if (problem) throw new HttpError(400, ISSUER_MESSAGES[problem], {}, { field: 'issuer' });
    try {
      await discover(issuer, clientId, clientSecret);
    } catch (error) {
      request.log.info({ sso: { step: 'discovery-check', ...oidcErrorSummary(error) } }, 'identity provider discovery failed');
      throw new HttpError(400, 'sso-issuer-unreachable', {}, { field: 'issuer' });
    }
  }

  api.get('/api/sso/providers', {
    config: { action: 'sso.providers.read', resource: actingSchool },
    schema: {
      tags: ['sso'],
      summary: "The board's identity providers for single sign-on (never their client secrets), and the redirect URI to register",
      response: { 200: identityProvidersResponse, ...errors },
    },
    handler: async (request) => {
      const providers = await ctx.repos.identityProviders.listForBoard(boardOf(request));
      return {
        providers: providers.map(present),
        redirectUri: redirectUri(ctx),
        abilities: abilities(request.actor, ['sso.providers.manage'] as const, actingSchool(request), ctx.now()),
      };
    },
  });

  api.post('/api/sso/providers', {
    config: { action: 'sso.providers.manage', resource: actingSchool },
    schema: {
      tags: ['sso'],
      summary: 'Add an identity provider (enabled at once); the client secret is stored sealed',
      body: createIdentityProviderRequest,
      response: { 201: identityProviderCreated, ...errors },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const boardId = boardOf(request);
      await checkIssuer(request, body.kind, body.issuer, body.clientId, body.clientSecret);
      const id = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.identityProviders.create(
          { id, boardId, name: body.name, kind: body.kind, issuer: body.issuer, clientId: body.clientId, enforcesMfa: body.enforcesMfa, sealedClientSecret: box.seal(body.clientSecret), at: ctx.now() },
          tx,
        );
        await auditRequest(ctx, request, { action: 'sso.provider.create', outcome: 'success', subjectId: id, boardId }, tx);
      });
      return reply.code(201).send({ id });
    },
  });

  api.put('/api/sso/providers/:providerId', {
    config: { action: 'sso.providers.manage', resource: providerOfBoard },
    schema: {
      tags: ['sso'],
      summary: 'Change an identity provider; without a client secret the stored one stays',
      params: ssoProviderParams,
      body: updateIdentityProviderRequest,
      response: { 200: done, ...errors },
    },
    handler: async (request) => {
      const body = request.body;
      const boardId = boardOf(request);
      const current = (await ctx.repos.identityProviders.findForBoard(boardId, request.params.providerId))!;
      const newSecret = body.clientSecret ? body.clientSecret : null;
      if (body.issuer !== current.issuer || body.kind !== current.kind || body.clientId !== current.clientId) {
        await checkIssuer(request, body.kind, body.issuer, body.clientId, newSecret ?? box.open(current.sealedClientSecret));
      }
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.identityProviders.update(
          boardId,
          current.id,
          { name: body.name, kind: body.kind, issuer: body.issuer, clientId: body.clientId, enforcesMfa: body.enforcesMfa },
          newSecret === null ? null : box.seal(newSecret),
          tx,
        );
        await auditRequest(ctx, request, { action: 'sso.provider.update', outcome: 'success', subjectId: current.id, boardId }, tx);
      });
      return { ok: true as const };
    },
  });

  const switchAction = (path: string, enable: boolean, summary: string) =>
    api.post(path, {
      config: { action: 'sso.providers.manage', resource: providerOfBoard },
      schema: { tags: ['sso'], summary, params: ssoProviderParams, body: z.object({}).optional(), response: { 200: done, ...errors } },
      handler: async (request) => {
        const boardId = boardOf(request);
        await ctx.db.kysely.transaction().execute(async (tx) => {
          await ctx.repos.identityProviders.setEnabled(boardId, request.params.providerId, enable ? ctx.now() : null, tx);
          await auditRequest(ctx, request, { action: enable ? 'sso.provider.enable' : 'sso.provider.disable', outcome: 'success', subjectId: request.params.providerId, boardId }, tx);
        });
        return { ok: true as const };
      },
    });

  switchAction('/api/sso/providers/:providerId/disable', false, 'Disable an identity provider: its button leaves the sign-in page and sign-ins started with it fail');
  switchAction('/api/sso/providers/:providerId/enable', true, 'Enable an identity provider again');
}
