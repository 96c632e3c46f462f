import type { TeamRole } from './case-team.js';
import type { LocalisedText } from './signals/signal-catalogue.js';
import { addDays, isCalendarDate, isWorkingDay } from './working-days.js';

/**
 * Step 4, the conversation with the parents (glossary `ParentConversation`): the school's decision
 * aid for planning it, who holds it, Veilig Thuis's practical advice, what its record must hold,
 * and the only three grounds on which it may be left out (reference §4.1, §4.2, §4.4; the seed's
 * page 2). Openness is the starting point: not holding the conversation is an exception that is
 * argued, dated and looked at again.
 */

// ---------------------------------------------------------------------------------------------
// The decision aid ("Het interventieteam maakt de afweging")

/** A yes/no question of the decision aid. "Unknown" is an honest answer while the team finds out. */
export type PlanAnswer = 'yes' | 'no' | 'unknown';

/** What kind of conversation it will be, as the school's page 2 names them. */
export const CONVERSATION_KINDS = ['suspicion', 'certainty', 'dangerous'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CONVERSATION_KIND_LABELS: Readonly<Record<ConversationKind, LocalisedText>> = {
  suspicion: { nl: 'Vermoeden', en: 'A suspicion' },
  certainty: { nl: 'Zeker weten', en: 'Certain knowledge' },
  dangerous: { nl: 'Gevaarlijk / zeer ernstig (werkelijke mishandeling)', en: 'Dangerous / very serious (actual abuse)' },
};

/** The yes/no questions; their ids are the keys of a plan's answers. */
export const YES_NO_QUESTION_IDS = ['trust', 'alone', 'safe-staff-during', 'safe-staff-after', 'safe-child-during', 'safe-child-after'] as const;
export type YesNoQuestionId = (typeof YES_NO_QUESTION_IDS)[number];

export type PlanningQuestion =
  | { readonly id: YesNoQuestionId; readonly answer: 'yes-no'; readonly text: LocalisedText }
  | { readonly id: 'teacher-tools'; readonly answer: 'text'; readonly text: LocalisedText }
  | { readonly id: 'kind'; readonly answer: 'kind'; readonly text: LocalisedText };

export interface PlanningGroup {
  readonly id: 'situation' | 'safety' | 'kind';
  readonly heading: LocalisedText;
  readonly questions: readonly PlanningQuestion[];
}

/**
 * The decision aid as the form shows it, in the school's order and words. Safety is asked four
 * times because the school asks it for two people at two moments: a conversation that is safe
 * for the member of staff can still leave the child unsafe once the parents are home.
 */
export const PLANNING_AID: readonly PlanningGroup[] = [
  {
    id: 'situation',
    heading: { nl: 'Bekijk de situatie', en: 'Look at the situation' },
    questions: [
      { id: 'trust', answer: 'yes-no', text: { nl: 'Is er een vertrouwensrelatie met de ouders?', en: 'Is there a relationship of trust with the parents?' } },
      { id: 'teacher-tools', answer: 'text', text: { nl: 'Welke tools en ervaring heeft de leerkracht zelf?', en: 'What tools and experience does the teacher have?' } },
      { id: 'alone', answer: 'yes-no', text: { nl: 'Kan het gesprek alleen gevoerd worden?', en: 'Can one person hold the conversation alone?' } },
    ],
  },
  {
    id: 'safety',
    heading: { nl: 'Kan het gesprek veilig gevoerd worden?', en: 'Can the conversation be held safely?' },
    questions: [
      { id: 'safe-staff-during', answer: 'yes-no', text: { nl: 'Voor de medewerker, tijdens het gesprek', en: 'For the member of staff, during the conversation' } },
      { id: 'safe-staff-after', answer: 'yes-no', text: { nl: 'Voor de medewerker, na het gesprek', en: 'For the member of staff, after the conversation' } },
      { id: 'safe-child-during', answer: 'yes-no', text: { nl: 'Voor het kind, tijdens het gesprek', en: 'For the child, during the conversation' } },
      { id: 'safe-child-after', answer: 'yes-no', text: { nl: 'Voor het kind, na het gesprek', en: 'For the child, after the conversation' } },
    ],
  },
  {
    id: 'kind',
    heading: { nl: 'Wat voor soort gesprek gaat het worden?', en: 'What kind of conversation will it be?' },
    questions: [{ id: 'kind', answer: 'kind', text: { nl: 'Soort gesprek', en: 'Kind of conversation' } }],
  },
];

/** Who can hold the conversation: "leerkracht / IB / SMW / Directie, alleen of samen". */
export const HOLDER_ROLES = ['teacher', 'ib', 'smw', 'director'] as const satisfies readonly TeamRole[];
export type HolderRole = (typeof HOLDER_ROLES)[number];

export const HOLDER_ROLE_LABELS: Readonly<Record<HolderRole, LocalisedText>> = {
  teacher: { nl: 'Leerkracht', en: 'Teacher' },
  ib: { nl: "Intern begeleider (IB'er)", en: 'Internal care coordinator (IB)' },
  smw: { nl: 'Schoolmaatschappelijk werker (SMW)', en: 'School social worker (SMW)' },
  director: { nl: 'Directie', en: 'School leadership' },
};

export interface ConversationHolder {
  userId: string;
  role: HolderRole;
}

/** The team's plan for the conversation: its answers to the decision aid and what it chose. */
export interface ConversationPlan {
  answers: Readonly<Record<YesNoQuestionId, PlanAnswer>>;
  teacherToolsAndExperience: string;
  kind: ConversationKind | null;
  /** One holder is "alone"; two or more is "together". */
  holders: readonly ConversationHolder[];
  /** Why these people: the weighing is recorded, not only its outcome. */
  reasoning: string;
  /** yyyy-mm-dd, when a date is set. */
  plannedOn: string | null;
  interpreterNeeded: boolean;
  interpreterArranged: boolean;
  /** The worry follows something the child told a member of staff. */
  childDisclosed: boolean;
  safetyAgreementsPlanned: boolean;
}

export type PlanProblem =
  | { code: 'kind-required' }
  | { code: 'holders-required' }
  | { code: 'holder-twice'; userId: string }
  | { code: 'alone-not-possible' }
  | { code: 'not-safe'; question: YesNoQuestionId }
  | { code: 'reasoning-required' }
  | { code: 'date-invalid' };

const SAFETY_QUESTIONS: readonly YesNoQuestionId[] = ['safe-staff-during', 'safe-staff-after', 'safe-child-during', 'safe-child-after'];

/**
 * What keeps a plan from being a plan. A conversation the team itself judged unsafe is not planned:
 * that is the first or second ground for not holding it (see checkNotHolding), or the plan changes
 * (another place, other people) until the answer is yes. "Unknown" does not stop a plan.
 */
export function checkPlan(plan: ConversationPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.kind === null) problems.push({ code: 'kind-required' });
  if (plan.holders.length === 0) problems.push({ code: 'holders-required' });
  const seen = new Set<string>();
  for (const holder of plan.holders) {
    if (seen.has(holder.userId)) problems.push({ code: 'holder-twice', userId: holder.userId });
    seen.add(holder.userId);
  }
  if (seen.size === 1 && plan.answers.alone === 'no') problems.push({ code: 'alone-not-possible' });
  for (const question of SAFETY_QUESTIONS) {
    if (plan.answers[question] === 'no') problems.push({ code: 'not-safe', question });
  }
  if (plan.reasoning.trim() === '') problems.push({ code: 'reasoning-required' });
  if (plan.plannedOn !== null && !isCalendarDate(plan.plannedOn)) problems.push({ code: 'date-invalid' });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Practical advice (Veilig Thuis, reference §4.2; and the school's own principle)

export const PRACTICAL_ADVICE_IDS = ['with-colleague', 'not-before-weekend', 'interpreter', 'safety-agreements', 'teacher-neutral'] as const;
export type PracticalAdviceId = (typeof PRACTICAL_ADVICE_IDS)[number];

export interface PracticalAdvice {
  readonly id: PracticalAdviceId;
  /** Whose advice it is: Veilig Thuis's tips, or the school's own principle ("Visie Korf"). */
  readonly source: 'veilig-thuis' | 'school';
  readonly text: LocalisedText;
}

export const PRACTICAL_ADVICE: readonly PracticalAdvice[] = [
  {
    id: 'with-colleague',
    source: 'veilig-thuis',
    text: { nl: 'Voer het gesprek samen met een collega.', en: 'Hold the conversation together with a colleague.' },
  },
  {
    id: 'not-before-weekend',
    source: 'veilig-thuis',
    text: {
      nl: 'Voer het gesprek liever niet op een vrijdag of op de dag voor een feestdag: daarna heeft niemand van school zicht op het kind.',
      en: 'Preferably not on a Friday or the day before a public holiday: afterwards nobody at school has sight of the child.',
    },
  },
  {
    id: 'interpreter',
    source: 'veilig-thuis',
    text: { nl: 'Zet een tolk in als dat nodig is.', en: 'Use an interpreter where needed.' },
  },
  {
    id: 'safety-agreements',
    source: 'veilig-thuis',
    text: {
      nl: 'Heeft het kind zelf iets verteld? Maak dan met de ouders veiligheidsafspraken over hoe zij op het kind reageren.',
      en: 'Did the child tell you something? Then make safety agreements with the parents about how they will react towards the child.',
    },
  },
  {
    id: 'teacher-neutral',
    source: 'school',
    text: {
      nl: 'Laat de leerkracht een zo neutraal mogelijke rol spelen, in verband met de relatie met de leerling.',
      en: 'Let the teacher keep as neutral a role as possible, to protect the relationship with the pupil.',
    },
  },
];

/**
 * The advice this plan does not follow yet, to show beside it; it never stops a plan. "Not on a
 * Friday" is read by its reason: any day after which school is shut (a Friday, the day before
 * Ascension or Christmas) leaves the child unseen.
 */
export function adviceNotFollowed(plan: ConversationPlan): PracticalAdviceId[] {
  const ids = new Set(plan.holders.map((h) => h.userId));
  const advice: PracticalAdviceId[] = [];
  if (ids.size === 1) advice.push('with-colleague');
  if (plan.plannedOn !== null && isCalendarDate(plan.plannedOn) && !isWorkingDay(addDays(plan.plannedOn, 1))) advice.push('not-before-weekend');
  if (plan.interpreterNeeded && !plan.interpreterArranged) advice.push('interpreter');
  if (plan.childDisclosed && !plan.safetyAgreementsPlanned) advice.push('safety-agreements');
  if (plan.holders.length > 0 && plan.holders.every((h) => h.role === 'teacher')) advice.push('teacher-neutral');
  return advice;
}

// ---------------------------------------------------------------------------------------------
// The record of the conversation (the seed's step 4 tasks)

export const HELP_RESPONSES = ['accepted', 'partly-accepted', 'declined', 'thinking-it-over'] as const;
export type HelpResponse = (typeof HELP_RESPONSES)[number];

export const HELP_RESPONSE_LABELS: Readonly<Record<HelpResponse, LocalisedText>> = {
  accepted: { nl: 'Ouders nemen de hulp aan', en: 'The parents accept the help' },
  'partly-accepted': { nl: 'Ouders nemen een deel van de hulp aan', en: 'The parents accept part of the help' },
  declined: { nl: 'Ouders wijzen de hulp af', en: 'The parents decline the help' },
  'thinking-it-over': { nl: 'Ouders denken erover na', en: 'The parents are thinking it over' },
};

export interface ParentConversationRecord {
  /** yyyy-mm-dd */
  heldOn: string;
  /** User ids of the staff who held it. */
  heldBy: readonly string[];
  concernsDiscussed: string;
  missingInformationAsked: string;
  /** The parents' own view, in their words. */
  zienswijze: string;
  helpOffered: string;
  helpResponse: HelpResponse | null;
  informedAboutFurtherCourse: boolean;
  informedAboutRiskIndex: boolean;
}

export const RECORD_PARTS = ['concerns', 'missing-information', 'zienswijze', 'help-offered', 'help-response', 'further-course', 'risk-index'] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

/** Each part, with the step-4 task of the school's route it records. */
export const RECORD_PART_DETAILS: Readonly<Record<RecordPart, { readonly taskId: string; readonly text: LocalisedText }>> = {
  concerns: { taskId: 's4.zorgen', text: { nl: 'Welke zorgen en signalen zijn besproken', en: 'Which concerns and signals were discussed' } },
  'missing-information': { taskId: 's4.ontbrekend', text: { nl: 'Welke ontbrekende informatie is gevraagd, en wat ouders vertelden', en: 'What missing information was asked for, and what the parents said' } },
  zienswijze: { taskId: 's4.zienswijze', text: { nl: 'De zienswijze van de ouders, in hun eigen woorden', en: "The parents' view, in their own words" } },
  'help-offered': { taskId: 's4.hulp', text: { nl: 'Welke hulp is aangeboden', en: 'What help was offered' } },
  'help-response': { taskId: 's4.hulp', text: { nl: 'Of ouders de hulp aannemen', en: 'Whether the parents accept the help' } },
  'further-course': { taskId: 's4.verloop', text: { nl: 'Ouders zijn geïnformeerd over het (mogelijke) verdere verloop', en: 'The parents were told about the (possible) further course' } },
  'risk-index': { taskId: 's4.verloop', text: { nl: 'Ouders zijn geïnformeerd over de registratie in de verwijsindex', en: 'The parents were told about the registration in the risk index' } },
};

export type RecordProblem =
  | { code: 'part-missing'; part: RecordPart }
  | { code: 'holders-required' }
  | { code: 'date-invalid' }
  | { code: 'date-in-future' };

export interface RecordCheckContext {
  /** The school's today, yyyy-mm-dd. */
  today: string;
  /** Whether the school uses a verwijsindex (a school setting); without one there is nothing to tell. */
  riskIndexInUse: boolean;
}

/**
 * The parts a conversation record must hold. Text that was asked but got no answer is still
 * written down ("ouders wilden hier niet op ingaan"): an empty field cannot tell "not asked" from
 * "no answer".
 */
export function checkConversationRecord(record: ParentConversationRecord, context: RecordCheckContext): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (!isCalendarDate(record.heldOn)) problems.push({ code: 'date-invalid' });
  else if (record.heldOn > context.today) problems.push({ code: 'date-in-future' });
  if (record.heldBy.length === 0) problems.push({ code: 'holders-required' });
  const present: Record<RecordPart, boolean> = {
    concerns: record.concernsDiscussed.trim() !== '',
    'missing-information': record.missingInformationAsked.trim() !== '',
    zienswijze: record.zienswijze.trim() !== '',
    'help-offered': record.helpOffered.trim() !== '',
    'help-response': record.helpResponse !== null,
    'further-course': record.informedAboutFurtherCourse,
    'risk-index': record.informedAboutRiskIndex || !context.riskIndexInUse,
  };
  for (const part of RECORD_PARTS) if (!present[part]) problems.push({ code: 'part-missing', part });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Not holding the conversation (reference §4.1)

/** The only three grounds on which the conversation may be left out. */
export const NOT_HOLDING_GROUNDS = ['danger-to-child-or-others', 'danger-to-staff', 'parents-unreachable'] as const;
export type NotHoldingGround = (typeof NOT_HOLDING_GROUNDS)[number];

export const NOT_HOLDING_GROUND_LABELS: Readonly<Record<NotHoldingGround, LocalisedText>> = {
  'danger-to-child-or-others': {
    nl: 'Het gesprek brengt de veiligheid of gezondheid van het kind of van anderen in het gezin ernstig in gevaar',
    en: 'The conversation would seriously endanger the safety or health of the child or of others in the household',
  },
  'danger-to-staff': {
    nl: 'Het gesprek brengt de veiligheid van de medewerker of van collega’s in gevaar',
    en: 'The conversation would endanger the safety of the member of staff or of colleagues',
  },
  'parents-unreachable': {
    nl: 'De ouders zijn na redelijke inspanning niet bereikt',
    en: 'The parents could not be reached after reasonable effort',
  },
};

export function isNotHoldingGround(value: string): value is NotHoldingGround {
  return (NOT_HOLDING_GROUNDS as readonly string[]).includes(value);
}

export const CONTACT_MEANS = ['phone', 'email', 'letter', 'text-message', 'school-app', 'home-visit', 'at-school'] as const;
export type ContactMeans = (typeof CONTACT_MEANS)[number];

export const CONTACT_MEANS_LABELS: Readonly<Record<ContactMeans, LocalisedText>> = {
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'Email' },
  letter: { nl: 'Brief', en: 'Letter' },
  'text-message': { nl: 'Sms of chatbericht', en: 'Text or chat message' },
  'school-app': { nl: 'Bericht via de schoolapp', en: 'Message through the school app' },
  'home-visit': { nl: 'Huisbezoek', en: 'Home visit' },
  'at-school': { nl: 'Aangesproken op school (bij het halen of brengen)', en: 'Approached at school (at drop-off or pick-up)' },
};

export interface ContactAttempt {
  /** yyyy-mm-dd */
  on: string;
  means: ContactMeans | null;
}

export interface NotHoldingDecision {
  ground: NotHoldingGround | null;
  reasoning: string;
  /** yyyy-mm-dd: when the team looks again for a moment to talk with or inform the parents. */
  reconsiderOn: string | null;
  /** The attempts to reach the parents; required for `parents-unreachable`. */
  attempts: readonly ContactAttempt[];
}

/** "Reasonable effort" is at least two attempts, each with its date and means, on different days. */
export const MIN_CONTACT_ATTEMPTS = 2;

export type NotHoldingProblem =
  | { code: 'ground-required' }
  | { code: 'ground-unknown' }
  | { code: 'reasoning-required' }
  | { code: 'reconsider-date-required' }
  | { code: 'reconsider-date-invalid' }
  | { code: 'reconsider-date-in-past' }
  | { code: 'attempt-incomplete'; index: number }
  | { code: 'attempt-in-future'; index: number }
  | { code: 'too-few-attempts'; required: number; days: number };

/**
 * Checks a decision not to hold the conversation. Only the three grounds count; the reasoning says
 * why this ground applies here; a date to look again is required, because openness stays the
 * starting point and the parents are informed later at a suitable moment. For "unreachable" the
 * attempts count only on different days: two calls five minutes apart are one try, not an effort.
 */
export function checkNotHolding(decision: NotHoldingDecision, today: string): NotHoldingProblem[] {
  const problems: NotHoldingProblem[] = [];
  // The type allows only the three grounds, but a stored value is checked all the same.
  if (decision.ground === null) problems.push({ code: 'ground-required' });
  else if (!isNotHoldingGround(decision.ground)) problems.push({ code: 'ground-unknown' });
  if (decision.reasoning.trim() === '') problems.push({ code: 'reasoning-required' });
  if (decision.reconsiderOn === null) problems.push({ code: 'reconsider-date-required' });
  else if (!isCalendarDate(decision.reconsiderOn)) problems.push({ code: 'reconsider-date-invalid' });
  else if (decision.reconsiderOn < today) problems.push({ code: 'reconsider-date-in-past' });
  if (decision.ground === 'parents-unreachable') {
    const days = new Set<string>();
    decision.attempts.forEach((attempt, index) => {
      if (!isCalendarDate(attempt.on) || attempt.means === null) problems.push({ code: 'attempt-incomplete', index });
      else if (attempt.on > today) problems.push({ code: 'attempt-in-future', index });
      else days.add(attempt.on);
    });
    if (days.size < MIN_CONTACT_ATTEMPTS) problems.push({ code: 'too-few-attempts', required: MIN_CONTACT_ATTEMPTS, days: days.size });
  }
  return problems;
}
