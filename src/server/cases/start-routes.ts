import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { startCaseRequest, startCaseResponse } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { pupilParams } from '../../contract/pupils.js';
import { initialProgress } from '../../domain/cases/case-progress.js';
import { routeForWorry } from '../../domain/cases/case-route.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { notify } from '../notifications/notify.js';
import { pupilFromPath } from '../pupils/pupil-resource.js';
import { checkSignal } from './case-checks.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export function registerCaseStartRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/pupils/:pupilId/cases', {
    config: { action: 'case.start', resource: pupilFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'Start a case about a pupil with its first signal: the meldcode route (home situation) or the staff route (a member of staff)',
      params: pupilParams,
      body: startCaseRequest,
      response: { 201: startCaseResponse, ...errors },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const actor = request.actor;
      if (actor.kind !== 'user') throw new HttpError(401, 'unauthenticated');
      const choice = routeForWorry(request.body.worry);
      if (choice.kind === 'not-a-case') throw new HttpError(400, 'not-a-meldcode-case', {}, { field: 'worry' });
      const route = choice.route;
      const pupilId = request.params.pupilId;
      const caseId = randomUUID();
      const at = ctx.now();
      const atIso = at.toISOString();
      const board = (await ctx.repos.boards.findSchool(scope.schoolId))!;
      const staff = await ctx.repos.staff.list(scope);
      const ibs = staff.filter((m) => m.roles.includes('ib') && !m.deactivatedAt && m.userId !== actor.userId);
      const starterIsIb = staff.some((m) => m.userId === actor.userId && m.roles.includes('ib'));
      const boardMembers = route === 'staff' ? await ctx.repos.staff.boardMembers(board.boardId) : [];
      const progress = initialProgress(route);
      checkSignal(request.body.firstSignal);

      await ctx.db.kysely.transaction().execute(async (tx) => {
        const protocol = route === 'meldcode' ? await ctx.repos.protocols.current(scope, at, tx) : null;
        await ctx.repos.cases.create(
          { id: caseId, schoolId: scope.schoolId, boardId: board.boardId, pupilId, route, protocolVersionId: protocol?.id ?? null, step: progress.step, phase: progress.phase, startedBy: actor.userId, startedAt: atIso },
          tx,
        );
        // The school's IB'ers are its aandachtsfunctionaris: on every meldcode case from the start.
        if (route === 'meldcode') {
          const team = [...ibs.map((m) => ({ userId: m.userId, teamRole: 'aandachtsfunctionaris' as const })), ...(starterIsIb ? [{ userId: actor.userId, teamRole: 'aandachtsfunctionaris' as const }] : [])];
          await ctx.repos.cases.addTeamMembers(caseId, team, actor.userId, atIso, tx);
        }
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId, schoolId: scope.schoolId, entryId: randomUUID(), version: 1, kind: 'case-started', body: { route, worry: request.body.worry, protocolVersion: protocol?.version ?? null }, recordedBy: actor.userId, recordedAt: atIso, correctionReason: null },
          tx,
        );
        const signalId = randomUUID();
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId, schoolId: scope.schoolId, entryId: signalId, version: 1, kind: 'signal', body: request.body.firstSignal, recordedBy: actor.userId, recordedAt: atIso, correctionReason: null },
          tx,
        );
        const notified = route === 'meldcode' ? ibs.map((m) => m.userId) : boardMembers.map((m) => m.userId).filter((id) => id !== actor.userId);
        for (const userId of notified) await notify(ctx, { userId, schoolId: scope.schoolId, kind: 'case.started', caseId }, tx);
        await auditRequest(ctx, request, { action: 'case.start', outcome: 'success', pupilId, caseId, subjectId: route }, tx);
        await auditRequest(ctx, request, { action: 'case.entry.record', outcome: 'success', pupilId, caseId, subjectId: signalId }, tx);
      });
      return reply.code(201).send({ id: caseId });
    },
  });
}
