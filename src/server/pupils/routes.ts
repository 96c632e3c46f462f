import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { leaveRequest, pupilFields, pupilPageResponse, pupilParams, pupilRecordResponse, pupilSearchRequest, pupilSearchResponse } from '../../contract/pupils.js';
import { abilities, type Resource } from '../../domain/access/policy.js';
import type { PupilRecord } from '../../db/repositories/pupils-repository.js';
import { displayName, searchWords } from '../../domain/pupils/pupil-name.js';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import { siblingsAsSeenFrom } from '../../domain/pupils/siblings.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';
import { pupilFromPath } from './pupil-resource.js';
import { schoolDate } from './school-date.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const SEARCH_LIMIT = 20;

export function registerPupilRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pupil = pupilFromPath(ctx);

  api.post('/api/pupils/search', {
    config: { action: 'pupil.find', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: 'Find current pupils of the school by name or number (name and group only); with includeLeft also those who left, with their leaving date',
      body: pupilSearchRequest,
      response: { 200: pupilSearchResponse, ...errors },
    },
    handler: async (request) => ({
      pupils: await ctx.repos.pupils.search(scopeOf(request), searchWords(request.body.query), SEARCH_LIMIT, { today: schoolDate(ctx.now()), includeLeft: request.body.includeLeft }),
    }),
  });

  api.get('/api/pupils/:pupilId', {
    config: { action: 'pupil.read', resource: pupil },
    schema: { tags: ['pupils'], summary: 'The pupil page: details, guardians, siblings and this year\'s preventive contacts', params: pupilParams, response: { 200: pupilPageResponse, ...errors } },
    handler: async (request) => presentPupilPage(ctx, request, request.params.pupilId),
  });

  // The administrator manages pupils without reading the pupil page: the correction form is filled from this.
  api.get('/api/pupils/:pupilId/record', {
    config: { action: 'pupils.manage', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: "A pupil's administrative details (names, number, date of birth, sex, group, dates) for whoever manages pupils; nothing about the family",
      params: pupilParams,
      response: { 200: pupilRecordResponse, ...errors },
    },
    handler: async (request) => {
      const record = await ctx.repos.pupils.find(scopeOf(request), request.params.pupilId);
      if (!record) throw notFound();
      await auditRequest(ctx, request, { action: 'pupils.record.read', outcome: 'success', pupilId: record.id });
      return { pupil: presentDetails(record) };
    },
  });

  api.post('/api/pupils', {
    config: { action: 'pupils.manage', resource: actingSchool },
    schema: { tags: ['pupils'], summary: 'Add a pupil by hand (for schools without an export)', body: pupilFields, response: { 201: z.object({ id: z.string() }), ...errors } },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      await requireValidGroup(ctx, request, request.body.groupId);
      if (await ctx.repos.pupils.findByNumber(scope, request.body.pupilNumber)) throw new HttpError(409, 'pupil-number-taken', {}, { field: 'pupilNumber' });
      const id = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.pupils.create(scope, id, request.body, ctx.now(), tx);
        await auditRequest(ctx, request, { action: 'pupils.create', outcome: 'success', pupilId: id }, tx);
      });
      return reply.code(201).send({ id });
    },
  });

  api.put('/api/pupils/:pupilId', {
    config: { action: 'pupils.manage', resource: actingSchool },
    schema: { tags: ['pupils'], summary: "Correct a pupil's details or move them to another group", params: pupilParams, body: pupilFields, response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      await requireValidGroup(ctx, request, request.body.groupId);
      const sameNumber = await ctx.repos.pupils.findByNumber(scope, request.body.pupilNumber);
      if (sameNumber && sameNumber.id !== request.params.pupilId) throw new HttpError(409, 'pupil-number-taken', {}, { field: 'pupilNumber' });
      const updated = await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.pupils.update(scope, request.params.pupilId, request.body, ctx.now(), tx))) return false;
        await auditRequest(ctx, request, { action: 'pupils.update', outcome: 'success', pupilId: request.params.pupilId }, tx);
        return true;
      });
      if (!updated) throw notFound();
      return { ok: true as const };
    },
  });

  api.post('/api/pupils/:pupilId/leave', {
    config: { action: 'pupils.manage', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: 'Mark a pupil as left from a date (or, with null, as current again); a pupil is never deleted',
      params: pupilParams,
      body: leaveRequest,
      response: { 200: z.object({ ok: z.literal(true) }), ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const changed = await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.pupils.setLeft(scope, request.params.pupilId, request.body.leftOn, ctx.now(), tx))) return false;
        await auditRequest(ctx, request, { action: request.body.leftOn ? 'pupils.leave' : 'pupils.return', outcome: 'success', pupilId: request.params.pupilId }, tx);
        return true;
      });
      if (!changed) throw notFound();
      return { ok: true as const };
    },
  });
}

async function requireValidGroup(ctx: AppContext, request: FastifyRequest, groupId: string | null): Promise<void> {
  if (groupId && !(await ctx.repos.groups.find(scopeOf(request), groupId))) throw new HttpError(400, 'unknown-group', {}, { field: 'groupId' });
}

/** The pupil's administrative details, picked field by field. */
function presentDetails(record: PupilRecord) {
  return {
    id: record.id,
    displayName: displayName(record),
    pupilNumber: record.pupilNumber,
    givenNames: record.givenNames,
    callName: record.callName,
    surnamePrefix: record.surnamePrefix,
    surname: record.surname,
    dateOfBirth: record.dateOfBirth,
    sex: record.sex,
    groupId: record.groupId,
    groupName: record.groupName,
    enrolledOn: record.enrolledOn,
    leftOn: record.leftOn,
  };
}

/** The pupil page, picked field by field; reading it is audited. */
export async function presentPupilPage(ctx: AppContext, request: FastifyRequest, pupilId: string) {
  const scope = scopeOf(request);
  const record = await ctx.repos.pupils.find(scope, pupilId);
  if (!record) throw notFound();
  const today = schoolDate(ctx.now());
  const schoolYear = schoolYearOf(today).label;
  const [guardians, children, talks, contacts] = await Promise.all([
    ctx.repos.pupils.guardians(pupilId),
    ctx.repos.pupils.householdChildren(pupilId, today),
    ctx.repos.preventive.talks(scope, schoolYear, [pupilId]),
    ctx.repos.preventive.contacts(scope, pupilId, schoolYear),
  ]);
  const resource: Resource = { kind: 'pupil', schoolId: scope.schoolId, groupIds: record.groupId ? [record.groupId] : [], caseMemberUserIds: [] };
  await auditRequest(ctx, request, { action: 'pupil.read', outcome: 'success', pupilId });
  const talk = talks[0];
  return {
    pupil: presentDetails(record),
    guardians,
    siblings: siblingsAsSeenFrom(scope.schoolId, pupilId, children),
    schoolYear,
    startOfYearTalk: talk ? { heldOn: talk.heldOn, staffName: talk.staffName, guardianIds: talk.guardianIds, notes: talk.notes } : null,
    parentContacts: contacts.map((c) => ({ id: c.id, contactedOn: c.contactedOn, kind: c.kind, staffName: c.staffName, notes: c.notes })),
    abilities: {
      ...abilities(request.actor, ['pupils.manage'] as const, { kind: 'school', schoolId: scope.schoolId }, ctx.now()),
      ...abilities(request.actor, ['preventive.record', 'case.start', 'pupil.access-request.list'] as const, resource, ctx.now()),
    },
  };
}
