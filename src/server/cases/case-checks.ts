import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { agreementBody, kindcheckBody, RecordedEntry, signalBody, taskBody } from '../../contract/cases.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import type { Scope } from '../../db/scope.js';
import { namesInAdviceText } from '../../domain/cases/anonymous-advice.js';
import { isStaffRouteDuty } from '../../domain/cases/case-route.js';
import { mayChangeClosedCase, type CaseChange } from '../../domain/cases/closing.js';
import { findTask } from '../../domain/cases/protocol/protocol.js';
import { validateBodyMap } from '../../domain/cases/signals/body-map.js';
import { isSignalItemId } from '../../domain/cases/signals/signal-catalogue.js';
import type { AppContext } from '../app-context.js';
import { HttpError } from '../http/http-error.js';

/** A closed case is read-only: anything but reopening answers 409 and changes nothing. */
export function requireChangeable(c: CaseWithAccess, change: CaseChange): void {
  if (c.phase === 'closed' && !mayChangeClosedCase(change)) throw new HttpError(409, 'case-closed');
}

/**
 * The checks of an entry that need the case's data (its route version, the pupil's guardians, the
 * school's staff). The body's shape is checked by the contract before this runs.
 */
export async function checkEntry(ctx: AppContext, request: FastifyRequest, c: CaseWithAccess, scope: Scope, entry: RecordedEntry): Promise<void> {
  switch (entry.kind) {
    case 'signal':
      return checkSignal(entry.body);
    case 'task':
      return checkTask(ctx, c, scope, entry.body);
    case 'parent-conversation': {
      const guardians = new Set((await ctx.repos.pupils.guardians(c.pupilId)).map((g) => g.id));
      if (entry.body.guardianIds.some((g) => !guardians.has(g))) throw new HttpError(400, 'unknown-guardian', {}, { field: 'guardianIds' });
      return;
    }
    case 'veilig-thuis-advice':
      return checkAnonymous(ctx, c, scope, { advice: entry.body.advice, advisorName: entry.body.advisorName });
    case 'kindcheck':
      return checkKindcheck(entry.body);
    case 'agreement':
      return checkOwner(ctx, request, c, scope, entry.body.ownerUserId);
    case 'pupil-conversation':
    case 'consultation':
      return;
  }
}

/** A signal's own checks (no data needed): catalogue items that exist, a body map within limits. */
export function checkSignal(body: z.output<typeof signalBody>): void {
  const unknown = body.signalItemIds.find((id) => !isSignalItemId(id));
  if (unknown) throw new HttpError(400, 'unknown-signal-item', {}, { field: 'signalItemIds' });
  if (validateBodyMap(body.bodyMap).length > 0) throw new HttpError(400, 'invalid-body-map', {}, { field: 'bodyMap' });
}

function checkKindcheck(body: z.output<typeof kindcheckBody>): void {
  if (body.parentSignalItemIds.some((id) => !isSignalItemId(id))) throw new HttpError(400, 'unknown-signal-item', {}, { field: 'parentSignalItemIds' });
}

async function checkTask(ctx: AppContext, c: CaseWithAccess, scope: Scope, body: z.output<typeof taskBody>): Promise<void> {
  if (body.outcome === 'not-applicable' && !body.note) throw new HttpError(400, 'reason-required', {}, { field: 'note' });
  if (c.route === 'staff') {
    if (!isStaffRouteDuty(body.taskId)) throw new HttpError(400, 'unknown-task', {}, { field: 'taskId' });
    return;
  }
  const version = c.protocolVersionId ? await ctx.repos.protocols.byId(scope, c.protocolVersionId) : null;
  if (!version || !findTask(version.content, body.taskId)) throw new HttpError(400, 'unknown-task', {}, { field: 'taskId' });
}

/** The advice of Veilig Thuis is anonymous: no name of the pupil or a guardian in its record. */
async function checkAnonymous(ctx: AppContext, c: CaseWithAccess, scope: Scope, fields: Record<string, string | null>): Promise<void> {
  const pupil = await ctx.repos.pupils.find(scope, c.pupilId);
  const guardians = await ctx.repos.pupils.guardians(c.pupilId);
  const names = [...(pupil ? [pupil.callName, pupil.givenNames, pupil.surname] : []), ...guardians.map((g) => g.name)];
  for (const [field, text] of Object.entries(fields)) {
    const found = text ? namesInAdviceText(text, names) : [];
    if (found.length > 0) throw new HttpError(400, 'name-in-anonymous-advice', {}, { field });
  }
}

/** An agreement's owner works at the case's school (or, on the staff route, is on the case). */
export async function checkOwner(ctx: AppContext, _request: FastifyRequest, c: CaseWithAccess, scope: Scope, ownerUserId: string, field = 'ownerUserId'): Promise<void> {
  if (c.team.some((m) => m.userId === ownerUserId) || c.startedBy === ownerUserId) return;
  const member = await ctx.repos.staff.find(scope, ownerUserId);
  if (!member || member.deactivatedAt) throw new HttpError(400, 'unknown-agreement-owner', {}, { field });
}

export type AgreementBody = z.output<typeof agreementBody>;
