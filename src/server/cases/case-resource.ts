import type { FastifyRequest } from 'fastify';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import type { Resource } from '../../domain/access/resources.js';
import type { CaseProgress } from '../../domain/cases/case-progress.js';
import type { AppContext } from '../app-context.js';
import { notFound } from '../http/http-error.js';

const loaded = new WeakMap<FastifyRequest, CaseWithAccess>();

/** The case as the access policy sees it. */
export function caseResource(c: CaseWithAccess): Resource {
  return {
    kind: 'case',
    schoolId: c.schoolId,
    boardId: c.boardId,
    route: c.route,
    startedBy: c.startedBy,
    teamUserIds: c.team.map((m) => m.userId),
    casushouderId: c.casushouderId,
    breakGlassUserIds: c.breakGlass.map((b) => b.userId),
  };
}

/**
 * The case in the path, looked up within the acting school (or, for the staff route, the board),
 * for the policy to decide on. The handler reuses what was loaded.
 */
export function caseFromPath(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Resource | null> => {
    const actor = request.actor;
    if (actor.kind !== 'user') return null;
    const { caseId } = request.params as { caseId: string };
    const found = await ctx.repos.cases.find({ schoolId: actor.schoolId, boardId: actor.boardId }, caseId);
    if (!found) return null;
    loaded.set(request, found);
    return caseResource(found);
  };
}

/** Where the case stands, as the domain's step rules take it. */
export function progressOf(c: CaseWithAccess): CaseProgress {
  return { route: c.route, step: c.step, phase: c.phase, casushouderId: c.casushouderId };
}

/** The case the access check loaded for this request. */
export function loadedCase(request: FastifyRequest): CaseWithAccess {
  const found = loaded.get(request);
  if (!found) throw notFound();
  return found;
}

/** The scope of the case's own school (a board member has no acting school of their own). */
export function caseScope(request: FastifyRequest, c: CaseWithAccess) {
  const actor = request.actor;
  return { schoolId: c.schoolId, userId: actor.kind === 'user' ? actor.userId : '' };
}
