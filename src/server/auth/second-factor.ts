import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  looksLikeTotpCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
} from '../../domain/auth/recovery-code.js';
import type { UserRecord } from '../../db/repositories/users-repository.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import type { RequestIdentity } from '../http/request-types.js';
import { SecretBox } from '../security/secret-box.js';
import { newSessionToken, setSessionCookie } from './session-token.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

/** Wrong codes a session may send before it ends and the password is asked again. */
export const MAX_FAILED_CODES = 5;

function totpBox(ctx: AppContext): SecretBox {
  return new SecretBox(ctx.secretsKey, 'totp-secret');
}

function recoveryCodeHash(ctx: AppContext, userId: string, canonicalCode: string): string {
  // Keyed, so a copy of the database alone cannot be used to try all 2^49 codes offline.
  return createHmac('sha256', ctx.secretsKey.derive('recovery-code')).update(`${userId}:${canonicalCode}`).digest('hex');
}

/** Starts (or restarts) enrolment: a new secret, kept sealed until a first code confirms it. */
export async function startTotpEnrolment(ctx: AppContext, request: FastifyRequest, identity: RequestIdentity) {
  const secret = newTotpSecret();
  await ctx.repos.users.setPendingTotpSecret(identity.user.id, totpBox(ctx).seal(secret));
  await auditRequest(ctx, request, { action: 'auth.totp.enrol', outcome: 'success', subjectId: identity.user.id, boardId: identity.user.boardId });
  return { secret, otpauthUrl: totpUri(secret, identity.user.email) };
}

/** Checks a TOTP or recovery code and, when right, makes the session fully signed in under a new token. */
export async function verifySecondFactor(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  identity: RequestIdentity,
  rawCode: string,
): Promise<{ recoveryCodes?: string[]; recoveryCodesLeft?: number }> {
  const { user, session } = identity;
  const now = ctx.now();
  const code = rawCode.replace(/\s/g, '');

  if (session.stage === 'enrol') {
    if (!user.totpPendingSecret) throw new HttpError(409, 'enrolment-not-started');
    if (!looksLikeTotpCode(code)) throw new HttpError(400, 'recovery-code-during-enrolment');
    const secret = totpBox(ctx).open(user.totpPendingSecret);
    const step = await verifyTotp(secret, code, now, null);
    if (step === null) return failCode(ctx, request, reply, identity);
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH)));
    const { token, hash } = newSessionToken();
    const schoolId = await defaultSchool(ctx, user.id);
    await ctx.db.kysely.transaction().execute(async (tx) => {
      await ctx.repos.users.confirmTotp(user.id, user.totpPendingSecret!, step, now, tx);
      await ctx.repos.recoveryCodes.replaceAll(
        user.id,
        recoveryCodes.map((c) => ({ id: randomUUID(), hash: recoveryCodeHash(ctx, user.id, normaliseRecoveryCode(c)!) })),
        now,
        tx,
      );
      await ctx.repos.sessions.advance(session.id, { stage: 'full', tokenHash: hash, schoolId, at: now }, tx);
      await auditRequest(ctx, request, { action: 'auth.totp.enrolled', outcome: 'success', actorUserId: user.id, subjectId: user.id, boardId: user.boardId, schoolId }, tx);
    });
    setSessionCookie(reply, ctx.config, token);
    return { recoveryCodes };
  }

  if (!user.totpSecret) throw new HttpError(409, 'enrolment-not-started');
  let recoveryCodesLeft: number | undefined;
  if (looksLikeTotpCode(code)) {
    if (!(await acceptFreshTotp(ctx, user, code))) return failCode(ctx, request, reply, identity);
  } else {
    const canonical = normaliseRecoveryCode(code);
    if (!canonical || !(await ctx.repos.recoveryCodes.use(user.id, recoveryCodeHash(ctx, user.id, canonical), now))) {
      return failCode(ctx, request, reply, identity);
    }
    recoveryCodesLeft = await ctx.repos.recoveryCodes.countUnused(user.id);
  }
  const { token, hash } = newSessionToken();
  const schoolId = await defaultSchool(ctx, user.id);
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await ctx.repos.sessions.advance(session.id, { stage: 'full', tokenHash: hash, schoolId, at: now }, tx);
    await auditRequest(
      ctx,
      request,
      {
        action: recoveryCodesLeft === undefined ? 'auth.second-factor' : 'auth.recovery-code',
        outcome: 'success',
        actorUserId: user.id,
        subjectId: user.id,
        boardId: user.boardId,
        schoolId,
      },
      tx,
    );
  });
  setSessionCookie(reply, ctx.config, token);
  return recoveryCodesLeft === undefined ? {} : { recoveryCodesLeft };
}

/**
 * Whether `code` is the person's current TOTP code and was not used before. Claiming the step
 * refuses a code already used, also by a request racing this one.
 */
export async function acceptFreshTotp(ctx: AppContext, user: UserRecord, code: string): Promise<boolean> {
  if (!user.totpSecret || !looksLikeTotpCode(code)) return false;
  const step = await verifyTotp(totpBox(ctx).open(user.totpSecret), code.replace(/\s/g, ''), ctx.now(), user.totpLastStep);
  return step !== null && (await ctx.repos.users.claimTotpStep(user.id, step));
}

async function failCode(ctx: AppContext, request: FastifyRequest, _reply: FastifyReply, identity: RequestIdentity): Promise<never> {
  const failures = await ctx.repos.sessions.recordFailedCode(identity.session.id);
  await auditRequest(ctx, request, { action: 'auth.second-factor', outcome: 'failure', actorUserId: identity.user.id, subjectId: identity.user.id, boardId: identity.user.boardId });
  if (failures >= MAX_FAILED_CODES) {
    await ctx.repos.sessions.delete(identity.session.id);
    throw new HttpError(401, 'too-many-codes');
  }
  throw new HttpError(401, 'invalid-code');
}

/** The school a person acts for after sign-in: the first of their schools by name; none for the board alone. */
export async function defaultSchool(ctx: AppContext, userId: string): Promise<string | null> {
  const memberships = await ctx.repos.users.memberships(userId);
  return memberships.find((m) => m.schoolId !== null)?.schoolId ?? null;
}
