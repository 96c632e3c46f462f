import type { FastifyRequest } from 'fastify';
import type { Resource } from '../../domain/access/resources.js';
import type { AppContext } from '../app-context.js';
import { scopeOf } from '../http/scope.js';

/** A pupil of the acting school, from the path, as the policy sees them; null (404) when there is none. */
export function pupilFromPath(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Resource | null> => {
    const scope = scopeOf(request);
    const { pupilId } = request.params as { pupilId: string };
    const pupil = await ctx.repos.pupils.find(scope, pupilId);
    if (!pupil) return null;
    // Who is on an open case about the pupil may read the pupil page (an SMW sees no other pupils).
    const caseMemberUserIds = await ctx.repos.cases.memberUserIdsForPupil(scope.schoolId, pupilId);
    return { kind: 'pupil', schoolId: scope.schoolId, groupIds: pupil.groupId ? [pupil.groupId] : [], caseMemberUserIds };
  };
}
