import type { FastifyRequest } from 'fastify';
import type { Resource } from '../../domain/access/resources.js';
import type { AppContext } from '../app-context.js';
import { scopeOf } from '../http/scope.js';

/** The school the person acts for, as the resource of a school-wide action. */
export function actingSchool(request: FastifyRequest): Resource {
  return { kind: 'school', schoolId: scopeOf(request).schoolId };
}

/** A member of staff of the acting school, from the path; null (404) when they do not work there. */
export function staffMemberFromPath(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Resource | null> => {
    const scope = scopeOf(request);
    const { userId } = request.params as { userId: string };
    const member = await ctx.repos.staff.find(scope, userId);
    const user = member ? await ctx.repos.users.findById(member.userId) : null;
    return user ? { kind: 'staff-member', schoolId: scope.schoolId, userId: user.id, boardId: user.boardId } : null;
  };
}
