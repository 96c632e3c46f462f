import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupParams, groupRequest, groupsResponse, groupTeachersRequest } from '../../contract/administration.js';
import { errorBody } from '../../contract/errors.js';
import type { StaffMemberRecord } from '../../db/repositories/staff-repository.js';
import type { Scope } from '../../db/scope.js';
import { abilities } from '../../domain/access/policy.js';
import { mayTeachGroups } from '../../domain/people/group-teaching.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function registerGroupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  function teachersAmong(staff: readonly StaffMemberRecord[]) {
    return staff.filter((m) => mayTeachGroups({ roles: m.roles, active: m.deactivatedAt === null })).map((m) => ({ userId: m.userId, name: m.name }));
  }

  async function requireUniqueName(scope: Scope, name: string, except?: string) {
    const groups = await ctx.repos.groups.list(scope);
    if (groups.some((g) => g.id !== except && g.name.toLowerCase() === name.toLowerCase())) throw new HttpError(409, 'group-name-taken', {}, { field: 'name' });
  }

  api.get('/api/groups', {
    config: { action: 'groups.list', resource: actingSchool },
    schema: { tags: ['groups'], summary: "The school's groups and their teachers", response: { 200: groupsResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      const [groups, staff] = await Promise.all([ctx.repos.groups.list(scope), ctx.repos.staff.list(scope)]);
      const teachers = teachersAmong(staff);
      const nameOf = new Map(staff.map((m) => [m.userId, m.name]));
      return {
        groups: groups.map((g) => ({ id: g.id, name: g.name, yearGroups: g.yearGroups, teachers: g.teacherIds.map((id) => ({ userId: id, name: nameOf.get(id) ?? '' })) })),
        teachers,
        abilities: abilities(request.actor, ['groups.manage'] as const, { kind: 'school', schoolId: scope.schoolId }, ctx.now()),
      };
    },
  });

  api.post('/api/groups', {
    config: { action: 'groups.manage', resource: actingSchool },
    schema: { tags: ['groups'], summary: 'Add a group (klas)', body: groupRequest, response: { 201: z.object({ id: z.string() }), ...errors } },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      await requireUniqueName(scope, request.body.name);
      const id = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.groups.create(scope, { id, name: request.body.name, yearGroups: request.body.yearGroups, at: ctx.now() }, tx);
        await auditRequest(ctx, request, { action: 'groups.create', outcome: 'success', subjectId: id }, tx);
      });
      return reply.code(201).send({ id });
    },
  });

  api.put('/api/groups/:groupId', {
    config: { action: 'groups.manage', resource: actingSchool },
    schema: { tags: ['groups'], summary: 'Rename a group or change its year groups', params: groupParams, body: groupRequest, response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      await requireUniqueName(scope, request.body.name, request.params.groupId);
      const updated = await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.groups.update(scope, request.params.groupId, request.body, tx))) return false;
        await auditRequest(ctx, request, { action: 'groups.update', outcome: 'success', subjectId: request.params.groupId }, tx);
        return true;
      });
      if (!updated) throw notFound();
      return { ok: true as const };
    },
  });

  api.post('/api/groups/:groupId/archive', {
    config: { action: 'groups.manage', resource: actingSchool },
    schema: { tags: ['groups'], summary: 'Archive a group that no longer exists', params: groupParams, body: z.object({}).optional(), response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      const archived = await ctx.db.kysely.transaction().execute(async (tx) => {
        if (!(await ctx.repos.groups.archive(scope, request.params.groupId, ctx.now(), tx))) return false;
        await ctx.repos.groups.setTeachers(scope, request.params.groupId, [], ctx.now(), tx);
        await auditRequest(ctx, request, { action: 'groups.archive', outcome: 'success', subjectId: request.params.groupId }, tx);
        return true;
      });
      if (!archived) throw notFound();
      return { ok: true as const };
    },
  });

  api.put('/api/groups/:groupId/teachers', {
    config: { action: 'groups.manage', resource: actingSchool },
    schema: { tags: ['groups'], summary: 'Set the teachers of a group', params: groupParams, body: groupTeachersRequest, response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      if (!(await ctx.repos.groups.find(scope, request.params.groupId))) throw notFound();
      const teacherIds = new Set(teachersAmong(await ctx.repos.staff.list(scope)).map((t) => t.userId));
      const wanted = [...new Set(request.body.teacherIds)];
      if (wanted.some((id) => !teacherIds.has(id))) throw new HttpError(400, 'unknown-teacher', {}, { field: 'teacherIds' });
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.groups.setTeachers(scope, request.params.groupId, wanted, ctx.now(), tx);
        await auditRequest(ctx, request, { action: 'groups.teachers.update', outcome: 'success', subjectId: request.params.groupId }, tx);
      });
      return { ok: true as const };
    },
  });
}
