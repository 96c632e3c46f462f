import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.js';
import { sessionLiveness } from '../../domain/auth/session-lifetime.js';
import type { SessionRecord } from '../../db/repositories/sessions-repository.js';
import type { MembershipRecord, UserRecord } from '../../db/repositories/users-repository.js';
import type { AppContext } from '../app-context.js';
import { negotiateLanguage } from '../i18n/translate.js';
import { hashToken, readSessionToken } from './session-token.js';

const ANONYMOUS: Actor = { kind: 'anonymous' };

// Writing last_seen_at on every request costs a write each; a minute's precision is plenty for a 30-minute idle limit.
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Finds the session behind the request's cookie, ends it if it has expired, and sets `request.actor`. */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('identity', null);
  app.decorateRequest('language', 'nl');

  app.addHook('onRequest', async (request) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    request.actor = ANONYMOUS;
    request.identity = null;
    if (!request.url.startsWith('/api/')) return;
    await identify(request, ctx);
  });
}

async function identify(request: FastifyRequest, ctx: AppContext): Promise<void> {
  const token = readSessionToken(request, ctx.config);
  if (!token) return;
  const session = await ctx.repos.sessions.findByTokenHash(hashToken(token));
  if (!session) return;
  const now = ctx.now();
  if (sessionLiveness(session, now, ctx.sessionLifetime) !== 'alive') {
    await ctx.repos.sessions.delete(session.id);
    return;
  }
  const user = await ctx.repos.users.findById(session.userId);
  if (!user || user.deactivatedAt) {
    await ctx.repos.sessions.delete(session.id);
    return;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.repos.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  request.identity = { session, user };
  request.actor = await actorFor(ctx, session, user);
}

/** The actor the access policy judges: the person, their memberships and groups, at the school they act for. */
export async function actorFor(ctx: AppContext, session: SessionRecord, user: UserRecord, loaded?: readonly MembershipRecord[]): Promise<Actor> {
  const full = session.stage === 'full';
  const [memberships, groupIds] = full
    ? await Promise.all([loaded ?? ctx.repos.users.memberships(user.id), session.schoolId ? ctx.repos.groups.groupIdsOfTeacher(user.id, session.schoolId) : []])
    : [[], []];
  return {
    kind: 'user',
    userId: user.id,
    boardId: user.boardId,
    stage: session.stage,
    schoolId: session.schoolId,
    memberships: memberships.map((m) => ({ schoolId: m.schoolId, role: m.role })),
    groupIds,
    elevatedUntil: session.elevatedUntil,
  };
}
