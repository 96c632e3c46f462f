import type { FastifyRequest } from 'fastify';
import type { CaseSummary } from '../../contract/cases.js';
import type { CaseListItem } from '../../db/repositories/cases-repository.js';
import { decide } from '../../domain/access/policy.js';
import type { AppContext } from '../app-context.js';

/** A case in a list: who, where it stands, no content. */
export function summary(c: CaseListItem): CaseSummary {
  return {
    id: c.id,
    route: c.route,
    pupil: { id: c.pupilId, displayName: c.pupilName, groupName: c.groupName },
    schoolName: c.schoolName,
    step: c.step,
    phase: c.phase,
    casushouderName: c.casushouderName,
    startedAt: c.startedAt,
    updatedAt: c.updatedAt,
  };
}

/** Only the cases the policy lets this person open (a list never names more). */
export function readable(ctx: AppContext, request: FastifyRequest, cases: CaseListItem[]): CaseListItem[] {
  return cases.filter(
    (c) =>
      decide(
        request.actor,
        'case.read',
        { kind: 'case', schoolId: c.schoolId, boardId: c.boardId, route: c.route, startedBy: c.startedBy, teamUserIds: c.teamUserIds, casushouderId: c.casushouderId, breakGlassUserIds: [] },
        ctx.now(),
      ).allowed,
  );
}
