import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adviceNotFollowed,
  CONTACT_MEANS,
  CONTACT_MEANS_LABELS,
  CONVERSATION_KIND_LABELS,
  CONVERSATION_KINDS,
  HELP_RESPONSE_LABELS,
  HELP_RESPONSES,
  HOLDER_ROLES,
  NOT_HOLDING_GROUND_LABELS,
  NOT_HOLDING_GROUNDS,
  PLANNING_AID,
  PRACTICAL_ADVICE,
  RECORD_PART_DETAILS,
  YES_NO_QUESTION_IDS,
  type ContactAttempt,
  type ConversationPlan,
  type HelpResponse,
  type NotHoldingDecision,
  type PlanAnswer,
  type YesNoQuestionId,
} from '../../../../domain/cases/parent-conversation.js';
import { currentLanguage } from '../../../i18n/index.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';

/**
 * Step 4's records as the file keeps them, read defensively (an old or odd body stays readable),
 * and how the timeline and the panel show them.
 */

type Body = Record<string, unknown>;

function asBody(value: unknown): Body {
  return typeof value === 'object' && value !== null ? (value as Body) : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function oneOf<V extends string>(values: readonly V[], value: unknown): V | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as V) : null;
}

const PLAN_ANSWERS = ['yes', 'no', 'unknown'] as const satisfies readonly PlanAnswer[];

/** A plan body as the domain reads it. Missing answers read as "unknown". */
export function readPlan(body: unknown): ConversationPlan {
  const b = asBody(body);
  const answers = asBody(b['answers']);
  return {
    answers: Object.fromEntries(YES_NO_QUESTION_IDS.map((q) => [q, oneOf(PLAN_ANSWERS, answers[q]) ?? 'unknown'])) as Record<YesNoQuestionId, PlanAnswer>,
    teacherToolsAndExperience: str(b['teacherToolsAndExperience']),
    kind: oneOf(CONVERSATION_KINDS, b['kind']),
    holders: (Array.isArray(b['holders']) ? b['holders'] : [])
      .map(asBody)
      .map((h) => ({ userId: str(h['userId']), role: oneOf(HOLDER_ROLES, h['role']) ?? 'ib' }))
      .filter((h) => h.userId !== ''),
    reasoning: str(b['reasoning']),
    plannedOn: typeof b['plannedOn'] === 'string' && b['plannedOn'] !== '' ? b['plannedOn'] : null,
    interpreterNeeded: b['interpreterNeeded'] === true,
    interpreterArranged: b['interpreterArranged'] === true,
    childDisclosed: b['childDisclosed'] === true,
    safetyAgreementsPlanned: b['safetyAgreementsPlanned'] === true,
  };
}

export function readNotHeld(body: unknown): NotHoldingDecision {
  const b = asBody(body);
  return {
    ground: oneOf(NOT_HOLDING_GROUNDS, b['ground']),
    reasoning: str(b['reasoning']),
    reconsiderOn: typeof b['reconsiderOn'] === 'string' && b['reconsiderOn'] !== '' ? b['reconsiderOn'] : null,
    attempts: (Array.isArray(b['attempts']) ? b['attempts'] : []).map(asBody).map((a): ContactAttempt => ({ on: str(a['on']), means: oneOf(CONTACT_MEANS, a['means']) })),
  };
}

export interface Step4Parts {
  concernsDiscussed: string;
  missingInformationAsked: string;
  zienswijze: string;
  helpOffered: string;
  helpResponse: HelpResponse | null;
  informedAboutFurtherCourse: boolean;
  informedAboutRiskIndex: boolean;
}

/** The step-4 parts of a 'parent-conversation' body; null for a conversation from step 2. */
export function readStep4(body: unknown): Step4Parts | null {
  const s = asBody(body)['step4'];
  if (typeof s !== 'object' || s === null) return null;
  const b = asBody(s);
  return {
    concernsDiscussed: str(b['concernsDiscussed']),
    missingInformationAsked: str(b['missingInformationAsked']),
    zienswijze: str(b['zienswijze']),
    helpOffered: str(b['helpOffered']),
    helpResponse: oneOf(HELP_RESPONSES, b['helpResponse']),
    informedAboutFurtherCourse: b['informedAboutFurtherCourse'] === true,
    informedAboutRiskIndex: b['informedAboutRiskIndex'] === true,
  };
}

function Row({ label, children, long = false }: { label: string; children: ReactNode; long?: boolean }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div className={long ? 'case-body-row case-body-row-long' : 'case-body-row'}>
      <dt>{label}</dt>
      <dd className={long ? 'notes' : undefined}>{children}</dd>
    </div>
  );
}

/** "Naam (IB'er), Naam (Leerkracht)", with "alone" or "together". */
export function useHoldersLine(): (plan: ConversationPlan) => string | null {
  const { t } = useTranslation();
  const { names } = useCaseView();
  return (plan) => {
    if (plan.holders.length === 0) return null;
    const people = plan.holders.map((h) => `${names.get(h.userId) ?? h.userId} (${t(`casePage.teamRoles.${h.role}`)})`).join(', ');
    const how = plan.holders.length === 1 ? t('casePage.parentConversation.plan.alone') : t('casePage.parentConversation.plan.together', { count: plan.holders.length });
    return `${how}: ${people}`;
  };
}

