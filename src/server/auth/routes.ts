import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginRequest,
  loginResponse,
  meResponse,
  switchSchoolRequest,
  totpEnrolResponse,
  totpRequest,
  totpResponse,
} from '../../contract/auth.js';
import { elevateRequest, elevateResponse } from '../../contract/administration.js';
import { errorBody } from '../../contract/errors.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { unauthenticated } from '../http/http-error.js';
import type { RequestIdentity } from '../http/request-types.js';
import { elevateSession } from './elevation.js';
import { presentMe } from './me-presenter.js';
import { startTotpEnrolment, verifySecondFactor } from './second-factor.js';
import { signInWithPassword } from './sign-in.js';
import { clearSessionCookie } from './session-token.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };

function identityOf(request: { identity: RequestIdentity | null }): RequestIdentity {
  // The access check has already required a session; this only narrows the type.
  if (!request.identity) throw unauthenticated();
  return request.identity;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/auth/login', {
    config: { action: 'auth.login' },
    schema: {
      tags: ['auth'],
      summary: 'Check e-mail and password; the session then needs a second factor',
      body: loginRequest,
      response: { 200: loginResponse, ...errors },
    },
    handler: (request, reply) => signInWithPassword(ctx, request, reply, request.body),
  });

  api.post('/api/auth/totp/enrol', {
    config: { action: 'auth.totp.enrol' },
    schema: {
      tags: ['auth'],
      summary: 'Start enrolling a TOTP second factor: a new secret and its otpauth:// URI',
      body: z.object({}).optional(),
      response: { 200: totpEnrolResponse, ...errors },
    },
    handler: (request) => startTotpEnrolment(ctx, request, identityOf(request)),
  });

  api.post('/api/auth/totp', {
    config: { action: 'auth.totp.verify' },
    schema: {
      tags: ['auth'],
      summary: 'Give a TOTP code or a recovery code; the session is then fully signed in',
      body: totpRequest,
      response: { 200: totpResponse, ...errors },
    },
    handler: (request, reply) => verifySecondFactor(ctx, request, reply, identityOf(request), request.body.code),
  });

  api.post('/api/auth/logout', {
    config: { action: 'auth.logout' },
    schema: {
      tags: ['auth'],
      summary: 'Sign out: the session ends',
      body: z.object({}).optional(),
      response: { 204: z.null().describe('Signed out'), ...errors },
    },
    handler: async (request, reply) => {
      if (request.identity) {
        await ctx.repos.sessions.delete(request.identity.session.id);
        await auditRequest(ctx, request, { action: 'auth.logout', outcome: 'success', subjectId: request.identity.user.id, boardId: request.identity.user.boardId });
      }
      clearSessionCookie(reply, ctx.config);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/auth/me', {
    config: { action: 'auth.me' },
    schema: { tags: ['auth'], summary: 'The signed-in person, their school and roles', response: { 200: meResponse, ...errors } },
    handler: (request) => presentMe(ctx, identityOf(request)),
  });

  api.post('/api/auth/elevate', {
    config: { action: 'auth.elevate' },
    schema: {
      tags: ['auth'],
      summary: 'Confirm a sensitive action with a fresh TOTP code: the session may change access for a few minutes',
      body: elevateRequest,
      response: { 200: elevateResponse, ...errors },
    },
    handler: (request) => elevateSession(ctx, request, identityOf(request), request.body.code),
  });

  api.post('/api/auth/school', {
    config: { action: 'auth.school.switch', resource: (request) => ({ kind: 'school', schoolId: (request.body as { schoolId: string }).schoolId }) },
    schema: {
      tags: ['auth'],
      summary: 'Switch the school the person acts for (one of their own schools)',
      body: switchSchoolRequest,
      response: { 200: meResponse, ...errors },
    },
    handler: async (request) => {
      const identity = identityOf(request);
      await ctx.repos.sessions.setSchool(identity.session.id, request.body.schoolId);
      identity.session.schoolId = request.body.schoolId;
      await auditRequest(ctx, request, { action: 'auth.school.switch', outcome: 'success', schoolId: request.body.schoolId, boardId: identity.user.boardId });
      return presentMe(ctx, identity);
    },
  });
}
