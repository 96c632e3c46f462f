import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  invitationParams,
  inviteRequest,
  linkResponse,
  rolesRequest,
  sessionParams,
  staffListResponse,
  staffSessionsResponse,
  userIdParams,
} from '../../contract/administration.js';
import { errorBody } from '../../contract/errors.js';
import type { Database } from '../../db/schema.js';
import { abilities } from '../../domain/access/policy.js';
import { mayTeachGroups } from '../../domain/people/group-teaching.js';
import type { AppContext } from '../app-context.js';
import { deliverAccountLink, issueAccountLink } from '../account-links/issue-link.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool, staffMemberFromPath } from './staff-resource.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const done = z.object({ ok: z.literal(true) });

export function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staffMember = staffMemberFromPath(ctx);

  api.get('/api/staff', {
    config: { action: 'staff.list', resource: actingSchool },
    schema: { tags: ['staff'], summary: "The school's staff, their roles and open invitations", response: { 200: staffListResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      const [staff, invitations, groups] = await Promise.all([
        ctx.repos.staff.list(scope),
        ctx.repos.accountLinks.pendingInvitations(scope, ctx.now()),
        ctx.repos.groups.list(scope),
      ]);
      return {
        staff: staff.map((m) => ({
          userId: m.userId,
          name: m.name,
          email: m.email,
          roles: m.roles.filter((r) => r !== 'board'),
          active: m.deactivatedAt === null,
          secondFactorEnrolled: m.secondFactorEnrolled,
          otherSchools: m.otherSchools,
          groupNames: groups.filter((g) => g.teacherIds.includes(m.userId)).map((g) => g.name),
        })),
        invitations: invitations.map((i) => ({ id: i.id, name: i.name, email: i.email, roles: i.roles.filter((r) => r !== 'board'), expiresAt: i.expiresAt.toISOString() })),
        abilities: abilities(
          request.actor,
          ['staff.invite', 'staff.roles.update', 'staff.deactivate', 'staff.password.reset', 'staff.second-factor.reset', 'staff.sessions.list'] as const,
          { kind: 'staff-member', schoolId: scope.schoolId, userId: '', boardId: '' },
          ctx.now(),
        ),
      };
    },
  });

  api.post('/api/staff/invitations', {
    config: { action: 'staff.invite', resource: actingSchool },
    schema: {
      tags: ['staff'],
      summary: 'Invite a person to work at this school; a colleague from another school of the board gets the roles at once',
      body: inviteRequest,
      response: { 200: z.object({ delivered: z.literal('existing-account') }), 201: linkResponse, ...errors },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const body = request.body;
      const now = ctx.now();
      const school = await ctx.repos.boards.findSchool(scope.schoolId);
      if (!school) throw notFound();
      const existing = await ctx.repos.users.findByEmail(body.email);
      if (existing) {
        if (existing.boardId !== school.boardId || (await ctx.repos.staff.find(scope, existing.id))) throw new HttpError(409, 'email-taken');
        await ctx.db.kysely.transaction().execute(async (tx) => {
          await ctx.repos.staff.setRoles(scope, existing.id, school.boardId, body.roles, randomUUID, now, tx);
          await auditRequest(ctx, request, { action: 'staff.roles.update', outcome: 'success', subjectId: existing.id, boardId: school.boardId }, tx);
        });
        return reply.code(200).send({ delivered: 'existing-account' as const });
      }
      const pending = await ctx.repos.accountLinks.pendingInvitations(scope, now);
      if (pending.some((i) => i.email === body.email)) throw new HttpError(409, 'already-invited');
      const link = await ctx.db.kysely.transaction().execute(async (tx) => {
        const issued = await issueAccountLink(
          ctx,
          { kind: 'invitation', boardId: school.boardId, schoolId: scope.schoolId, userId: null, email: body.email, name: body.name, roles: body.roles, createdBy: scope.userId },
          tx,
        );
        await auditRequest(ctx, request, { action: 'staff.invite', outcome: 'success', subjectId: issued.id, boardId: school.boardId }, tx);
        return issued;
      });
      return reply.code(201).send(await deliverAccountLink(ctx, link, { email: body.email, name: body.name, schoolName: school.name, kind: 'invitation' }));
    },
  });

  api.post('/api/staff/invitations/:invitationId/revoke', {
    config: { action: 'staff.invitation.revoke', resource: actingSchool },
    schema: { tags: ['staff'], summary: 'Withdraw an open invitation', params: invitationParams, body: z.object({}).optional(), response: { 200: done, ...errors } },
    handler: async (request) => {
      if (!(await ctx.repos.accountLinks.revoke(scopeOf(request), request.params.invitationId, ctx.now()))) throw notFound();
      await auditRequest(ctx, request, { action: 'staff.invitation.revoke', outcome: 'success', subjectId: request.params.invitationId });
      return { ok: true as const };
    },
  });

  api.put('/api/staff/:userId/roles', {
    config: { action: 'staff.roles.update', resource: staffMember },
    schema: {
      tags: ['staff'],
      summary: "Set a person's roles at this school (none removes them from the school)",
      params: userIdParams,
      body: rolesRequest,
      response: { 200: done, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const target = (await ctx.repos.users.findById(request.params.userId))!;
      const roles = [...new Set(request.body.roles)];
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.staff.setRoles(scope, target.id, target.boardId, roles, randomUUID, ctx.now(), tx);
        if (!mayTeachGroups({ roles, active: target.deactivatedAt === null })) await ctx.repos.staff.removeFromGroups(scope, target.id, tx);
        await auditRequest(ctx, request, { action: 'staff.roles.update', outcome: 'success', subjectId: target.id }, tx);
      });
      return { ok: true as const };
    },
  });

  const accountAction = (
    path: string,
    action: 'staff.deactivate' | 'staff.reactivate' | 'staff.second-factor.reset',
    summary: string,
    change: (userId: string, tx: Kysely<Database>) => Promise<void>,
  ) =>
    api.post(path, {
      config: { action, resource: staffMember },
      schema: { tags: ['staff'], summary, params: userIdParams, body: z.object({}).optional(), response: { 200: done, ...errors } },
      handler: async (request) => {
        const { userId } = request.params;
        await ctx.db.kysely.transaction().execute(async (tx) => {
          await change(userId, tx);
          await auditRequest(ctx, request, { action, outcome: 'success', subjectId: userId }, tx);
        });
        // Whatever changed, the person's open sessions end now.
        if (action !== 'staff.reactivate') await ctx.repos.sessions.deleteForUser(userId);
        return { ok: true as const };
      },
    });

  accountAction('/api/staff/:userId/deactivate', 'staff.deactivate', 'Deactivate an account: its sessions end at once (not while they are casushouder of an open case)', async (userId, tx) => {
    // A case must never be left without the person responsible for it: the team names a successor first.
    const open = await ctx.repos.cases.countOpenAsCasushouder(userId, tx);
    if (open > 0) throw new HttpError(409, 'casushouder-has-open-cases', { count: open });
    await ctx.repos.staff.setDeactivated(userId, ctx.now(), tx);
    await ctx.repos.accountLinks.revokeForUser(userId, 'password-reset', ctx.now(), tx);
  });
  accountAction('/api/staff/:userId/reactivate', 'staff.reactivate', 'Reactivate a deactivated account', async (userId, tx) => {
    await ctx.repos.staff.setDeactivated(userId, null, tx);
  });
  accountAction('/api/staff/:userId/second-factor-reset', 'staff.second-factor.reset', 'Forget the second factor: the person enrols again at the next sign-in', async (userId, tx) => {
    await ctx.repos.staff.resetSecondFactor(userId, tx);
  });

  api.post('/api/staff/:userId/password-reset', {
    config: { action: 'staff.password.reset', resource: staffMember },
    schema: {
      tags: ['staff'],
      summary: 'Send the person a link to set a new password; their sessions end',
      params: userIdParams,
      body: z.object({}).optional(),
      response: { 201: linkResponse, ...errors },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const target = (await ctx.repos.users.findById(request.params.userId))!;
      const school = (await ctx.repos.boards.findSchool(scope.schoolId))!;
      const link = await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.accountLinks.revokeForUser(target.id, 'password-reset', ctx.now(), tx);
        const issued = await issueAccountLink(
          ctx,
          { kind: 'password-reset', boardId: target.boardId, schoolId: scope.schoolId, userId: target.id, email: target.email, name: target.name, roles: [], createdBy: scope.userId },
          tx,
        );
        await auditRequest(ctx, request, { action: 'staff.password.reset', outcome: 'success', subjectId: target.id }, tx);
        return issued;
      });
      await ctx.repos.sessions.deleteForUser(target.id);
      return reply.code(201).send(await deliverAccountLink(ctx, link, { email: target.email, name: target.name, schoolName: school.name, kind: 'password-reset' }));
    },
  });

  api.get('/api/staff/:userId/sessions', {
    config: { action: 'staff.sessions.list', resource: staffMember },
    schema: { tags: ['staff'], summary: "A person's active sessions", params: userIdParams, response: { 200: staffSessionsResponse, ...errors } },
    handler: async (request) => {
      const sessions = await ctx.repos.sessions.listForUser(request.params.userId);
      await auditRequest(ctx, request, { action: 'staff.sessions.list', outcome: 'success', subjectId: request.params.userId });
      return {
        sessions: sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), complete: s.stage === 'full' })),
      };
    },
  });

  api.post('/api/staff/:userId/sessions/:sessionId/revoke', {
    config: { action: 'staff.sessions.revoke', resource: staffMember },
    schema: { tags: ['staff'], summary: 'End one of a person\'s sessions', params: sessionParams, body: z.object({}).optional(), response: { 200: done, ...errors } },
    handler: async (request) => {
      if (!(await ctx.repos.sessions.deleteOfUser(request.params.sessionId, request.params.userId))) throw notFound();
      await auditRequest(ctx, request, { action: 'staff.sessions.revoke', outcome: 'success', subjectId: request.params.userId });
      return { ok: true as const };
    },
  });
}
