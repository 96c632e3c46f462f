import { z } from 'zod';
import { ESCALATION_DECISIONS } from '../domain/cases/case-progress.js';
import { ANSWERS, QUESTION_IDS, UNSAFETY_KINDS } from '../domain/cases/afwegingskader/questions.js';
import { NATURES_OF_VIOLENCE, RISKS, SEVERITIES } from '../domain/cases/afwegingskader/risk-assessment.js';
import { CLOSING_REASONS } from '../domain/cases/closing.js';
import { CONTACT_MEANS, CONVERSATION_KINDS, HELP_RESPONSES, HOLDER_ROLES, NOT_HOLDING_GROUNDS, YES_NO_QUESTION_IDS } from '../domain/cases/parent-conversation.js';
import { INFORM_EXCEPTION_GROUNDS, PROCEDURAL_FINDING_CODES } from '../domain/cases/procedural-check.js';
import { WORRY_SUBJECTS } from '../domain/cases/case-route.js';
import { TEAM_ROLES } from '../domain/cases/case-team.js';
import { ENTRY_KINDS, RECORDED_ENTRY_KINDS } from '../domain/cases/case-entry.js';
import { bodyMapMarkSchema } from './body-map.js';
import { attachmentSummary } from './attachments.js';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als jjjj-mm-dd').refine((v) => !Number.isNaN(Date.parse(v)), 'geen bestaande datum');
const text = (max: number) => z.string().trim().min(1, 'vul dit in').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const caseParams = z.object({ caseId: id });
export const entryParams = z.object({ caseId: id, entryId: id });

// ——— What an entry records, per kind ———

/** Steps 1–2: what was seen or heard, when, where, by whom and from which source. */
export const signalBody = z.object({
  observedOn: isoDate,
  /** hh:mm, when known. */
  observedTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'een tijd als uu:mm').nullable(),
  place: optionalText(200),
  observedBy: text(200),
  source: z.enum(['own-observation', 'child-told', 'other-told']),
  /** Who told it, when the source is not one's own observation. */
  sourceDetail: optionalText(200),
  description: text(5000),
  counterIndications: optionalText(2000),
  signalItemIds: z.array(z.string().max(100)).max(60),
  bodyMap: z.array(bodyMapMarkSchema).max(30),
});

export const taskBody = z.object({
  taskId: z.string().min(1).max(100),
  outcome: z.enum(['done', 'not-applicable']),
  /** For "not applicable" the reason is required. */
  note: optionalText(2000),
});

/** Step 4's parts of the conversation with the parents (glossary: ParentConversation). */
export const step4ConversationParts = z.object({
  concernsDiscussed: z.string().trim().max(5000),
  missingInformationAsked: z.string().trim().max(5000),
  /** The parents' own view, in their words. */
  zienswijze: z.string().trim().max(5000),
  helpOffered: z.string().trim().max(5000),
  helpResponse: z.enum(HELP_RESPONSES).nullable(),
  informedAboutFurtherCourse: z.boolean(),
  informedAboutRiskIndex: z.boolean(),
});

export const conversationBody = z.object({
  heldOn: isoDate,
  heldBy: text(200),
  present: optionalText(500),
  /** What was said: in the words used, as far as possible. */
  summary: text(5000),
  agreements: optionalText(2000),
  /** For a conversation with a parent: which guardians took part. */
  guardianIds: z.array(id).max(10).default([]),
  /** With a parent in step 4: the parts the meldcode asks of that conversation (null in step 2). */
  step4: step4ConversationParts.nullable().default(null),
});

/** The team's plan for the conversation with the parents, with the school's decision aid (seed page 2). */
export const parentConversationPlanBody = z.object({
  answers: z.object(Object.fromEntries(YES_NO_QUESTION_IDS.map((q) => [q, z.enum(['yes', 'no', 'unknown'])])) as Record<(typeof YES_NO_QUESTION_IDS)[number], z.ZodEnum<{ yes: 'yes'; no: 'no'; unknown: 'unknown' }>>),
  teacherToolsAndExperience: z.string().trim().max(2000),
  kind: z.enum(CONVERSATION_KINDS).nullable(),
  holders: z.array(z.object({ userId: id, role: z.enum(HOLDER_ROLES) })).max(6),
  reasoning: z.string().trim().max(5000),
  plannedOn: isoDate.nullable(),
  interpreterNeeded: z.boolean(),
  interpreterArranged: z.boolean(),
  childDisclosed: z.boolean(),
  safetyAgreementsPlanned: z.boolean(),
});

/** Not holding the conversation: only on one of the three grounds of reference §4.1. */
export const parentConversationNotHeldBody = z.object({
  ground: z.enum(NOT_HOLDING_GROUNDS).nullable(),
  reasoning: z.string().trim().max(5000),
  reconsiderOn: isoDate.nullable(),
  attempts: z.array(z.object({ on: z.string().max(10), means: z.enum(CONTACT_MEANS).nullable() })).max(20),
});

