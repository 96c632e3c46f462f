import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, entryCorrection, entryParams, recordedEntry, type RecordedEntry } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { isCorrectable, nextVersion } from '../../domain/cases/case-entry.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { checkEntry, requireChangeable, type AgreementBody } from './case-checks.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { caseFromPath, caseScope, loadedCase } from './case-resource.js';
import { cancelFeedbackReminders, scheduleAgreementReminder, scheduleReconsiderReminder, scheduleReviewReminder } from './due-reminders.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/**
 * Records a new entry on a case (version 1) with its checks, its reminder and its audit event in
 * one transaction. Feedback from Veilig Thuis ends the wait for it: its reminder is cancelled.
 */
export async function recordNewEntry(ctx: AppContext, request: FastifyRequest, c: CaseWithAccess, entry: RecordedEntry): Promise<string> {
  const scope = caseScope(request, c);
  requireChangeable(c, 'case.write');
  await checkEntry(ctx, request, c, scope, entry);
  const entryId = randomUUID();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId, version: 1, kind: entry.kind, body: entry.body, recordedBy: scope.userId, recordedAt: at, correctionReason: null }, tx);
    await ctx.repos.cases.touch(c.id, at, tx);
    if (entry.kind === 'agreement') await scheduleAgreementReminder(ctx, { ...entry.body, entryId, caseId: c.id, schoolId: c.schoolId }, tx);
    if (entry.kind === 'report-feedback') await cancelFeedbackReminders(ctx, c.id, tx);
    if (entry.kind === 'parent-conversation-not-held') await scheduleReconsiderReminder(ctx, { caseId: c.id, schoolId: c.schoolId, casushouderId: c.casushouderId, reconsiderOn: entry.body.reconsiderOn }, tx);
    if (entry.kind === 'aftercare-review') await scheduleReviewReminder(ctx, { entryId, caseId: c.id, schoolId: c.schoolId, casushouderId: c.casushouderId, dueOn: entry.body.dueOn, held: entry.body.heldOn !== null }, tx);
    await auditRequest(ctx, request, { action: 'case.entry.record', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: entryId }, tx);
  });
  return entryId;
}

export function registerCaseEntryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onCase = caseFromPath(ctx);

  api.post('/api/cases/:caseId/entries', {
    config: { action: 'case.write', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Record on a case: a signal, a task done or not applicable, a conversation, a consultation, the anonymous advice of Veilig Thuis, the kindcheck or an agreement',
      params: caseParams,
      body: recordedEntry,
      response: { 201: z.object({ entryId: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const c = loadedCase(request);
      const entryId = await recordNewEntry(ctx, request, c, request.body);
      return reply.code(201).send({ entryId });
    },
  });

  api.put('/api/cases/:caseId/entries/:entryId', {
    config: { action: 'case.write', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Correct an entry: the whole new text and why. A new version; the earlier one stays in the history.',
      params: entryParams,
      body: entryCorrection,
      response: { 200: z.object({ version: z.number() }), ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.write');
      const versions = await ctx.repos.cases.versionsOf(c.id, request.params.entryId);
      const latest = versions[versions.length - 1];
      if (!latest) throw notFound();
      if (!isCorrectable(latest.kind)) throw new HttpError(400, 'entry-not-correctable');
      // The corrected text is checked as the same kind of record it replaces.
      const parsed = recordedEntry.safeParse({ kind: latest.kind, body: request.body.body });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new HttpError(400, 'invalid-field', { field: issue.path.slice(1).join('.'), detail: issue.message }, { field: String(issue.path[1] ?? 'body') });
      }
      const entry: RecordedEntry = parsed.data;
      await checkEntry(ctx, request, c, scope, entry);
      const version = nextVersion(versions);
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: latest.entryId, version, kind: entry.kind, body: entry.body, recordedBy: scope.userId, recordedAt: at, correctionReason: request.body.reason },
          tx,
        );
        await ctx.repos.cases.touch(c.id, at, tx);
        if (entry.kind === 'agreement') {
          const before = latest.body as AgreementBody;
          await scheduleAgreementReminder(ctx, { ...entry.body, entryId: latest.entryId, caseId: c.id, schoolId: c.schoolId }, tx, before.dueOn);
        }
        if (entry.kind === 'parent-conversation-not-held') {
          await scheduleReconsiderReminder(ctx, { caseId: c.id, schoolId: c.schoolId, casushouderId: c.casushouderId, reconsiderOn: entry.body.reconsiderOn }, tx);
        }
        if (entry.kind === 'aftercare-review') {
          await scheduleReviewReminder(ctx, { entryId: latest.entryId, caseId: c.id, schoolId: c.schoolId, casushouderId: c.casushouderId, dueOn: entry.body.dueOn, held: entry.body.heldOn !== null }, tx);
        }
        await auditRequest(ctx, request, { action: 'case.entry.correct', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: latest.entryId }, tx);
      });
      return { version };
    },
  });
}
