import { isCalendarDate } from '../working-days.js';
import type { LocalisedText } from '../signals/signal-catalogue.js';
import { isAllowedAnswer, type Answer, type QuestionId, type UnsafetyKind } from './questions.js';

/**
 * The afwegingskader of step 5 as a state machine (reference §3.1 and §3.3). Answers are records
 * that are never changed: going back to an earlier question is a new record that puts the later
 * answers out of force, and `weigh` replays the records to find where the case stands.
 */

/** One answer to one question, as recorded. */
export interface AnswerRecord {
  question: QuestionId;
  answer: Answer;
  /** Q2 yes or doubt: which unsafety it is about. */
  unsafety?: UnsafetyKind;
  reasoning: string;
  /** yyyy-mm-dd: the day the answer was given (the meeting), not the day it was typed in. */
  answeredOn: string;
  participants: string[];
  veiligThuisTookPart: boolean;
  recordedAt: string;
  recordedBy: string;
  /** Q3 and Q4 yes: the term (yyyy-mm-dd) by which the help must show results. */
  termUntil?: string;
  /** Set on the two records `fromEscalation` makes: the answers come from step 3's decision. */
  origin?: 'escalation';
}

/** Why the meldnorm calls for a report, by answer. */
export type ReportReason = 'unsafety' | 'doubt-about-unsafety' | 'no-effective-help' | 'help-not-accepted' | 'no-result';

export interface ReportCall {
  reason: ReportReason;
  /**
   * The situation of the meldnorm (reference §3.3): 1 acute or structural unsafety; 2 no
   * sufficiently effective help (help that is not accepted cannot be effective); 3 the unsafety
   * does not stop or comes back.
   */
  meldnorm: 1 | 2 | 3;
  /** A report was called for earlier on the path: this is a new report. */
  repeat: boolean;
}

export type WeighingOutcome =
  | { kind: 'open' }
  | { kind: 'closed-no-suspicion' }
  | { kind: 'report' }
  | { kind: 'help-started'; termUntil: string }
  | { kind: 'aftercare' };

/** An answer in force and where it leads. */
export interface PathStep {
  /** The record's index in the list given to `weigh`. */
  recordIndex: number;
  record: AnswerRecord;
  /** A report was called for before this answer, so it was given together with Veilig Thuis. */
  togetherWithVeiligThuis: boolean;
  /** The report this answer calls for, or null. */
  report: ReportCall | null;
  /** The question that follows this answer, or null where the weighing ends. */
  leadsTo: QuestionId | null;
  /** The outcome once this answer is given. */
  outcome: WeighingOutcome;
  /** Why the answer leads where it leads, for the browser. */
  explanation: LocalisedText;
}

export type RecordStatus =
  | { state: 'in-force'; pathIndex: number }
  /** A later record went back to this question or an earlier one; the record stays in the file. */
  | { state: 'superseded'; byRecordIndex: number }
  /**
   * The record could not be applied: its question was neither the next nor on the path, its
   * answer is not one the question takes, or a yes at Q3/Q4 has no term. `checkAnswer` refuses
   * such records, so a stored one means it was written around the domain.
   */
  | { state: 'ignored'; reason: 'not-answerable' | 'answer-not-allowed' | 'term-missing' };

export interface WeighingState {
  /** The answers in force, in order: always starting at Q1, each following the one before. */
  path: PathStep[];
  /** The question to answer now, or null when the weighing has ended (closed, or aftercare). */
  next: QuestionId | null;
  /** The next question is answered together with Veilig Thuis, because a report was called for. */
  nextTogetherWithVeiligThuis: boolean;
  outcome: WeighingOutcome;
  /**
   * The last answer in force calls for a report: reporting is the step to take now. Answers after
   * it are given together with Veilig Thuis, which presumes the report was made.
   */
  reportRequired: boolean;
  /** A report was called for somewhere on the path. */
  veiligThuisInvolved: boolean;
  /** One status per record given to `weigh`, in the same order. */
  records: RecordStatus[];
}

const OPEN: WeighingOutcome = { kind: 'open' };