export const consultationBody = z.object({
  heldOn: isoDate,
  withRole: z.enum(['colleague', 'ib', 'smw', 'expert']),
  withName: text(200),
  outcome: text(5000),
});

/** Anonymous advice of Veilig Thuis: no name of the pupil or a parent in this record. */
export const veiligThuisAdviceBody = z.object({
  calledOn: isoDate,
  calledBy: text(200),
  advisorName: optionalText(200),
  advice: text(5000),
});

export const kindcheckBody = z.object({
  /** Siblings and other children in the household, as considered. */
  childrenConsidered: optionalText(2000),
  parentSignalItemIds: z.array(z.string().max(100)).max(30),
  parentSignals: optionalText(2000),
  outcome: z.enum(['no-further-concern', 'concern-for-other-children', 'follow-meldcode-for-others']),
  notes: optionalText(2000),
});

export const agreementBody = z.object({
  what: text(1000),
  ownerUserId: id,
  dueOn: isoDate,
  /** `task-division`: step 3's who-does-what; `monitoring`: after "no report now". */
  purpose: z.enum(['task-division', 'monitoring', 'aftercare']),
  done: z.boolean().default(false),
});

// ——— Step 6: aftercare (nazorg) ———

/** The teacher keeps monitoring the child: what was seen, at the agreed moments. */
export const monitoringNoteBody = z.object({ observedOn: isoDate, observation: text(5000), wellbeing: z.enum(['good', 'mixed', 'worrying']) });

/** A review of the aftercare with the team: planned for a date, then held with its outcome. */
export const aftercareReviewBody = z.object({
  dueOn: isoDate,
  heldOn: isoDate.nullable().default(null),
  outcome: optionalText(5000).default(null),
});

export const CONTACT_PARTNERS = ['veilig-thuis', 'wijkteam', 'youth-protection', 'smw', 'other'] as const;
/** Who at school keeps contact with which partner (Veilig Thuis, wijkteam, JBRR, …). */
export const contactMatrixBody = z.object({
  contacts: z
    .array(z.object({ partner: z.enum(CONTACT_PARTNERS), partnerName: optionalText(200).default(null), ownerUserId: id, notes: optionalText(1000).default(null) }))
    .min(1)
    .max(20),
});

/** Step 5: "schat het risico, aard en ernst van het geweld in", recorded with the weighing. */
export const riskAssessmentBody = z.object({
  natures: z.array(z.enum(NATURES_OF_VIOLENCE)).min(1).max(NATURES_OF_VIOLENCE.length),
  otherNature: optionalText(200).default(null),
  severity: z.enum(SEVERITIES),
  risk: z.enum(RISKS),
  reasoning: text(5000),
  assessedOn: isoDate,
  participants: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
});

/** What Veilig Thuis let the school know after a report. */
export const reportFeedbackRequest = z.object({ receivedOn: isoDate, feedback: text(5000) });

export const recordedEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signal'), body: signalBody }),
  z.object({ kind: z.literal('task'), body: taskBody }),
  z.object({ kind: z.literal('pupil-conversation'), body: conversationBody }),
  z.object({ kind: z.literal('parent-conversation'), body: conversationBody }),
  z.object({ kind: z.literal('consultation'), body: consultationBody }),
  z.object({ kind: z.literal('veilig-thuis-advice'), body: veiligThuisAdviceBody }),
  z.object({ kind: z.literal('kindcheck'), body: kindcheckBody }),
  z.object({ kind: z.literal('agreement'), body: agreementBody }),
  z.object({ kind: z.literal('report-feedback'), body: reportFeedbackRequest }),
  z.object({ kind: z.literal('parent-conversation-plan'), body: parentConversationPlanBody }),
  z.object({ kind: z.literal('parent-conversation-not-held'), body: parentConversationNotHeldBody }),
  z.object({ kind: z.literal('monitoring-note'), body: monitoringNoteBody }),
  z.object({ kind: z.literal('aftercare-review'), body: aftercareReviewBody }),
  z.object({ kind: z.literal('contact-matrix'), body: contactMatrixBody }),
  z.object({ kind: z.literal('risk-assessment'), body: riskAssessmentBody }),
]);
export type RecordedEntryInput = z.input<typeof recordedEntry>;
export type RecordedEntry = z.output<typeof recordedEntry>;

/** A correction: the whole new text and why. */
export const entryCorrection = z.object({ body: z.record(z.string(), z.unknown()), reason: text(1000) });

// ——— Starting a case ———

export const startCaseRequest = z.object({
  worry: z.enum(WORRY_SUBJECTS),
  /** The first signal, recorded with the case (meldcode route); the staff route records a description too. */
  firstSignal: signalBody,
});
export const startCaseResponse = z.object({ id: z.string() });

