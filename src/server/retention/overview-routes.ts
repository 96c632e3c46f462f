import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { retentionOverviewResponse, retentionTermRequest, type RetentionOverview } from '../../contract/retention.js';
import type { TermWithName } from '../../db/repositories/retention-repository.js';
import { abilities } from '../../domain/access/policy.js';
import { retentionAgenda, retentionStatus } from '../../domain/retention/due-date.js';
import { checkTermYears } from '../../domain/retention/retention-term.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { schoolDate } from '../pupils/school-date.js';
import { actingSchool } from '../staff/staff-resource.js';
import { factsOf } from './retention-facts.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

function presentTerm(term: TermWithName): RetentionOverview['term'] {
  return { years: term.years, isDefault: term.setBy === null, setBy: term.setBy ? { userId: term.setBy, name: term.setByName ?? '' } : null, setAt: term.setAt };
}

/** The school's Bewaartermijnen page: its term, what is due and what falls due within a month, and what was destroyed. */
export function registerRetentionOverviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/retention', {
    config: { action: 'retention.overview', resource: actingSchool },
    schema: {
      tags: ['retention'],
      summary: "The school's retention term, the closed meldcode cases due for destruction and those falling due within a month (pupil name and dates, no content), and the destruction records",
      response: { 200: retentionOverviewResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const today = schoolDate(ctx.now());
      const [term, cases, destructions] = await Promise.all([ctx.repos.retention.term(scope.schoolId), ctx.repos.retention.closedCases(scope.schoolId), ctx.repos.retention.destructions(scope.schoolId)]);
      const agenda = retentionAgenda(cases, factsOf, term.years, today);
      const statuses = cases.map((c) => retentionStatus(factsOf(c), term.years, today).kind);
      const item = (c: (typeof cases)[number], dueOn: string) => ({ caseId: c.caseId, pupilName: c.pupilName, startedOn: schoolDate(new Date(c.startedAt)), closedOn: factsOf(c).closedOn!, pupilLeftOn: c.pupilLeftOn!, dueOn });
      // A pseudo-case of the school: whether this person could destroy one (a fresh code is asked then).
      const mayDo = abilities(request.actor, ['retention.destroy'], { kind: 'case', schoolId: scope.schoolId, boardId: '', route: 'meldcode', startedBy: '', teamUserIds: [], casushouderId: null, breakGlassUserIds: [] }, ctx.now());
      const maySet = abilities(request.actor, ['retention.term.update'], actingSchool(request), ctx.now());
      await auditRequest(ctx, request, { action: 'retention.overview', outcome: 'success', schoolId: scope.schoolId });
      return {
        today,
        term: presentTerm(term),
        due: agenda.due.map((d) => ({ ...item(d.item, d.dueOn), escalateOn: d.escalateOn, escalated: d.escalated })),
        upcoming: agenda.upcoming.map((u) => item(u.item, u.dueOn)),
        heldCount: statuses.filter((s) => s === 'held').length,
        pupilNotLeftCount: statuses.filter((s) => s === 'pupil-not-left').length,
        destructions: destructions.map((d) => ({
          caseId: d.caseId,
          startedOn: d.startedOn,
          closedOn: d.closedOn,
          dueOn: d.dueOn,
          termYears: d.termYears,
          termSetBy: d.termSetBy ? { userId: d.termSetBy, name: d.termSetByName ?? '' } : null,
          confirmedBy: { userId: d.confirmedBy, name: d.confirmedByName },
          destroyedAt: d.destroyedAt,
        })),
        abilities: { setTerm: maySet['retention.term.update'], destroy: mayDo['retention.destroy'] },
      };
    },
  });

  api.put('/api/retention/term', {
    config: { action: 'retention.term.update', resource: actingSchool },
    schema: {
      tags: ['retention'],
      summary: "Set the school's retention term for closed cases, in whole years after the pupil left (the privacy officer's choice, recorded by directie with who and when)",
      body: retentionTermRequest,
      response: { 200: z.object({ term: retentionOverviewResponse.shape.term }), ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      if (checkTermYears(request.body.years).length > 0) throw new HttpError(400, 'retention-term-out-of-range', {}, { field: 'years' });
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.retention.setTerm(scope.schoolId, request.body.years, scope.userId, at, tx);
        await auditRequest(ctx, request, { action: 'retention.term.update', outcome: 'success', schoolId: scope.schoolId, subjectId: String(request.body.years) }, tx);
      });
      return { term: presentTerm(await ctx.repos.retention.term(scope.schoolId)) };
    },
  });
}
