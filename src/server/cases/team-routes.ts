import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { breakGlassRequest, caseParams, decisionRequest, teamCandidatesResponse, teamRequest } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import type { Scope } from '../../db/scope.js';
import { afterTeamFormed, decideEscalation, type DecisionProblem } from '../../domain/cases/case-progress.js';
import { checkTeam, isEmptyChange, mayTakeTeamRole, proposeCasushouder, teamChange, teamRoleFor, type TeamMember, type TeamProblem } from '../../domain/cases/case-team.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import type { MessageKey } from '../i18n/messages.js';
import { notify } from '../notifications/notify.js';
import { schoolDate } from '../pupils/school-date.js';
import { checkOwner, requireChangeable } from './case-checks.js';
import { caseFromPath, caseScope, loadedCase, progressOf } from './case-resource.js';
import { scheduleAgreementReminder } from './due-reminders.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const ok = z.object({ ok: z.literal(true) });

const TEAM_PROBLEM: Record<TeamProblem['code'], MessageKey> = {
  'no-casushouder': 'team-no-casushouder',
  'casushouder-role': 'team-casushouder-role',
  'casushouder-not-on-team': 'team-casushouder-not-on-team',
  'duplicate-member': 'team-duplicate-member',
};
const DECISION_PROBLEM: Record<DecisionProblem['code'], MessageKey> = {
  'not-meldcode': 'decision-not-meldcode',
  'not-escalated': 'decision-not-escalated',
  closed: 'case-closed',
  'reasoning-required': 'reason-required',
  'monitoring-required': 'decision-monitoring-required',
  'due-date-in-past': 'decision-due-in-past',
};


/** The people who may be put on the case's team, with the team role they would take. */
async function candidates(ctx: AppContext, c: CaseWithAccess, scope: Scope) {
  const staff = (await ctx.repos.staff.list(scope)).filter((m) => !m.deactivatedAt);
  const onCase = new Set([c.startedBy, ...c.team.map((m) => m.userId)]);
  const fromSchool = staff.flatMap((m) => {
    const role = teamRoleFor(m.roles);
    if (!role) return [];
    // On the staff route only directie can be added from the school (by the board); the one who raised it is already in.
    if (c.route === 'staff' && role !== 'director' && !onCase.has(m.userId)) return [];
    return [{ userId: m.userId, name: m.name, roles: m.roles as string[], suggestedTeamRole: role }];
  });
  const fromBoard = c.route === 'staff' ? (await ctx.repos.staff.boardMembers(c.boardId)).map((b) => ({ ...b, roles: ['board'], suggestedTeamRole: 'board' as const })) : [];
  return [...fromBoard, ...fromSchool];
}

