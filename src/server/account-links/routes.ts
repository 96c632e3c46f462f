import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountLinkInfo, setPasswordRequest, tokenRequest } from '../../contract/administration.js';
import { errorBody } from '../../contract/errors.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { hashPassword } from '../auth/password-hashing.js';
import { requireAcceptablePassword } from '../auth/password-requirement.js';
import { hashToken } from '../auth/session-token.js';
import { HttpError } from '../http/http-error.js';
import { createAccount } from '../people/accounts.js';

const errors = { 400: errorBody, 404: errorBody, 409: errorBody };

/**
 * The pages behind invitation and password-reset links. The token travels in the request body
 * (the link carries it in the fragment), never in a URL the server logs.
 */
export function registerAccountLinkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function usableLink(token: string) {
    const link = await ctx.repos.accountLinks.findUsable(hashToken(token), ctx.now());
    if (!link) throw new HttpError(404, 'invalid-link');
    return link;
  }

  api.post('/api/account-links/inspect', {
    config: { action: 'account-link.inspect' },
    schema: { tags: ['account links'], summary: 'What an invitation or password-reset link is for', body: tokenRequest, response: { 200: accountLinkInfo, ...errors } },
    handler: async (request) => {
      const link = await usableLink(request.body.token);
      const school = await ctx.repos.boards.findSchool(link.schoolId);
      return { kind: link.kind, name: link.name, email: link.email, schoolName: school?.name ?? '', roles: link.roles.filter((r) => r !== 'board') };
    },
  });

  api.post('/api/account-links/complete', {
    config: { action: 'account-link.complete' },
    schema: {
      tags: ['account links'],
      summary: 'Accept an invitation (the account is made) or complete a password reset, with the new password',
      body: setPasswordRequest,
      response: { 200: z.object({ email: z.string() }), ...errors },
    },
    handler: async (request) => {
      const link = await usableLink(request.body.token);
      const school = await ctx.repos.boards.findSchool(link.schoolId);
      await requireAcceptablePassword(request.body.password, [link.name, link.email, school?.name ?? ''], 'password');
      const now = ctx.now();
      if (link.kind === 'invitation' && (await ctx.repos.users.findByEmail(link.email))) throw new HttpError(409, 'email-taken');
      const passwordHash = link.kind === 'password-reset' ? await hashPassword(request.body.password) : null;
      const used = await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.accountLinks.markUsed(link.id, now, tx))) return false;
        if (link.kind === 'invitation') {
          const userId = await createAccount(
            ctx.repos,
            { boardId: link.boardId, email: link.email, name: link.name, password: request.body.password, memberships: link.roles.map((role) => ({ schoolId: link.schoolId, role })) },
            now,
            tx,
          );
          await auditRequest(ctx, request, { action: 'invitation.accept', outcome: 'success', actorUserId: userId, subjectId: link.id, boardId: link.boardId, schoolId: link.schoolId }, tx);
        } else {
          await ctx.repos.users.setPasswordHash(link.userId!, passwordHash!, tx);
          await auditRequest(ctx, request, { action: 'password-reset.complete', outcome: 'success', actorUserId: link.userId, subjectId: link.id, boardId: link.boardId, schoolId: link.schoolId }, tx);
        }
        return true;
      });
      if (!used) throw new HttpError(404, 'invalid-link');
      if (link.kind === 'password-reset') await ctx.repos.sessions.deleteForUser(link.userId!);
      return { email: link.email };
    },
  });
}

