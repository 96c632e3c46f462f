import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessLogAvailableResponse, caseAccessLogResponse, type AccessFlagBody, type CaseAccessLogResponse } from '../../contract/case-access-log.js';
import { caseParams } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { ACCESS_LOG_READ_ACTION, CASE_OPENING_ACTIONS, opensCase } from '../../domain/audit/access-actions.js';
import { accessLog } from '../../domain/audit/access-log.js';
import { BULK_CASE_COUNT, BULK_WINDOW_MINUTES, bulkWindows } from '../../domain/audit/bulk-access.js';
import { SCHOOL_DAY_ENDS_HOUR, SCHOOL_DAY_STARTS_HOUR } from '../../domain/audit/school-hours.js';
import { teamPeriods } from '../../domain/audit/team-periods.js';
import type { AccessFlag } from '../../domain/audit/unusual-access.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { caseFromPath, loadedCase } from './case-resource.js';

const errors = { 401: errorBody, 403: errorBody, 404: errorBody };

/** The ids of those who joined and left in a team-change entry (its body as the team route writes it). */
function teamChangeOf(body: unknown): { addedUserIds: string[]; removedUserIds: string[] } {
  const ids = (list: unknown) => (Array.isArray(list) ? list.flatMap((m) => (m && typeof m === 'object' && typeof (m as { userId?: unknown }).userId === 'string' ? [(m as { userId: string }).userId] : [])) : []);
  const change = (body ?? {}) as { added?: unknown; removed?: unknown };
  return { addedUserIds: ids(change.added), removedUserIds: ids(change.removed) };
}

function presentFlag(flag: AccessFlag): AccessFlagBody {
  return flag.kind === 'outside-school-hours' ? { kind: flag.kind, reason: flag.reason, holiday: flag.reason === 'holiday' ? flag.holiday : null } : flag;
}

/** "Who saw this file": the case's audit events as lines for people, with unusual access flagged. */
async function presentAccessLog(ctx: AppContext, c: CaseWithAccess): Promise<CaseAccessLogResponse> {
  const [events, current, versions, board] = await Promise.all([
    ctx.repos.caseAccessLog.eventsForCase(c.id),
    ctx.repos.caseAccessLog.currentTeam(c.id),
    ctx.repos.cases.entryVersions(c.id),
    c.route === 'staff' ? ctx.repos.staff.boardMembers(c.boardId) : Promise.resolve([]),
  ]);
  const changes = versions.filter((v) => v.kind === 'team-change').map((v) => ({ at: v.recordedAt, ...teamChangeOf(v.body) }));
  const openingsHere = events.flatMap((e) => (e.actorUserId && opensCase(e.action) ? [{ actorUserId: e.actorUserId, occurredAt: e.occurredAt }] : []));
  const openings = await ctx.repos.caseAccessLog.openingsIn(bulkWindows(openingsHere), CASE_OPENING_ACTIONS);
  const lines = accessLog(events, {
    startedBy: c.startedBy,
    team: teamPeriods({ startedAt: c.startedAt, current, changes }),
    entitledUserIds: board.map((b) => b.userId),
    breakGlass: c.breakGlass.map((b) => ({ userId: b.userId, openedAt: b.openedAt })),
    openings,
  });
  const names = new Map(events.map((e) => [e.actorUserId, e.actorName]));
  return {
    lines: lines.map((line) => ({
      actor: { userId: line.actorUserId, name: names.get(line.actorUserId) ?? null, role: line.actorRole },
      action: line.action,
      actionKey: line.actionKey,
      entryKind: line.entryKind,
      outcome: line.outcome,
      day: line.day,
      firstAt: line.firstAt,
      lastAt: line.lastAt,
      count: line.count,
      flags: line.flags.map(presentFlag),
    })),
    rules: { bulkCaseCount: BULK_CASE_COUNT, bulkWindowMinutes: BULK_WINDOW_MINUTES, schoolDayStartsHour: SCHOOL_DAY_STARTS_HOUR, schoolDayEndsHour: SCHOOL_DAY_ENDS_HOUR },
  };
}

export function registerCaseAccessLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:caseId/access-log', {
    config: { action: 'case.access-log', resource: caseFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'Who saw this file: every person who opened the case and what they did, with unusual access flagged (names, roles, actions and times only). Reading it is audited.',
      params: caseParams,
      response: { 200: caseAccessLogResponse, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      const log = await presentAccessLog(ctx, c);
      await auditRequest(ctx, request, { action: ACCESS_LOG_READ_ACTION, outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId });
      return log;
    },
  });

  // Directie not on the team meets the case as the emergency-access page, which has no abilities:
  // this tells the web, by the same rule, whether to offer the access log there. It reads nothing of the case.
  api.get('/api/cases/:caseId/access-log/available', {
    config: { action: 'case.access-log', resource: caseFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'Whether the viewer may see who saw this file (404 when not); reads nothing of the case and is not audited',
      params: caseParams,
      response: { 200: accessLogAvailableResponse, ...errors },
    },
    handler: async () => ({ available: true as const }),
  });
}
