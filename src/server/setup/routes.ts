import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.js';
import { setupRequest, setupResponse, setupStatusResponse } from '../../contract/setup.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { requireAcceptablePassword } from '../auth/password-requirement.js';
import { hashToken } from '../auth/session-token.js';
import { HttpError } from '../http/http-error.js';
import { createAccount } from '../people/accounts.js';

export function registerSetupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/setup/status', {
    config: { action: 'setup.status' },
    schema: { tags: ['setup'], summary: 'Whether Meldpad still waits for its first-run setup', response: { 200: setupStatusResponse } },
    handler: async () => ({ needed: !(await ctx.repos.boards.anyBoardExists()) }),
  });

  api.post('/api/setup', {
    config: { action: 'setup.complete' },
    schema: {
      tags: ['setup'],
      summary: 'First-run setup: the board, its first school and the first functional administrator',
      body: setupRequest,
      response: { 201: setupResponse, 400: errorBody, 403: errorBody, 409: errorBody },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const now = ctx.now();
      if (await ctx.repos.boards.anyBoardExists()) throw new HttpError(409, 'already-set-up');
      const tokenHash = hashToken(body.token);
      if (!(await ctx.repos.setupTokens.isValid(tokenHash, now))) {
        await auditRequest(ctx, request, { action: 'setup.complete', outcome: 'denied' });
        throw new HttpError(403, 'invalid-setup-token');
      }
      await requireAcceptablePassword(body.admin.password, [body.admin.name, body.admin.email, body.boardName, body.schoolName], 'admin.password');
      const ids = { boardId: randomUUID(), schoolId: randomUUID(), userId: '' };

      const done = await ctx.db.kysely.transaction().execute(async (tx) => {
        // Deleting the tokens is the lock: of two setups at once, only one deletes a row.
        if (!(await ctx.repos.setupTokens.consume(tokenHash, now, tx))) return false;
        await ctx.repos.boards.createBoard({ id: ids.boardId, name: body.boardName, at: now }, tx);
        await ctx.repos.boards.createSchool({ id: ids.schoolId, boardId: ids.boardId, name: body.schoolName, at: now }, tx);
        ids.userId = await createAccount(
          ctx.repos,
          { boardId: ids.boardId, email: body.admin.email, name: body.admin.name, password: body.admin.password, memberships: [{ schoolId: ids.schoolId, role: 'administrator' }] },
          now,
          tx,
        );
        await ctx.repos.setupTokens.deleteAll(tx);
        await auditRequest(ctx, request, { action: 'setup.complete', outcome: 'success', actorUserId: ids.userId, actorRole: 'administrator', boardId: ids.boardId, schoolId: ids.schoolId, subjectId: ids.userId }, tx);
        return true;
      });
      if (!done) throw new HttpError(409, 'already-set-up');
      return reply.code(201).send(ids);
    },
  });
}
