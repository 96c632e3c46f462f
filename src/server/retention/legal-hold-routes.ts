import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { caseRetentionResponse, legalHoldRequest, retentionCaseParams, type CaseRetention } from '../../contract/retention.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { abilities } from '../../domain/access/policy.js';
import { retentionStatus } from '../../domain/retention/due-date.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { caseFromPath, caseResource, loadedCase } from '../cases/case-resource.js';
import { HttpError } from '../http/http-error.js';
import { schoolDate } from '../pupils/school-date.js';
import { closedOn } from './retention-facts.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Where the case stands in its retention, and its hold: dates and a ground, no content. */
async function presentRetention(ctx: AppContext, request: FastifyRequest, c: CaseWithAccess): Promise<CaseRetention> {
  const [term, pupilLeftOn, closedAt, hold] = await Promise.all([ctx.repos.retention.term(c.schoolId), ctx.repos.retention.pupilLeftOn(c.id), ctx.repos.retention.closedAt(c.id), ctx.repos.retention.activeHold(c.id)]);
  const status = retentionStatus({ phase: c.phase, closedOn: closedAt ? closedOn(closedAt) : null, pupilLeftOn, legalHold: hold !== null }, term.years, schoolDate(ctx.now()));
  return {
    status: status.kind,
    termYears: term.years,
    dueOn: 'dueOn' in status ? status.dueOn : null,
    hold: hold ? { ground: hold.ground, setBy: { userId: hold.setBy, name: hold.setByName }, setAt: hold.setAt } : null,
    abilities: { legalHold: abilities(request.actor, ['case.legal-hold'], caseResource(c), ctx.now())['case.legal-hold'] },
  };
}

/** The case page's retention status, and setting and lifting a legal hold. */
export function registerLegalHoldRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onCase = caseFromPath(ctx);

  api.get('/api/cases/:caseId/retention', {
    config: { action: 'case.read', resource: onCase },
    schema: {
      tags: ['retention'],
      summary: "The case's retention: until when it is kept, or why it is not due (still open, the pupil has not left, a legal hold)",
      params: retentionCaseParams,
      response: { 200: caseRetentionResponse, ...errors },
    },
    handler: async (request) => presentRetention(ctx, request, loadedCase(request)),
  });

  api.post('/api/cases/:caseId/legal-hold', {
    config: { action: 'case.legal-hold', resource: onCase },
    schema: {
      tags: ['retention'],
      summary: 'Put a legal hold on the case, with a ground from the fixed list: it is not destroyed while the hold is on',
      params: retentionCaseParams,
      body: legalHoldRequest,
      response: { 200: caseRetentionResponse, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const actor = request.actor;
      const userId = actor.kind === 'user' ? actor.userId : '';
      if (await ctx.repos.retention.activeHold(c.id)) throw new HttpError(409, 'legal-hold-already-on');
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.retention.setHold({ id: randomUUID(), caseId: c.id, schoolId: c.schoolId, ground: request.body.ground, setBy: userId, at }, tx);
        await auditRequest(ctx, request, { action: 'case.legal-hold.set', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: request.body.ground }, tx);
      });
      return presentRetention(ctx, request, c);
    },
  });

  api.post('/api/cases/:caseId/legal-hold/lift', {
    config: { action: 'case.legal-hold', resource: onCase },
    schema: {
      tags: ['retention'],
      summary: 'Lift the legal hold: the case follows its retention term again',
      params: retentionCaseParams,
      body: z.strictObject({}),
      response: { 200: caseRetentionResponse, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const actor = request.actor;
      const userId = actor.kind === 'user' ? actor.userId : '';
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.retention.liftHold(c.id, userId, at, tx))) throw new HttpError(409, 'legal-hold-not-on');
        await auditRequest(ctx, request, { action: 'case.legal-hold.lift', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId }, tx);
      });
      return presentRetention(ctx, request, c);
    },
  });
}