export function registerCaseTeamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onCase = caseFromPath(ctx);

  api.get('/api/cases/:caseId/team-candidates', {
    config: { action: 'case.escalate', resource: onCase },
    schema: { tags: ['cases'], summary: 'Who can join the intervention team, and the proposed casushouder (the IB\'er, as the school\'s principles say)', params: caseParams, response: { 200: teamCandidatesResponse, ...errors } },
    handler: async (request) => {
      const c = loadedCase(request);
      const list = await candidates(ctx, c, caseScope(request, c));
      const proposal = c.casushouderId ?? proposeCasushouder(list.map((m) => ({ userId: m.userId, teamRole: m.suggestedTeamRole })));
      return { candidates: list, proposedCasushouderId: c.route === 'meldcode' ? proposal : null };
    },
  });

  api.put('/api/cases/:caseId/team', {
    config: { action: 'case.escalate', resource: onCase },
    schema: { tags: ['cases'], summary: 'Form or change the intervention team and choose the casushouder (escalates to step 3)', params: caseParams, body: teamRequest, response: { 200: ok, ...errors } },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.escalate');
      const candidateList = await candidates(ctx, c, scope);
      const allowed = new Map(candidateList.map((m) => [m.userId, m.roles]));
      // Names go into the event, so the timeline can name someone who has since left the team.
      const names = new Map([...c.team, ...candidateList].map((m) => [m.userId, m.name]));
      const named = (m: TeamMember) => ({ ...m, name: names.get(m.userId) ?? null });
      const members: TeamMember[] = request.body.members;
      for (const m of members) {
        const roles = allowed.get(m.userId);
        if (!roles || !mayTakeTeamRole(roles, m.teamRole)) throw new HttpError(400, 'team-member-not-staff', {}, { field: 'members' });
      }
      const casushouderId = request.body.casushouderId;
      if (c.route === 'meldcode') {
        const problem = checkTeam(members, casushouderId)[0];
        if (problem) throw new HttpError(400, TEAM_PROBLEM[problem.code], {}, { field: problem.code === 'duplicate-member' ? 'members' : 'casushouderId' });
      }
      const change = teamChange(c.team, members, c.casushouderId, c.route === 'meldcode' ? casushouderId : null);
      if (isEmptyChange(change)) return { ok: true as const };
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        const keep = new Set(members.map((m) => m.userId));
        await ctx.repos.cases.removeTeamMembers(c.id, c.team.filter((m) => !keep.has(m.userId)).map((m) => m.userId), tx);
        await ctx.repos.cases.addTeamMembers(c.id, members, scope.userId, at, tx);
        if (c.route === 'meldcode' && casushouderId) {
          const progress = afterTeamFormed(progressOf(c), casushouderId);
          await ctx.repos.cases.setProgress(c.id, progress, at, tx);
        } else await ctx.repos.cases.touch(c.id, at, tx);
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: randomUUID(), version: 1, kind: 'team-change', body: { ...change, added: change.added.map(named), removed: change.removed.map(named) }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        for (const m of change.added) if (m.userId !== scope.userId) await notify(ctx, { userId: m.userId, schoolId: c.schoolId, kind: 'case.team-added', caseId: c.id }, tx);
        if (change.casushouder?.to && change.casushouder.to !== scope.userId) await notify(ctx, { userId: change.casushouder.to, schoolId: c.schoolId, kind: 'case.casushouder-assigned', caseId: c.id }, tx);
        await auditRequest(ctx, request, { action: 'case.team.update', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId }, tx);
      });
      return { ok: true as const };
    },
  });

  api.post('/api/cases/:caseId/decision', {
    config: { action: 'case.decide', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Step 3: "so serious that we report at once" (to step 5) or "no report now" with monitoring agreements, with the reasoning',
      params: caseParams,
      body: decisionRequest,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.decide');
      const { decision, reasoning } = request.body;
      const monitoring = decision === 'no-report-now' ? request.body.monitoring : [];
      const outcome = decideEscalation(progressOf(c), decision, reasoning, monitoring, schoolDate(ctx.now()));
      if (outcome.kind === 'invalid') {
        const problem = outcome.problems[0]!;
        throw new HttpError(400, DECISION_PROBLEM[problem.code], {}, { field: problem.code === 'reasoning-required' ? 'reasoning' : 'monitoring' });
      }
      for (const [index, m] of monitoring.entries()) await checkOwner(ctx, request, c, scope, m.ownerUserId, `monitoring.${index}.ownerUserId`);
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.setProgress(c.id, outcome.progress, at, tx);
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: randomUUID(), version: 1, kind: 'escalation-decision', body: { decision, reasoning, step: outcome.progress.step }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        for (const m of monitoring) {
          const entryId = randomUUID();
          const body = { what: m.what, ownerUserId: m.ownerUserId, dueOn: m.dueOn, purpose: 'monitoring' as const, done: false };
          await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId, version: 1, kind: 'agreement', body, recordedBy: scope.userId, recordedAt: at, correctionReason: null }, tx);
          await scheduleAgreementReminder(ctx, { ...body, entryId, caseId: c.id, schoolId: c.schoolId }, tx);
        }
        await auditRequest(ctx, request, { action: 'case.decide', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: decision }, tx);
      });
      return { ok: true as const };
    },
  });

  api.post('/api/cases/:caseId/break-glass', {
    config: { action: 'case.break-glass', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Emergency access to a case one is not on: a reason and a fresh code; flagged to the casushouder and shown on the case',
      params: caseParams,
      body: breakGlassRequest,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      const at = ctx.now().toISOString();
      // Flagged to the casushouder; before there is one, to the team's aandachtsfunctionarissen.
      const flagTo = c.casushouderId ? [c.casushouderId] : c.team.filter((m) => m.teamRole === 'aandachtsfunctionaris' || m.teamRole === 'ib').map((m) => m.userId);
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.addBreakGlass({ id: randomUUID(), caseId: c.id, userId: scope.userId, reason: request.body.reason, openedAt: at }, tx);
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId: randomUUID(), version: 1, kind: 'break-glass', body: { reason: request.body.reason }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        for (const userId of flagTo) await notify(ctx, { userId, schoolId: c.schoolId, kind: 'case.break-glass', caseId: c.id }, tx);
        await auditRequest(ctx, request, { action: 'case.break-glass', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId }, tx);
      });
      return { ok: true as const };
    },
  });
}