/**
 * Replays the records in the order they were recorded. A record for the next question extends the
 * path; a record for a question already on the path goes back: the path is cut from that
 * question's last answer on, those records become superseded, and the new answer takes its place.
 * A record for the next question never goes back, even when that question was answered earlier in
 * the path (after a report the weighing comes round to Q3 again).
 *
 * @example
 * weigh([q1yes, q2no, q3yes]).next // 'q4'
 */
export function weigh(records: readonly AnswerRecord[]): WeighingState {
  const path: PathStep[] = [];
  const statuses: RecordStatus[] = [];
  records.forEach((record, recordIndex) => {
    const place = placeFor(path, record.question);
    if (place === null) {
      statuses.push({ state: 'ignored', reason: 'not-answerable' });
      return;
    }
    if (!isAllowedAnswer(record.question, record.answer)) {
      statuses.push({ state: 'ignored', reason: 'answer-not-allowed' });
      return;
    }
    if (needsTerm(record) && !record.termUntil) {
      statuses.push({ state: 'ignored', reason: 'term-missing' });
      return;
    }
    for (const dropped of path.splice(place)) statuses[dropped.recordIndex] = { state: 'superseded', byRecordIndex: recordIndex };
    statuses.push({ state: 'in-force', pathIndex: path.length });
    path.push(stepAfter(path.at(-1), record, recordIndex));
  });
  const last = path.at(-1);
  const next = nextAfter(path);
  const involved = last !== undefined && involvedAfter(last);
  return {
    path,
    next,
    nextTogetherWithVeiligThuis: next !== null && involved,
    outcome: last?.outcome ?? OPEN,
    reportRequired: last !== undefined && last.report !== null,
    veiligThuisInvolved: involved,
    records: statuses,
  };
}

/**
 * Whether a question may be answered now: the next question, or one already on the path (going
 * back, which puts its answer and every later one out of force).
 */
export function canAnswer(state: WeighingState, question: QuestionId): boolean {
  return placeFor(state.path, question) !== null;
}

/**
 * Step 3's decision "report at once" (case-progress `decideEscalation`) entered into the weighing:
 * the team judged there is a suspicion (Q1 yes) and unsafety (Q2 yes), for the reasoning it gave
 * then. Step 3 does not ask which unsafety, so the Q2 record has none; nor does it record who else
 * took part, so the person who decided is the participant.
 *
 * @example
 * weigh(fromEscalation('Kind vertelt over slaan met riem', '2026-11-20', 'ib-1', '2026-11-20T10:00:00Z')).reportRequired // true
 */
export function fromEscalation(reasoning: string, decidedOn: string, decidedBy: string, at: string): [AnswerRecord, AnswerRecord] {
  const base = { answer: 'yes' as const, reasoning, answeredOn: decidedOn, veiligThuisTookPart: false, recordedAt: at, recordedBy: decidedBy, origin: 'escalation' as const };
  return [
    { ...base, question: 'q1', participants: [decidedBy] },
    { ...base, question: 'q2', participants: [decidedBy] },
  ];
}

export type AnswerProblem =
  | { code: 'not-answerable-now' }
  | { code: 'answer-not-allowed' }
  | { code: 'unsafety-kind-required' }
  | { code: 'unsafety-kind-not-applicable' }
  | { code: 'reasoning-required' }
  | { code: 'invalid-date' }
  | { code: 'date-in-future' }
  | { code: 'date-before-previous-answer'; previousAnsweredOn: string }
  | { code: 'participants-required' }
  | { code: 'blank-participant'; index: number }
  | { code: 'term-required' }
  | { code: 'invalid-term' }
  | { code: 'term-not-after-answer' }
  | { code: 'term-not-applicable' };

/**
 * Checks a new answer before it is recorded, against the weighing as it stands and the school's
 * `today` (yyyy-mm-dd). Every answer needs reasoning, a real date that is not in the future and not
 * before the answer it follows, and at least one participant. A yes at Q3 or Q4 needs the term
 * for results, after the day of the answer. A yes or doubt at Q2 says which unsafety, except when
 * it comes from step 3's decision, which did not ask.
 */
