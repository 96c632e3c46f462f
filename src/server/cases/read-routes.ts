import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { caseListResponse, caseParams, casePageResponse } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { pupilParams } from '../../contract/pupils.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';
import { presentCasePage } from './case-page-presenter.js';
import { caseFromPath, loadedCase } from './case-resource.js';
import { readable, summary } from './case-summary.js';

const errors = { 401: errorBody, 403: errorBody, 404: errorBody };

export function registerCaseReadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:caseId', {
    config: { action: 'case.read', resource: caseFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'The case page: route version, team, steps with their tasks, the timeline and the safety numbers. Every read is audited.',
      params: caseParams,
      response: { 200: casePageResponse, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const page = await presentCasePage(ctx, request, c);
      await auditRequest(ctx, request, { action: 'case.read', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId });
      return page;
    },
  });

  api.get('/api/cases', {
    config: { action: 'case.list', resource: actingSchool },
    schema: { tags: ['cases'], summary: "The school's meldcode cases (pupil, step, casushouder; no content)", response: { 200: caseListResponse, ...errors } },
    handler: async (request) => ({ cases: (await ctx.repos.cases.listForSchool(scopeOf(request))).map(summary) }),
  });

  api.get('/api/cases/mine', {
    config: { action: 'case.list.mine' },
    schema: { tags: ['cases'], summary: 'The cases one started or is on, at the school one acts for (and staff-route cases one raised)', response: { 200: caseListResponse, ...errors } },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') return { cases: [] };
      const mine = await ctx.repos.cases.listMine(actor.userId, actor.boardId);
      return { cases: readable(ctx, request, mine).map(summary) };
    },
  });

  api.get('/api/board/cases', {
    config: { action: 'case.list.board', resource: (request) => Promise.resolve(request.actor.kind === 'user' ? { kind: 'board', boardId: request.actor.boardId } : null) },
    schema: { tags: ['cases'], summary: "The board's staff-route cases", response: { 200: caseListResponse, ...errors } },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') return { cases: [] };
      return { cases: (await ctx.repos.cases.listStaffRoute(actor.boardId)).map(summary) };
    },
  });

  api.get('/api/pupils/:pupilId/cases', {
    config: { action: 'case.list.pupil', resource: actingSchool },
    schema: {
      tags: ['cases'],
      summary: 'The meldcode cases about a pupil that the viewer may open (staff-route cases never show here)',
      params: pupilParams,
      response: { 200: caseListResponse, ...errors },
    },
    handler: async (request) => ({ cases: readable(ctx, request, await ctx.repos.cases.listForPupil(scopeOf(request), request.params.pupilId)).map(summary) }),
  });
}
