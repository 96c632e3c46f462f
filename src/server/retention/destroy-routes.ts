import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { destroyResponse, retentionCaseParams } from '../../contract/retention.js';
import { dueDateOf, retentionStatus } from '../../domain/retention/due-date.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { ELEVATION_MS } from '../auth/elevation.js';
import { caseFromPath, loadedCase } from '../cases/case-resource.js';
import { HttpError, notFound } from '../http/http-error.js';
import { schoolDate } from '../pupils/school-date.js';
import { closedOn } from './retention-facts.js';

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * Confirming a destruction: one case per request, with a fresh code (the policy asks for an elevated
 * session, and one elevation serves one destruction). The case and every row about it go in one
 * transaction with a content-free record that it did, and the audit event.
 */
export function registerRetentionDestroyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/retention/cases/:caseId/destroy', {
    config: { action: 'retention.destroy', resource: caseFromPath(ctx) },
    schema: {
      tags: ['retention'],
      summary: 'Destroy a closed case whose retention term has passed: its entries (every version), team, emergency accesses, holds, notifications and pending reminders, and the case itself; a record without content remains. Needs a fresh code; cannot be undone.',
      params: retentionCaseParams,
      body: z.strictObject({}),
      response: { 200: destroyResponse, ...errors },
    },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw notFound();
      const c = loadedCase(request);
      // One fresh code, one destruction: a code given before this person's last destruction is used up.
      const elevatedFrom = new Date((actor.elevatedUntil?.getTime() ?? 0) - ELEVATION_MS).toISOString();
      const last = await ctx.repos.retention.lastConfirmedBy(actor.userId);
      if (last !== null && last >= elevatedFrom) throw new HttpError(403, 'elevation-required');

      const now = ctx.now();
      const today = schoolDate(now);
      const [term, pupilLeftOn, closedAt, hold] = await Promise.all([
        ctx.repos.retention.term(c.schoolId),
        ctx.repos.retention.pupilLeftOn(c.id),
        ctx.repos.retention.closedAt(c.id),
        ctx.repos.retention.activeHold(c.id),
      ]);
      const facts = { phase: c.phase, closedOn: closedAt ? closedOn(closedAt) : null, pupilLeftOn, legalHold: hold !== null };
      const status = retentionStatus(facts, term.years, today);
      if (status.kind === 'held') throw new HttpError(409, 'retention-held');
      if (status.kind !== 'due') throw new HttpError(409, 'retention-not-due');
      const dueOn = dueDateOf(facts, term.years, today)!;
      const destroyedAt = now.toISOString();

      await ctx.db.kysely.transaction().execute(async (tx) => {
        const { casesRemoved } = await ctx.repos.caseDestruction.destroy(c.id, tx);
        // Destroyed meanwhile by someone else: nothing more to do, and no second record.
        if (casesRemoved !== 1) throw notFound();
        await ctx.repos.retention.addDestruction(
          {
            caseId: c.id,
            schoolId: c.schoolId,
            boardId: c.boardId,
            route: c.route,
            startedOn: schoolDate(new Date(c.startedAt)),
            closedOn: facts.closedOn!,
            dueOn,
            termYears: term.years,
            termSetBy: term.setBy,
            termSetAt: term.setAt,
            confirmedBy: actor.userId,
            destroyedAt,
          },
          tx,
        );
        await auditRequest(ctx, request, { action: 'case.destroy', outcome: 'success', caseId: c.id, schoolId: c.schoolId, boardId: c.boardId }, tx);
      });
      return { ok: true as const, destroyedAt };
    },
  });
}
