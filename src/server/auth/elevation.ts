import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import type { RequestIdentity } from '../http/request-types.js';
import { acceptFreshTotp, MAX_FAILED_CODES } from './second-factor.js';

/** How long a fresh TOTP code lets a person change others' access, export or break the glass. */
export const ELEVATION_MS = 5 * 60 * 1000;

/** A fresh TOTP code elevates the session for a few minutes. */
export async function elevateSession(ctx: AppContext, request: FastifyRequest, identity: RequestIdentity, code: string): Promise<{ elevatedUntil: string }> {
  if (!(await acceptFreshTotp(ctx, identity.user, code))) {
    await auditRequest(ctx, request, { action: 'auth.elevate', outcome: 'failure', subjectId: identity.user.id });
    // As at sign-in: five wrong codes end the session, so a stolen session cannot guess its way up.
    if ((await ctx.repos.sessions.recordFailedCode(identity.session.id)) >= MAX_FAILED_CODES) {
      await ctx.repos.sessions.delete(identity.session.id);
      throw new HttpError(401, 'too-many-codes');
    }
    throw new HttpError(400, 'invalid-fresh-code');
  }
  const until = new Date(ctx.now().getTime() + ELEVATION_MS);
  await ctx.repos.sessions.elevate(identity.session.id, until);
  await auditRequest(ctx, request, { action: 'auth.elevate', outcome: 'success', subjectId: identity.user.id });
  return { elevatedUntil: until.toISOString() };
}
