import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { parentContactRequest, preventiveOverviewResponse, pupilParams, startOfYearTalkRequest } from '../../contract/pupils.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import { overviewScope, talkProgress } from '../../domain/pupils/preventive-overview.js';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';
import { pupilFromPath } from './pupil-resource.js';
import { schoolDate } from './school-date.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** "Ken je leerlingen": the start-of-year talk and informal contacts with parents. */
export function registerPreventiveRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pupil = pupilFromPath(ctx);

  api.put('/api/pupils/:pupilId/start-of-year-talk', {
    config: { action: 'preventive.record', resource: pupil },
    schema: {
      tags: ['preventive'],
      summary: "Record (or correct) this school year's start-of-year talk with the pupil's parents",
      params: pupilParams,
      body: startOfYearTalkRequest,
      response: { 200: z.object({ ok: z.literal(true) }), ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const { heldOn, guardianIds, notes } = request.body;
      if (heldOn > schoolDate(ctx.now())) throw new HttpError(400, 'date-in-future', {}, { field: 'heldOn' });
      const known = new Set((await ctx.repos.pupils.guardians(request.params.pupilId)).map((g) => g.id));
      if (guardianIds.some((g) => !known.has(g))) throw new HttpError(400, 'unknown-guardian', {}, { field: 'guardianIds' });
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.preventive.saveTalk(
          scope,
          { id: randomUUID(), pupilId: request.params.pupilId, schoolYear: schoolYearOf(heldOn).label, heldOn, staffUserId: scope.userId, guardianIds, notes, at: ctx.now() },
          tx,
        );
        await auditRequest(ctx, request, { action: 'preventive.start-of-year-talk', outcome: 'success', pupilId: request.params.pupilId }, tx);
      });
      return { ok: true as const };
    },
  });

  api.post('/api/pupils/:pupilId/parent-contacts', {
    config: { action: 'preventive.record', resource: pupil },
    schema: {
      tags: ['preventive'],
      summary: 'Log an informal contact with the pupil\'s parents',
      params: pupilParams,
      body: parentContactRequest,
      response: { 201: z.object({ id: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      if (request.body.contactedOn > schoolDate(ctx.now())) throw new HttpError(400, 'date-in-future', {}, { field: 'contactedOn' });
      const id = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.preventive.addContact(
          scope,
          { id, pupilId: request.params.pupilId, schoolYear: schoolYearOf(request.body.contactedOn).label, contactedOn: request.body.contactedOn, kind: request.body.kind, notes: request.body.notes, at: ctx.now() },
          tx,
        );
        await auditRequest(ctx, request, { action: 'preventive.parent-contact', outcome: 'success', pupilId: request.params.pupilId }, tx);
      });
      return reply.code(201).send({ id });
    },
  });

  api.get('/api/preventive/overview', {
    config: { action: 'preventive.overview', resource: actingSchool },
    schema: {
      tags: ['preventive'],
      summary: "Per group, which pupils had this year's start-of-year talk (own groups for a teacher, the school for IB'er and directie)",
      response: { 200: preventiveOverviewResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      if (request.actor.kind !== 'user') throw notFound();
      const today = schoolDate(ctx.now());
      const schoolYear = schoolYearOf(today).label;
      const pupils = await ctx.repos.pupils.inGroups(scope, overviewScope(request.actor), today);
      const talks = await ctx.repos.preventive.talks(scope, schoolYear);
      const heldOn = new Map(talks.map((t) => [t.pupilId, t.heldOn]));
      const groups = new Map<string, { groupId: string | null; groupName: string | null; pupils: { id: string; displayName: string; heldOn: string | null }[] }>();
      for (const p of pupils) {
        const key = p.groupId ?? '';
        const group = groups.get(key) ?? { groupId: p.groupId, groupName: p.groupName, pupils: [] };
        group.pupils.push({ id: p.id, displayName: displayName(p), heldOn: heldOn.get(p.id) ?? null });
        groups.set(key, group);
      }
      return {
        schoolYear,
        groups: [...groups.values()]
          .sort((a, b) => (a.groupName ?? '~').localeCompare(b.groupName ?? '~', 'nl', { numeric: true }))
          .map((g) => ({ ...g, ...talkProgress(g.pupils) })),
      };
    },
  });
}