export function checkAnswer(state: WeighingState, record: AnswerRecord, today: string): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const place = placeFor(state.path, record.question);
  if (place === null) problems.push({ code: 'not-answerable-now' });
  const allowed = isAllowedAnswer(record.question, record.answer);
  if (!allowed) problems.push({ code: 'answer-not-allowed' });
  const aboutUnsafety = record.question === 'q2' && (record.answer === 'yes' || record.answer === 'doubt');
  if (record.unsafety !== undefined && !aboutUnsafety) problems.push({ code: 'unsafety-kind-not-applicable' });
  if (record.question === 'q2' && record.answer === 'yes' && record.unsafety === undefined && record.origin !== 'escalation') {
    problems.push({ code: 'unsafety-kind-required' });
  }
  if (record.reasoning.trim().length === 0) problems.push({ code: 'reasoning-required' });
  if (!isCalendarDate(record.answeredOn)) problems.push({ code: 'invalid-date' });
  else {
    if (record.answeredOn > today) problems.push({ code: 'date-in-future' });
    const previous = place === null ? undefined : state.path[place - 1];
    if (previous && record.answeredOn < previous.record.answeredOn) {
      problems.push({ code: 'date-before-previous-answer', previousAnsweredOn: previous.record.answeredOn });
    }
  }
  if (!record.participants.some((p) => p.trim().length > 0)) problems.push({ code: 'participants-required' });
  record.participants.forEach((p, index) => {
    if (p.trim().length === 0) problems.push({ code: 'blank-participant', index });
  });
  if (allowed && needsTerm(record)) {
    if (record.termUntil === undefined) problems.push({ code: 'term-required' });
    else if (!isCalendarDate(record.termUntil)) problems.push({ code: 'invalid-term' });
    else if (isCalendarDate(record.answeredOn) && record.termUntil <= record.answeredOn) problems.push({ code: 'term-not-after-answer' });
  } else if (record.termUntil !== undefined) {
    problems.push({ code: 'term-not-applicable' });
  }
  return problems;
}


/** A yes at Q3 (help can be offered) or Q4 (help accepted) comes with the term for results. */
function needsTerm(record: AnswerRecord): boolean {
  return (record.question === 'q3' || record.question === 'q4') && record.answer === 'yes';
}

function nextAfter(path: readonly PathStep[]): QuestionId | null {
  const last = path.at(-1);
  return last === undefined ? 'q1' : last.leadsTo;
}

/** Where on the path an answer to this question goes: the end (next), its last answer (going back), or nowhere. */
function placeFor(path: readonly PathStep[], question: QuestionId): number | null {
  if (nextAfter(path) === question) return path.length;
  const index = path.findLastIndex((s) => s.record.question === question);
  return index >= 0 ? index : null;
}

function involvedAfter(step: PathStep): boolean {
  return step.togetherWithVeiligThuis || step.report !== null;
}

/** The transition: where an answer leads, given what came before it. */
function stepAfter(previous: PathStep | undefined, record: AnswerRecord, recordIndex: number): PathStep {
  const together = previous !== undefined && involvedAfter(previous);
  const before = previous?.outcome ?? OPEN;
  const report = (reason: ReportReason, meldnorm: 1 | 2 | 3): ReportCall => ({ reason, meldnorm, repeat: together });
  const make = (leadsTo: QuestionId | null, call: ReportCall | null, outcome: WeighingOutcome, text: LocalisedText): PathStep => ({
    recordIndex,
    record,
    togetherWithVeiligThuis: together,
    report: call,
    leadsTo,
    outcome,
    explanation: record.origin === 'escalation' ? prefix(FROM_ESCALATION, text) : together ? prefix(WITH_VEILIG_THUIS, text) : text,
  });
  const yes = record.answer !== 'no';
  switch (record.question) {
    case 'q1':
      return yes ? make('q2', null, OPEN, TEXT.q1Yes) : make(null, null, { kind: 'closed-no-suspicion' }, TEXT.q1No);
    case 'q2':
      if (!yes) return make('q3', null, OPEN, TEXT.q2No);
      return record.answer === 'doubt'
        ? make('q3', report('doubt-about-unsafety', 1), { kind: 'report' }, TEXT.q2Doubt)
        : make('q3', report('unsafety', 1), { kind: 'report' }, q2YesText(record.unsafety));
    case 'q3':
      if (yes) return make('q4', null, before, TEXT.q3Yes);
      // Once Veilig Thuis has the report, a no together with it calls for no second report: Veilig
      // Thuis is responsible for the reported situation (reference §3.3), and Q3 comes round again.
      return together ? make('q3', null, { kind: 'report' }, TEXT.q3NoTogether) : make('q3', report('no-effective-help', 2), { kind: 'report' }, TEXT.q3No);
    case 'q4':
      // needsTerm: weigh applies a Q4 yes only with a term.
      if (yes) return make('q5', null, { kind: 'help-started', termUntil: record.termUntil! }, TEXT.q4Yes);
      return together ? make('q3', null, { kind: 'report' }, TEXT.q4NoTogether) : make('q3', report('help-not-accepted', 2), { kind: 'report' }, TEXT.q4No);
    case 'q5':
      if (yes) return make(null, null, { kind: 'aftercare' }, TEXT.q5Yes);
      // Unsafety that does not stop or comes back calls for a report, and for a new one after an earlier report.
      return make('q3', report('no-result', 3), { kind: 'report' }, together ? TEXT.q5NoAgain : TEXT.q5No);
  }
}

