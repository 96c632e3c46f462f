import type { MeResponse } from '../../contract/auth.js';
import { abilities, type Resource } from '../../domain/access/policy.js';
import type { AppContext } from '../app-context.js';
import { actorFor } from './authenticate.js';
import { HttpError } from '../http/http-error.js';
import type { RequestIdentity } from '../http/request-types.js';

/** What the signed-in person may know about themselves and their session, picked field by field. */
export async function presentMe(ctx: AppContext, identity: RequestIdentity): Promise<MeResponse> {
  const { user, session } = identity;
  const here: Resource = session.schoolId ? { kind: 'school', schoolId: session.schoolId } : { kind: 'none' };
  const [board, memberships] = await Promise.all([ctx.repos.boards.findBoard(user.boardId), ctx.repos.users.memberships(user.id)]);
  // Rebuilt rather than taken from the request: after a school switch the request's actor is stale.
  const actor = await actorFor(ctx, session, user, memberships);
  if (!board) throw new HttpError(401, 'unauthenticated');
  const school = session.schoolId ? await ctx.repos.boards.findSchool(session.schoolId) : null;
  const roles = memberships.filter((m) => m.schoolId === session.schoolId).map((m) => m.role);
  const lastSeen = session.lastSeenAt.getTime();
  return {
    user: { id: user.id, name: user.name, email: user.email },
    board: { id: board.id, name: board.name },
    school: school ? { id: school.id, name: school.name } : null,
    roles,
    memberships: memberships.map((m) => ({ schoolId: m.schoolId, schoolName: m.schoolName, role: m.role })),
    abilities: {
      ...abilities(actor, ['staff.list', 'groups.list', 'groups.manage', 'school.settings.read', 'school.settings.update', 'staff.invite', 'sso.providers.manage', 'pupils.import', 'pupils.manage', 'preventive.overview', 'case.list', 'case.list.board', 'retention.overview', 'statistics.school', 'case.export.verify'] as const, here, ctx.now()),
      // The board's figures are on the board, not on the school one acts for.
      ...abilities(actor, ['statistics.board'] as const, { kind: 'board', boardId: user.boardId }, ctx.now()),
    },
    session: {
      elevatedUntil: session.elevatedUntil && session.elevatedUntil > ctx.now() ? session.elevatedUntil.toISOString() : null,
      expiresAt: new Date(session.createdAt.getTime() + ctx.sessionLifetime.absoluteMs).toISOString(),
      idleExpiresAt: new Date(lastSeen + ctx.sessionLifetime.idleMs).toISOString(),
    },
  };
}
