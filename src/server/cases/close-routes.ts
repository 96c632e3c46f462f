import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, closeRequest, reopenRequest } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { foldEntries } from '../../domain/cases/case-entry.js';
import { checkClose, checkReopen, closedProgress, reopenedProgress, type CloseProblem } from '../../domain/cases/closing.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import type { MessageKey } from '../i18n/messages.js';
import { caseFromPath, caseScope, loadedCase, progressOf } from './case-resource.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ok = z.object({ ok: z.literal(true) });

const CLOSE_PROBLEM: Record<CloseProblem['code'], MessageKey> = {
  'already-closed': 'case-closed',
  'reason-required': 'close-reason-required',
  'reason-unknown': 'close-reason-required',
  'explanation-required': 'close-explanation-required',
  'aftercare-review-missing': 'close-aftercare-pending',
  'aftercare-review-pending': 'close-aftercare-pending',
};

/** Closing a case with a reason from the fixed list, and reopening it with a reason. */
export function registerCaseCloseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onCase = caseFromPath(ctx);

  api.post('/api/cases/:caseId/close', {
    config: { action: 'case.close', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Close a case with a reason from the fixed list (e.g. "vermoeden onterecht gebleken", with what showed it); a closed case is read-only',
      params: caseParams,
      body: closeRequest,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      const { reason, explanation } = request.body;
      // A case in aftercare (step 6) stays open until its last review is held.
      const current = foldEntries(await ctx.repos.cases.entryVersions(c.id)).map((e) => e.current);
      const aftercareReviews = current.filter((v) => v.kind === 'aftercare-review').map((v) => v.body as { dueOn: string; heldOn: string | null });
      const problem = checkClose({ phase: c.phase, reason, explanation, inAftercare: c.step === 6, aftercareReviews })[0];
      if (problem) throw new HttpError(problem.code === 'already-closed' ? 409 : 400, CLOSE_PROBLEM[problem.code], {}, { field: problem.code === 'explanation-required' ? 'explanation' : 'reason' });
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.setProgress(c.id, closedProgress(progressOf(c)), at, tx);
        await ctx.repos.cases.setClosedAt(c.id, at, tx);
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: randomUUID(), version: 1, kind: 'case-closed', body: { reason, explanation: explanation || null }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        await auditRequest(ctx, request, { action: 'case.close', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: reason }, tx);
      });
      return { ok: true as const };
    },
  });

  api.post('/api/cases/:caseId/reopen', {
    config: { action: 'case.reopen', resource: onCase },
    schema: { tags: ['cases'], summary: 'Reopen a closed case, with the reason; it is worked on again at the step it had reached', params: caseParams, body: reopenRequest, response: { 200: ok, ...errors } },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      if (checkReopen(c.phase, request.body.reason).some((p) => p.code === 'not-closed')) throw new HttpError(409, 'case-not-closed');
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.setProgress(c.id, reopenedProgress(progressOf(c)), at, tx);
        await ctx.repos.cases.setClosedAt(c.id, null, tx);
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: randomUUID(), version: 1, kind: 'case-reopened', body: { reason: request.body.reason }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        await auditRequest(ctx, request, { action: 'case.reopen', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId }, tx);
      });
      return { ok: true as const };
    },
  });
}