// ——— The team, the decision, emergency access ———

export const teamRequest = z.object({
  members: z.array(z.object({ userId: id, teamRole: z.enum(TEAM_ROLES) })).min(1).max(20),
  casushouderId: id.nullable(),
});

export const decisionRequest = z.object({
  decision: z.enum(ESCALATION_DECISIONS),
  reasoning: text(5000),
  /** With "no report now": the monitoring agreements (at least one). */
  monitoring: z
    .array(z.object({ what: text(1000), ownerUserId: id, dueOn: isoDate }))
    .max(20)
    .default([]),
});

export const breakGlassRequest = z.object({ reason: text(1000) });

/** Closing: a reason from the fixed list, with words where the reason asks for them. */
export const closeRequest = z.object({ reason: z.enum(CLOSING_REASONS), explanation: z.string().trim().max(2000).default('') });
export const reopenRequest = z.object({ reason: text(1000) });

// ——— Step 5: the afwegingskader ———

/** One answer to a weighing question; answering an earlier question again goes back (recorded, not overwritten). */
export const weighingAnswerRequest = z.object({
  question: z.enum(QUESTION_IDS),
  answer: z.enum(ANSWERS),
  /** With a yes or doubt at Q2: acute, structural or both. */
  unsafety: z.enum(UNSAFETY_KINDS).nullable().default(null),
  reasoning: text(5000),
  answeredOn: isoDate,
  participants: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
  veiligThuisTookPart: z.boolean(),
  /** With a yes at Q3 or Q4: the agreed term for results. */
  termUntil: isoDate.nullable().default(null),
});
export type WeighingAnswerInput = z.input<typeof weighingAnswerRequest>;

const localised = z.object({ nl: z.string(), en: z.string() });
const weighingAnswer = z.object({
  entryId: z.string().nullable(),
  question: z.enum(QUESTION_IDS),
  answer: z.enum(ANSWERS),
  unsafety: z.enum(UNSAFETY_KINDS).nullable(),
  reasoning: z.string(),
  answeredOn: z.string(),
  participants: z.array(z.string()),
  veiligThuisTookPart: z.boolean(),
  termUntil: z.string().nullable(),
  recordedBy: z.object({ userId: z.string(), name: z.string() }),
  recordedAt: z.string(),
  /** Taken over from step 3's decision to report at once. */
  fromEscalation: z.boolean(),
});
export const weighingView = z.object({
  path: z.array(
    weighingAnswer.extend({
      togetherWithVeiligThuis: z.boolean(),
      report: z.object({ reason: z.string(), meldnorm: z.number(), repeat: z.boolean() }).nullable(),
      leadsTo: z.enum(QUESTION_IDS).nullable(),
      explanation: localised,
    }),
  ),
  /** Earlier answers that a later one went back over: kept in the file, no longer in force. */
  superseded: z.array(weighingAnswer),
  next: z.enum(QUESTION_IDS).nullable(),
  nextTogetherWithVeiligThuis: z.boolean(),
  outcome: z.object({ kind: z.enum(['open', 'closed-no-suspicion', 'report', 'help-started', 'aftercare']), termUntil: z.string().nullable() }),
  reportRequired: z.boolean(),
  /** The questions that may be answered now: the next one, and earlier ones on the path (going back). */
  answerable: z.array(z.enum(QUESTION_IDS)),
});
export type WeighingView = z.infer<typeof weighingView>;

// ——— The report to Veilig Thuis (melding), by the casushouder ———

export const reportRequest = z.object({
  reportedOn: isoDate,
  how: z.enum(['phone', 'form']),
  /** Veilig Thuis's reference, when they gave one. */
  reference: optionalText(100).default(null),
  whatReported: text(10000),
  anonymityRequested: z.boolean(),
  anonymityReason: optionalText(2000).default(null),
  /** "Open melden, tenzij": the parents were told of the intent beforehand, or a ground says why not. */
  parentsInformed: z.boolean(),
  parentsInformedOn: isoDate.nullable().default(null),
  informExceptionGround: z.enum(INFORM_EXCEPTION_GROUNDS).nullable().default(null),
  /** The child is in acute danger: the procedural check never holds the report up. */
  acute: z.boolean(),
  /** Why the casushouder goes on despite a finding of the procedural check, per finding. */
  proceedReasons: z.partialRecord(z.enum(PROCEDURAL_FINDING_CODES), z.string().trim().max(2000)).default({}),
});
export type ReportInput = z.input<typeof reportRequest>;

export const reportCheckResponse = z.object({
  findings: z.array(
    z.object({
      code: z.enum(PROCEDURAL_FINDING_CODES),
      message: localised,
      mend: localised,
      matches: z.array(z.object({ start: z.number(), end: z.number(), word: z.string() })).optional(),
    }),
  ),
});
export type ReportCheckResponse = z.infer<typeof reportCheckResponse>;