/** The plan, as the timeline and the panel show it. */
export function PlanEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const holdersLine = useHoldersLine();
  const plan = readPlan(body);
  const answerLabel = (a: PlanAnswer) => t(`casePage.parentConversation.answers.${a}`);
  const questions = PLANNING_AID.flatMap((group) => group.questions).filter((q) => q.answer === 'yes-no');
  const notFollowed = adviceNotFollowed(plan);
  const practical = [
    plan.interpreterNeeded && `${t('casePage.parentConversation.plan.interpreterNeeded')} (${plan.interpreterArranged ? t('casePage.parentConversation.plan.interpreterArranged').toLowerCase() : t('casePage.parentConversation.plan.no')})`,
    plan.childDisclosed && t('casePage.parentConversation.plan.childDisclosed'),
    plan.safetyAgreementsPlanned && t('casePage.parentConversation.plan.safetyAgreementsPlanned'),
  ].filter((line): line is string => typeof line === 'string');
  const pc = 'casePage.parentConversation.body';
  return (
    <>
      <Row label={t(`${pc}.kind`)}>{plan.kind && CONVERSATION_KIND_LABELS[plan.kind][language]}</Row>
      <Row label={t(`${pc}.holders`)}>{holdersLine(plan)}</Row>
      <Row label={t(`${pc}.plannedOn`)}>{plan.plannedOn && formatDate(plan.plannedOn)}</Row>
      <Row label={t(`${pc}.answers`)}>
        <ul className="case-body-list">
          {questions.map((q) => (
            <li key={q.id}>
              {q.text[language]} <strong>{answerLabel(plan.answers[q.id as YesNoQuestionId])}</strong>
            </li>
          ))}
        </ul>
      </Row>
      <Row label={t(`${pc}.teacherTools`)} long>
        {plan.teacherToolsAndExperience || null}
      </Row>
      <Row label={t(`${pc}.reasoning`)} long>
        {plan.reasoning || null}
      </Row>
      <Row label={t(`${pc}.practical`)}>
        {practical.length > 0 && (
          <ul className="case-body-list">
            {practical.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Row>
      <Row label={t(`${pc}.adviceNotFollowed`)}>
        {notFollowed.length > 0 && (
          <ul className="case-body-list">
            {notFollowed.map((id) => (
              <li key={id}>{PRACTICAL_ADVICE.find((a) => a.id === id)?.text[language]}</li>
            ))}
          </ul>
        )}
      </Row>
    </>
  );
}

/** The decision not to hold the conversation. */
export function NotHeldEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const decision = readNotHeld(body);
  const pc = 'casePage.parentConversation.body';
  return (
    <>
      <Row label={t(`${pc}.ground`)}>{decision.ground && NOT_HOLDING_GROUND_LABELS[decision.ground][language]}</Row>
      <Row label={t(`${pc}.reasoning`)} long>
        {decision.reasoning || null}
      </Row>
      <Row label={t(`${pc}.reconsiderOn`)}>{decision.reconsiderOn && formatDate(decision.reconsiderOn)}</Row>
      <Row label={t(`${pc}.attempts`)}>
        {decision.ground === 'parents-unreachable' && decision.attempts.length > 0 && (
          <ul className="case-body-list">
            {decision.attempts.map((a, index) => (
              <li key={index}>
                {t(`${pc}.attempt`, { date: a.on ? formatDate(a.on) : '—', means: a.means ? CONTACT_MEANS_LABELS[a.means][language] : '—' })}
              </li>
            ))}
          </ul>
        )}
      </Row>
    </>
  );
}

/** The step-4 parts of a conversation with the parents, below its date, people and summary. */
export function Step4PartsBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parts = readStep4(body);
  if (!parts) return null;
  const informed = [
    parts.informedAboutFurtherCourse && RECORD_PART_DETAILS['further-course'].text[language],
    parts.informedAboutRiskIndex && RECORD_PART_DETAILS['risk-index'].text[language],
  ].filter((line): line is string => typeof line === 'string');
  const pc = 'casePage.parentConversation.body';
  return (
    <>
      <Row label={RECORD_PART_DETAILS.concerns.text[language]} long>
        {parts.concernsDiscussed || null}
      </Row>
      <Row label={RECORD_PART_DETAILS['missing-information'].text[language]} long>
        {parts.missingInformationAsked || null}
      </Row>
      <Row label={RECORD_PART_DETAILS.zienswijze.text[language]} long>
        {parts.zienswijze || null}
      </Row>
      <Row label={RECORD_PART_DETAILS['help-offered'].text[language]} long>
        {parts.helpOffered || null}
      </Row>
      <Row label={t(`${pc}.helpResponse`)}>{parts.helpResponse && HELP_RESPONSE_LABELS[parts.helpResponse][language]}</Row>
      <Row label={t(`${pc}.informed`)}>
        {informed.length > 0 && (
          <ul className="case-body-list">
            {informed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Row>
    </>
  );
}
