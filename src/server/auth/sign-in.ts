import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { judgeSignInAttempt } from '../../domain/auth/sign-in-throttle.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import { hashForUnknownAccount, verifyPassword } from './password-hashing.js';
import { newSessionToken, setSessionCookie } from './session-token.js';

function accountSubject(email: string): string {
  // The e-mail itself is not kept in the throttle table; its hash is enough to count.
  return `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

function addressSubject(address: string): string {
  return `address:${address}`;
}

/**
 * Checks e-mail and password. A wrong password, an unknown address and a deactivated account get
 * the same answer after the same work; too many failures lock the account and the address for a while.
 */
export async function signInWithPassword(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { email: string; password: string },
): Promise<{ next: 'totp' | 'enrol-totp' }> {
  const now = ctx.now();
  const account = accountSubject(credentials.email);
  const address = addressSubject(request.ip);
  const since = new Date(now.getTime() - ctx.signInThrottle.windowMs);
  const [accountFailures, addressFailures] = await Promise.all([
    ctx.repos.signInFailures.countSince(account, since),
    ctx.repos.signInFailures.countSince(address, since),
  ]);
  const verdict = judgeSignInAttempt(
    {
      account: accountFailures.count,
      address: addressFailures.count,
      oldestCountedAt: accountFailures.count >= ctx.signInThrottle.maxFailuresPerAccount ? accountFailures.oldest : addressFailures.oldest,
    },
    now,
    ctx.signInThrottle,
  );
  const user = await ctx.repos.users.findByEmail(credentials.email);
  if (!verdict.allowed) {
    await auditRequest(ctx, request, { action: 'auth.login', outcome: 'denied', subjectId: user?.id ?? null });
    const minutes = Math.max(1, Math.ceil(verdict.retryAfterMs / 60000));
    throw new HttpError(429, 'too-many-attempts', { minutes }, { headers: { 'retry-after': String(Math.ceil(verdict.retryAfterMs / 1000)) } });
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await hashForUnknownAccount()), credentials.password);
  if (!user || !passwordOk || user.deactivatedAt) {
    await ctx.repos.signInFailures.record([account, address], now);
    await auditRequest(ctx, request, { action: 'auth.login', outcome: 'failure', subjectId: user?.id ?? null, boardId: user?.boardId ?? null });
    throw new HttpError(401, 'invalid-credentials');
  }

  await ctx.repos.signInFailures.clear(account);
  const enrolled = user.totpConfirmedAt !== null && user.totpSecret !== null;
  const stage = enrolled ? 'second-factor' : 'enrol';
  const { token, hash } = newSessionToken();
  await ctx.repos.sessions.create({ id: randomUUID(), tokenHash: hash, userId: user.id, stage, schoolId: null, at: now });
  setSessionCookie(reply, ctx.config, token);
  await auditRequest(ctx, request, { action: 'auth.login', outcome: 'success', actorUserId: user.id, subjectId: user.id, boardId: user.boardId });
  return { next: enrolled ? 'totp' : 'enrol-totp' };
}
