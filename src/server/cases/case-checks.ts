import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { agreementBody, kindcheckBody, parentConversationPlanBody, RecordedEntry, signalBody, step4ConversationParts, taskBody } from '../../contract/cases.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import type { Scope } from '../../db/scope.js';
import { namesInAdviceText } from '../../domain/cases/anonymous-advice.js';
import { checkRiskAssessment, type RiskAssessmentProblem } from '../../domain/cases/afwegingskader/risk-assessment.js';
import { isStaffRouteDuty } from '../../domain/cases/case-route.js';
import { checkConversationRecord, checkNotHolding, checkPlan, type NotHoldingProblem, type PlanProblem, type RecordPart } from '../../domain/cases/parent-conversation.js';
import { mayChangeClosedCase, type CaseChange } from '../../domain/cases/closing.js';
import { findTask } from '../../domain/cases/protocol/protocol.js';
import { validateBodyMap } from '../../domain/cases/signals/body-map.js';
import { isSignalItemId } from '../../domain/cases/signals/signal-catalogue.js';
import type { AppContext } from '../app-context.js';
import { HttpError } from '../http/http-error.js';
import type { MessageKey } from '../i18n/messages.js';
import { schoolDate } from '../pupils/school-date.js';

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
      if (entry.body.step4) checkStep4Record(ctx, entry.body.heldOn, entry.body.heldBy, entry.body.step4, (await ctx.repos.schoolSettings.get(scope))?.riskIndexName ?? null);
      return;
    }
    case 'parent-conversation-plan':
      return checkConversationPlan(entry.body);
    case 'parent-conversation-not-held': {
      const problem = checkNotHolding(entry.body, schoolDate(ctx.now()))[0];
      if (problem) throw new HttpError(400, NOT_HELD_PROBLEM[problem.code], {}, { field: problem.code.startsWith('attempt') || problem.code === 'too-few-attempts' ? 'attempts' : problem.code.startsWith('reconsider') ? 'reconsiderOn' : problem.code.startsWith('ground') ? 'ground' : 'reasoning' });
      return;
    }
    case 'contact-matrix':
      for (const [index, contact] of entry.body.contacts.entries()) await checkOwner(ctx, request, c, scope, contact.ownerUserId, `contacts.${index}.ownerUserId`);
      return;
    case 'aftercare-review':
      if (entry.body.heldOn && entry.body.heldOn > schoolDate(ctx.now())) throw new HttpError(400, 'date-in-future', {}, { field: 'heldOn' });
      if (entry.body.heldOn && !entry.body.outcome) throw new HttpError(400, 'aftercare-review-outcome-required', {}, { field: 'outcome' });
      return;
    case 'risk-assessment': {
      const { otherNature, ...rest } = entry.body;
      const problem = checkRiskAssessment({ ...rest, ...(otherNature ? { otherNature } : {}) }, schoolDate(ctx.now()))[0];
      if (problem) throw new HttpError(400, 'risk-assessment-invalid', { problem: problem.code }, { field: RISK_FIELD[problem.code] });
      return;
    }
    case 'monitoring-note':
      if (entry.body.observedOn > schoolDate(ctx.now())) throw new HttpError(400, 'date-in-future', {}, { field: 'observedOn' });
      return;
    case 'report-feedback':
      return;
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

const RISK_FIELD: Record<RiskAssessmentProblem['code'], string> = {
  'nature-required': 'natures',
  'unknown-nature': 'natures',
  'duplicate-nature': 'natures',
  'other-description-required': 'otherNature',
  'other-description-without-other': 'otherNature',
  'unknown-severity': 'severity',
  'unknown-risk': 'risk',
  'reasoning-required': 'reasoning',
  'invalid-date': 'assessedOn',
  'date-in-future': 'assessedOn',
  'participants-required': 'participants',
  'blank-participant': 'participants',
};

const PLAN_PROBLEM: Record<PlanProblem['code'], MessageKey> = {
  'kind-required': 'parent-plan-kind-required',
  'holders-required': 'parent-plan-holders-required',
  'holder-twice': 'parent-plan-holders-required',
  'alone-not-possible': 'parent-plan-alone-not-possible',
  'not-safe': 'parent-plan-not-safe',
  'reasoning-required': 'parent-plan-reasoning-required',
  'date-invalid': 'weighing-invalid-date',
};

const NOT_HELD_PROBLEM: Record<NotHoldingProblem['code'], MessageKey> = {
  'ground-required': 'parent-not-held-ground-required',
  'ground-unknown': 'parent-not-held-ground-required',
  'reasoning-required': 'parent-not-held-reasoning-required',
  'reconsider-date-required': 'parent-not-held-reconsider-required',
  'reconsider-date-invalid': 'parent-not-held-reconsider-required',
  'reconsider-date-in-past': 'parent-not-held-reconsider-in-past',
  'attempt-incomplete': 'parent-not-held-attempt-incomplete',
  'attempt-in-future': 'parent-not-held-attempt-incomplete',
  'too-few-attempts': 'parent-not-held-too-few-attempts',
};

/** The team's plan for the parent conversation, by the school's decision aid. */
function checkConversationPlan(plan: z.output<typeof parentConversationPlanBody>): void {
  const problem = checkPlan(plan)[0];
  if (!problem) return;
  const field = problem.code === 'kind-required' ? 'kind' : problem.code === 'reasoning-required' ? 'reasoning' : problem.code === 'date-invalid' ? 'plannedOn' : problem.code === 'not-safe' ? `answers.${problem.question}` : 'holders';
  throw new HttpError(400, PLAN_PROBLEM[problem.code], {}, { field });
}

/** Step 4's record asks every part the meldcode names; the verwijsindex part only where the school uses one. */
function checkStep4Record(ctx: AppContext, heldOn: string, heldBy: string, parts: z.output<typeof step4ConversationParts>, riskIndexName: string | null): void {
  const problem = checkConversationRecord({ heldOn, heldBy: [heldBy], ...parts }, { today: schoolDate(ctx.now()), riskIndexInUse: riskIndexName !== null })[0];
  if (!problem) return;
  if (problem.code === 'part-missing') throw new HttpError(400, 'parent-record-part-missing', {}, { field: `step4.${PART_FIELD[problem.part]}` });
  throw new HttpError(400, problem.code === 'date-in-future' ? 'date-in-future' : 'weighing-invalid-date', {}, { field: 'heldOn' });
}

const PART_FIELD: Record<RecordPart, keyof z.output<typeof step4ConversationParts>> = {
  concerns: 'concernsDiscussed',
  'missing-information': 'missingInformationAsked',
  zienswijze: 'zienswijze',
  'help-offered': 'helpOffered',
  'help-response': 'helpResponse',
  'further-course': 'informedAboutFurtherCourse',
  'risk-index': 'informedAboutRiskIndex',
};

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
