import type { FastifyRequest } from 'fastify';
import type { AccessRequestRecord } from '../../db/repositories/access-requests-repository.js';
import type { Resource } from '../../domain/access/resources.js';
import type { AppContext } from '../app-context.js';
import { notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';

const loaded = new WeakMap<FastifyRequest, AccessRequestRecord>();

/** The pupil as the policy sees them, or null when the acting school has no such pupil. */
async function pupilResource(ctx: AppContext, request: FastifyRequest, pupilId: string): Promise<Resource | null> {
  const scope = scopeOf(request);
  const pupil = await ctx.repos.pupils.find(scope, pupilId);
  if (!pupil) return null;
  const caseMemberUserIds = await ctx.repos.cases.memberUserIdsForPupil(scope.schoolId, pupilId);
  return { kind: 'pupil', schoolId: scope.schoolId, groupIds: pupil.groupId ? [pupil.groupId] : [], caseMemberUserIds };
}

/**
 * The access request in the path, within the acting school; the policy decides on its pupil. An
 * id of another school's request is a 404, like one that does not exist.
 */
export function accessRequestFromPath(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Resource | null> => {
    const { requestId } = request.params as { requestId: string };
    const found = await ctx.repos.accessRequests.find(scopeOf(request), requestId);
    if (!found) return null;
    loaded.set(request, found);
    return pupilResource(ctx, request, found.pupilId);
  };
}

/** The access request the access check loaded for this request. */
export function loadedAccessRequest(request: FastifyRequest): AccessRequestRecord {
  const found = loaded.get(request);
  if (!found) throw notFound();
  return found;
}