// ——— The verwijsindex (SISA in the Rotterdam region): only that the school registered ———

export const riskIndexRegistrationRequest = z.object({ registeredOn: isoDate });

// ——— The case page ———

const person = z.object({ userId: z.string(), name: z.string() });

const entryVersion = z.object({
  version: z.number(),
  body: z.unknown(),
  recordedBy: person,
  recordedAt: z.string(),
  correctionReason: z.string().nullable(),
});

export const caseEntry = z.object({
  entryId: z.string(),
  kind: z.enum(ENTRY_KINDS as [string, ...string[]]),
  current: entryVersion,
  history: z.array(entryVersion),
  firstRecordedAt: z.string(),
  firstRecordedBy: person,
  /** Files on a signal or conversation (src/domain/attachments), oldest first. */
  attachments: z.array(attachmentSummary),
});
export type CaseEntry = z.infer<typeof caseEntry>;

const taskStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({ state: z.literal('recorded'), count: z.number() }),
  z.object({ state: z.enum(['done', 'not-applicable']), note: z.string().nullable(), by: person, at: z.string() }),
]);

export const caseStep = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  tasks: z.array(z.object({ id: z.string(), text: z.string(), help: z.string().nullable(), form: z.string().nullable(), retired: z.boolean(), status: taskStatus })),
});

const sibling = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same-school'), pupilId: z.string(), displayName: z.string(), groupName: z.string().nullable() }),
  z.object({ kind: z.literal('other-school'), schoolName: z.string() }),
]);

export const casePageResponse = z.object({
  case: z.object({
    id: z.string(),
    route: z.enum(['meldcode', 'staff']),
    step: z.number(),
    phase: z.enum(['open', 'monitoring', 'closed']),
    startedAt: z.string(),
    startedBy: person,
    casushouder: person.nullable(),
    protocolVersion: z.number().nullable(),
    /** Whether the school's route has a newer version than the one this case runs under. */
    newerProtocolVersion: z.number().nullable(),
  }),
  pupil: z.object({ id: z.string(), displayName: z.string(), groupName: z.string().nullable(), dateOfBirth: z.string().nullable() }),
  guardians: z.array(z.object({ id: z.string(), name: z.string(), hasAuthority: z.boolean() })),
  siblings: z.array(sibling),
  team: z.array(z.object({ userId: z.string(), name: z.string(), teamRole: z.enum(TEAM_ROLES), isCasushouder: z.boolean() })),
  /** People who opened the case through emergency access: shown to everyone on it. */
  breakGlass: z.array(z.object({ user: person, reason: z.string(), openedAt: z.string() })),
  steps: z.array(caseStep),
  /** Staff route: the board's duties, with their status. */
  duties: z.array(z.object({ id: z.string(), text: z.string(), status: taskStatus })),
  standingReminder: z.string(),
  taskDivisionPrinciples: z.object({ title: z.string(), items: z.array(z.string()) }),
  parentConversationPrinciples: z.object({ title: z.string(), items: z.array(z.string()) }),
  /** The school's verwijsindex, by name (e.g. SISA), or null when the school names none. */
  riskIndexName: z.string().nullable(),
  safety: z.object({ veiligThuisPhone: z.string(), veiligThuisRegion: z.string().nullable(), emergencyPhone: z.literal('112') }),
  entries: z.array(caseEntry),
  /** The largest attachment an upload may be (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: z.number(),
  /** Step 5's weighing, as it stands (null on the staff route). */
  weighing: weighingView.nullable(),
  abilities: z.object({ 'case.write': z.boolean(), 'case.escalate': z.boolean(), 'case.decide': z.boolean(), 'case.report': z.boolean(), 'case.risk-index': z.boolean(), 'case.close': z.boolean(), 'case.reopen': z.boolean(), 'case.access-log': z.boolean(), 'case.export': z.boolean() }),
});
export type CasePageResponse = z.infer<typeof casePageResponse>;

/** A case in a list: who, where it stands, no content. */
export const caseSummary = z.object({
  id: z.string(),
  route: z.enum(['meldcode', 'staff']),
  pupil: z.object({ id: z.string(), displayName: z.string(), groupName: z.string().nullable() }),
  schoolName: z.string(),
  step: z.number(),
  phase: z.enum(['open', 'monitoring', 'closed']),
  casushouderName: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const caseListResponse = z.object({ cases: z.array(caseSummary) });

export const teamCandidatesResponse = z.object({
  candidates: z.array(z.object({ userId: z.string(), name: z.string(), roles: z.array(z.string()), suggestedTeamRole: z.enum(TEAM_ROLES) })),
  proposedCasushouderId: z.string().nullable(),
});

export const entryKinds = RECORDED_ENTRY_KINDS;