function prefix(first: LocalisedText, text: LocalisedText): LocalisedText {
  return { nl: `${first.nl} ${text.nl}`, en: `${first.en} ${text.en}` };
}

function q2YesText(kind: UnsafetyKind | undefined): LocalisedText {
  const what: Record<UnsafetyKind | 'unstated', LocalisedText> = {
    acute: { nl: 'Er is acute onveiligheid.', en: 'There is acute unsafety.' },
    structural: { nl: 'Er is structurele onveiligheid.', en: 'There is structural unsafety.' },
    both: { nl: 'Er is acute én structurele onveiligheid.', en: 'There is both acute and structural unsafety.' },
    unstated: { nl: 'Er is acute en/of structurele onveiligheid.', en: 'There is acute and/or structural unsafety.' },
  };
  return prefix(what[kind ?? 'unstated'], TEXT.q2YesRest);
}

const FROM_ESCALATION: LocalisedText = {
  nl: 'Overgenomen uit het besluit in stap 3 om direct te melden.',
  en: "Taken over from step 3's decision to report at once.",
};

const WITH_VEILIG_THUIS: LocalisedText = {
  nl: 'Samen met Veilig Thuis, na de melding:',
  en: 'Together with Veilig Thuis, after the report:',
};

const AFTER_REPORT: LocalisedText = {
  nl: 'Na de melding gaan vraag 3 tot en met 5 samen met Veilig Thuis verder.',
  en: 'After the report, questions 3 to 5 go on together with Veilig Thuis.',
};

const TEXT = {
  q1Yes: {
    nl: 'Er is (nog steeds) een vermoeden van huiselijk geweld of kindermishandeling. Daarom volgt vraag 2: is er acute en/of structurele onveiligheid?',
    en: 'There is (still) a suspicion of domestic violence or child abuse. So question 2 follows: is there acute and/or structural unsafety?',
  },
  q1No: {
    nl: 'Er is geen vermoeden (meer). De meldcode wordt afgesloten en de uitkomst wordt vastgelegd in het dossier. De meldcode kan altijd opnieuw starten.',
    en: 'There is no (longer a) suspicion. The meldcode is closed and the outcome is recorded in the file. The meldcode can always start again.',
  },
  q2YesRest: {
    nl: `Dan is melden bij Veilig Thuis altijd de norm (meldnorm 1). ${AFTER_REPORT.nl}`,
    en: `Then reporting to Veilig Thuis is always the norm (meldnorm 1). ${AFTER_REPORT.en}`,
  },
  q2Doubt: {
    nl: `Er is twijfel over acute of structurele onveiligheid. In het onderwijs telt twijfel als ja: meld direct bij Veilig Thuis (meldnorm 1). ${AFTER_REPORT.nl}`,
    en: `There is doubt about acute or structural unsafety. In education doubt counts as yes: report to Veilig Thuis at once (meldnorm 1). ${AFTER_REPORT.en}`,
  },
  q2No: {
    nl: 'Er is geen acute of structurele onveiligheid. Daarom volgt vraag 3: kan de school effectieve hulp bieden of organiseren?',
    en: 'There is no acute or structural unsafety. So question 3 follows: can the school provide or organise effective help?',
  },
  q3Yes: {
    nl: 'Effectieve hulp kan worden geboden of georganiseerd. Daarom volgt vraag 4: aanvaarden de betrokkenen die hulp?',
    en: 'Effective help can be provided or organised. So question 4 follows: do those involved accept that help?',
  },
  q3No: {
    nl: `De school kan geen voldoende effectieve hulp bieden of organiseren. Dan is melden bij Veilig Thuis de norm (meldnorm 2). ${AFTER_REPORT.nl}`,
    en: `The school cannot provide or organise sufficiently effective help. Then reporting to Veilig Thuis is the norm (meldnorm 2). ${AFTER_REPORT.en}`,
  },
  q3NoTogether: {
    nl: 'Er is nu geen effectieve hulp te bieden of te organiseren. Veilig Thuis heeft de melding en is verantwoordelijk voor de aanpak van de gemelde situatie; een nieuwe melding is niet nodig. De school blijft verantwoordelijk voor haar eigen ondersteuning; vraag 3 komt terug zodra hulp mogelijk wordt.',
    en: 'No effective help can be provided or organised now. Veilig Thuis has the report and is responsible for dealing with the reported situation; a new report is not needed. The school stays responsible for its own support; question 3 comes back as soon as help becomes possible.',
  },
  q4Yes: {
    nl: 'De betrokkenen aanvaarden de hulp. De hulp start, met een casushouder, vastgelegde rollen en taken en een afgesproken termijn waarbinnen het resultaat zichtbaar moet zijn. Daarna volgt vraag 5: leidt de hulp tot de nodige resultaten?',
    en: 'Those involved accept the help. The help starts, with a casushouder, recorded roles and tasks, and an agreed term by which the result must be visible. Then question 5 follows: does the help lead to the necessary results?',
  },
  q4No: {
    nl: `De betrokkenen aanvaarden de hulp niet of willen zich er niet aan committeren. Hulp die niet wordt aanvaard, kan niet effectief zijn: melden bij Veilig Thuis is de norm (meldnorm 2). ${AFTER_REPORT.nl}`,
    en: `Those involved do not accept the help or will not commit to it. Help that is not accepted cannot be effective: reporting to Veilig Thuis is the norm (meldnorm 2). ${AFTER_REPORT.en}`,
  },
  q4NoTogether: {
    nl: 'De betrokkenen aanvaarden de hulp niet. Veilig Thuis heeft de melding en is verantwoordelijk voor de aanpak van de gemelde situatie; een nieuwe melding is niet nodig. Daarom volgt opnieuw vraag 3: welke hulp is wel te bieden of te organiseren?',
    en: 'Those involved do not accept the help. Veilig Thuis has the report and is responsible for dealing with the reported situation; a new report is not needed. So question 3 follows again: what help can be provided or organised?',
  },
  q5Yes: {
    nl: 'De hulp leidt binnen de termijn tot de nodige resultaten voor veiligheid en welzijn. De hulp wordt afgesloten, met vastgelegde afspraken met de betrokkenen en partners over het volgen van de (on)veiligheid: nazorg met monitoring.',
    en: 'The help leads, within the term, to the necessary results for safety and well-being. The help is closed, with recorded agreements with those involved and partners about monitoring (un)safety: aftercare with monitoring.',
  },
  q5No: {
    nl: `De hulp leidt niet binnen de termijn tot de nodige resultaten: de onveiligheid stopt niet of komt terug. Dan is melden bij Veilig Thuis de norm (meldnorm 3). ${AFTER_REPORT.nl}`,
    en: `The help does not lead to the necessary results within the term: the unsafety does not stop or comes back. Then reporting to Veilig Thuis is the norm (meldnorm 3). ${AFTER_REPORT.en}`,
  },
  q5NoAgain: {
    nl: 'De hulp leidt niet binnen de termijn tot de nodige resultaten: de onveiligheid stopt niet of komt terug. Dan is een nieuwe melding bij Veilig Thuis de norm (meldnorm 3), ook al is er eerder gemeld. Daarna gaan vraag 3 tot en met 5 weer samen met Veilig Thuis verder.',
    en: 'The help does not lead to the necessary results within the term: the unsafety does not stop or comes back. Then a new report to Veilig Thuis is the norm (meldnorm 3), even though there was an earlier report. Then questions 3 to 5 go on together with Veilig Thuis again.',
  },
} satisfies Record<string, LocalisedText>;
