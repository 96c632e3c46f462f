import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACUTE_UNSAFETY,
  ANSWER_LABELS,
  ANSWERS,
  DOUBT_COUNTS_AS_YES,
  EFFECTIVE_HELP_IN_SCHOOL,
  QUESTION_IDS,
  STRUCTURAL_UNSAFETY,
  UNSAFETY_KIND_LABELS,
  UNSAFETY_KINDS,
  WEIGHING_QUESTIONS,
  countsAsYes,
  isAllowedAnswer,
  isQuestionId,
  questionById,
  type Answer,
  type QuestionId,
  type UnsafetyKind,
} from '../../../src/domain/cases/afwegingskader/questions.js';
import {
  NATURE_OPTIONS,
  NATURES_OF_VIOLENCE,
  RISK_LABELS,
  RISKS,
  SEVERITIES,
  SEVERITY_LABELS,
  checkRiskAssessment,
  naturesSuggestedBySignals,
  type RiskAssessment,
} from '../../../src/domain/cases/afwegingskader/risk-assessment.js';
import {
  canAnswer,
  checkAnswer,
  fromEscalation,
  weigh,
  type AnswerRecord,
  type WeighingState,
} from '../../../src/domain/cases/afwegingskader/weighing.js';
import { SIGNAL_CATEGORY_IDS } from '../../../src/domain/cases/signals/signal-catalogue.js';
import { isCalendarDate } from '../../../src/domain/cases/working-days.js';

const TODAY = '2026-11-20';
const TERM = '2027-01-15';

/** One answer as the interventieteam records it; a yes at Q3/Q4 comes with a term, a yes at Q2 with its kind. */
function answer(question: QuestionId, value: Answer, overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  const needsTerm = (question === 'q3' || question === 'q4') && value === 'yes';
  return {
    question,
    answer: value,
    ...(question === 'q2' && value === 'yes' ? { unsafety: 'acute' as const } : {}),
    reasoning: 'Besproken in het interventieteam; zie het verslag.',
    answeredOn: '2026-11-02',
    participants: ['IB’er', 'SMW'],
    veiligThuisTookPart: false,
    recordedAt: '2026-11-02T10:00:00Z',
    recordedBy: 'ib-1',
    ...(needsTerm ? { termUntil: TERM } : {}),
    ...overrides,
  };
}

const yes = (q: QuestionId, overrides: Partial<AnswerRecord> = {}) => answer(q, 'yes', overrides);
const no = (q: QuestionId, overrides: Partial<AnswerRecord> = {}) => answer(q, 'no', overrides);

/** The questions and answers in force, in order, as "q1:yes". */
function pathOf(state: WeighingState): string[] {
  return state.path.map((s) => `${s.record.question}:${s.record.answer}`);
}

describe('the five questions as data', () => {
  it('holds Q1 to Q5 in order, each with a theme and its text in Dutch and English', () => {
    expect(WEIGHING_QUESTIONS.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(WEIGHING_QUESTIONS.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(WEIGHING_QUESTIONS.map((q) => q.theme.nl)).toEqual(['Vermoeden', 'Veiligheid', 'Hulp', 'Acceptatie', 'Resultaat']);
    for (const q of WEIGHING_QUESTIONS) {
      expect(q.text.nl.endsWith('?')).toBe(true);
      expect(q.text.en.endsWith('?')).toBe(true);
      expect(questionById(q.id)).toBe(q);
      for (const help of q.help) {
        expect(help.title.nl && help.title.en && help.body.nl && help.body.en).toBeTruthy();
        for (const example of help.examples ?? []) expect(example.nl && example.en).toBeTruthy();
      }
    }
    expect(isQuestionId('q3')).toBe(true);
    expect(isQuestionId('q6')).toBe(false);
  });

  it('offers doubt only at Q2, where it counts as yes', () => {
    expect(questionById('q2').answers).toEqual(['yes', 'doubt', 'no']);
    for (const id of ['q1', 'q3', 'q4', 'q5'] as const) expect(questionById(id).answers).toEqual(['yes', 'no']);
    expect(isAllowedAnswer('q2', 'doubt')).toBe(true);
    expect(isAllowedAnswer('q3', 'doubt')).toBe(false);
    expect(countsAsYes('yes')).toBe(true);
    expect(countsAsYes('doubt')).toBe(true);
    expect(countsAsYes('no')).toBe(false);
  });

  it('shows at Q2 the definitions of acute and structural unsafety and the education rule on doubt', () => {
    expect(questionById('q2').help).toEqual([ACUTE_UNSAFETY, STRUCTURAL_UNSAFETY, DOUBT_COUNTS_AS_YES]);
    expect(ACUTE_UNSAFETY.body.nl).toContain('direct lichamelijk gevaar');
    expect(ACUTE_UNSAFETY.body.en).toContain('direct physical danger');
    expect(ACUTE_UNSAFETY.body.nl).toContain('onthulling');
    expect(ACUTE_UNSAFETY.examples?.some((e) => e.nl.includes('wurging'))).toBe(true);
    expect(ACUTE_UNSAFETY.examples?.some((e) => e.en.includes('female genital mutilation'))).toBe(true);
    expect(STRUCTURAL_UNSAFETY.body.nl).toContain('herhalen of voortduren');
    expect(STRUCTURAL_UNSAFETY.body.en).toContain('repeat or continue');
    expect(STRUCTURAL_UNSAFETY.examples?.some((e) => e.nl.includes('stelselmatig getuige'))).toBe(true);
    expect(DOUBT_COUNTS_AS_YES.body.nl).toContain('twijfel');
    expect(DOUBT_COUNTS_AS_YES.body.en).toContain('counts as yes');
  });

  it('explains at Q3 that effective help in a school is second-line support or a chain partner, not the class teacher', () => {
    expect(questionById('q3').help).toEqual([EFFECTIVE_HELP_IN_SCHOOL]);
    expect(EFFECTIVE_HELP_IN_SCHOOL.body.nl).toContain('IB’er');
    expect(EFFECTIVE_HELP_IN_SCHOOL.body.nl).toContain('ketenpartner');
    expect(EFFECTIVE_HELP_IN_SCHOOL.body.nl).toContain('groepsleerkracht is niet');
    expect(EFFECTIVE_HELP_IN_SCHOOL.body.en).toContain('not the one who gives this help');
  });

  it('labels every answer and every kind of unsafety in both languages', () => {
    for (const a of ANSWERS) expect(ANSWER_LABELS[a].nl && ANSWER_LABELS[a].en).toBeTruthy();
    for (const k of UNSAFETY_KINDS) expect(UNSAFETY_KIND_LABELS[k].nl && UNSAFETY_KIND_LABELS[k].en).toBeTruthy();
  });
});

describe('every path through the afwegingskader', () => {
  it('starts at Q1 with nothing decided', () => {
    const state = weigh([]);
    expect(state).toEqual({
      path: [],
      next: 'q1',
      nextTogetherWithVeiligThuis: false,
      outcome: { kind: 'open' },
      reportRequired: false,
      veiligThuisInvolved: false,
      records: [],
    });
  });

  it('Q1 no: no suspicion, the meldcode is closed and nothing follows', () => {
    const state = weigh([no('q1')]);
    expect(state.outcome).toEqual({ kind: 'closed-no-suspicion' });
    expect(state.next).toBeNull();
    expect(state.reportRequired).toBe(false);
    expect(state.path[0]!.leadsTo).toBeNull();
  });

  it('Q1 yes leads to Q2, still open', () => {
    const state = weigh([yes('q1')]);
    expect(state.next).toBe('q2');
    expect(state.outcome).toEqual({ kind: 'open' });
    expect(state.reportRequired).toBe(false);
  });

  it('Q2 yes: a report is required (meldnorm 1), and Q3 follows together with Veilig Thuis', () => {
    const state = weigh([yes('q1'), yes('q2', { unsafety: 'structural' })]);
    expect(state.reportRequired).toBe(true);
    expect(state.path[1]!.report).toEqual({ reason: 'unsafety', meldnorm: 1, repeat: false });
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
    expect(state.veiligThuisInvolved).toBe(true);
  });

  it('Q2 doubt counts as yes: a report is required, and Q3 follows together with Veilig Thuis', () => {
    const state = weigh([yes('q1'), answer('q2', 'doubt')]);
    expect(state.reportRequired).toBe(true);
    expect(state.path[1]!.report).toEqual({ reason: 'doubt-about-unsafety', meldnorm: 1, repeat: false });
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  it('Q2 no leads to Q3, without a report and without Veilig Thuis', () => {
    const state = weigh([yes('q1'), no('q2')]);
    expect(state.next).toBe('q3');
    expect(state.reportRequired).toBe(false);
    expect(state.nextTogetherWithVeiligThuis).toBe(false);
    expect(state.veiligThuisInvolved).toBe(false);
    expect(state.outcome).toEqual({ kind: 'open' });
  });

  it('Q3 no: the school cannot offer effective help, so a report is required (meldnorm 2) and Q3 comes round with Veilig Thuis', () => {
    const state = weigh([yes('q1'), no('q2'), no('q3')]);
    expect(state.reportRequired).toBe(true);
    expect(state.path[2]!.report).toEqual({ reason: 'no-effective-help', meldnorm: 2, repeat: false });
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  it('Q3 yes leads to Q4 and changes nothing else', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3')]);
    expect(state.next).toBe('q4');
    expect(state.outcome).toEqual({ kind: 'open' });
    expect(state.reportRequired).toBe(false);
  });

  it('Q4 no: help that is not accepted cannot be effective, so a report is required (meldnorm 2) and Q3 comes round with Veilig Thuis', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3'), no('q4')]);
    expect(state.reportRequired).toBe(true);
    expect(state.path[3]!.report).toEqual({ reason: 'help-not-accepted', meldnorm: 2, repeat: false });
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  it('Q4 yes: help starts with the agreed term for results, and Q5 follows', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3', { termUntil: '2027-01-10' }), yes('q4', { termUntil: '2027-02-01' })]);
    expect(state.outcome).toEqual({ kind: 'help-started', termUntil: '2027-02-01' });
    expect(state.next).toBe('q5');
    expect(state.reportRequired).toBe(false);
  });

  it('Q5 yes: the help worked, so it is closed with aftercare and monitoring, and nothing follows', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3'), yes('q4'), yes('q5')]);
    expect(state.outcome).toEqual({ kind: 'aftercare' });
    expect(state.next).toBeNull();
    expect(state.reportRequired).toBe(false);
    expect(state.veiligThuisInvolved).toBe(false);
  });

  it('Q5 no: the unsafety does not stop, so a report is required (meldnorm 3) and Q3 comes round with Veilig Thuis', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3'), yes('q4'), no('q5')]);
    expect(state.reportRequired).toBe(true);
    expect(state.path[4]!.report).toEqual({ reason: 'no-result', meldnorm: 3, repeat: false });
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  describe('after a report, Q3 to Q5 go on together with Veilig Thuis', () => {
    const reported = [yes('q1'), yes('q2')];

    it('a report does not end the weighing: help can still start and succeed, with Veilig Thuis', () => {
      const state = weigh([...reported, yes('q3', { veiligThuisTookPart: true }), yes('q4', { veiligThuisTookPart: true }), yes('q5', { veiligThuisTookPart: true })]);
      expect(pathOf(state)).toEqual(['q1:yes', 'q2:yes', 'q3:yes', 'q4:yes', 'q5:yes']);
      expect(state.path.map((s) => s.togetherWithVeiligThuis)).toEqual([false, false, true, true, true]);
      expect(state.outcome).toEqual({ kind: 'aftercare' });
      expect(state.veiligThuisInvolved).toBe(true);
      expect(state.reportRequired).toBe(false);
    });

    it('the report stays the outcome while help is weighed, until help starts', () => {
      expect(weigh([...reported, yes('q3')]).outcome).toEqual({ kind: 'report' });
      expect(weigh([...reported, yes('q3')]).reportRequired).toBe(false);
      expect(weigh([...reported, yes('q3'), yes('q4')]).outcome).toEqual({ kind: 'help-started', termUntil: TERM });
    });

    it('Q2 yes leads to a report, whatever Q3 to Q5 say afterwards', () => {
      const state = weigh([...reported, yes('q3'), yes('q4'), yes('q5')]);
      expect(state.path[1]!.report).not.toBeNull();
    });

    it('Q5 no after a report requires a new report, and Q3 comes round again', () => {
      const state = weigh([...reported, yes('q3'), yes('q4'), no('q5')]);
      expect(state.reportRequired).toBe(true);
      expect(state.path[4]!.report).toEqual({ reason: 'no-result', meldnorm: 3, repeat: true });
      expect(state.next).toBe('q3');
      expect(state.nextTogetherWithVeiligThuis).toBe(true);
    });

    it('a report after Q3 no is followed the same way: Q5 no later is a new report', () => {
      const state = weigh([yes('q1'), no('q2'), no('q3'), yes('q3'), yes('q4'), no('q5')]);
      expect(state.path.map((s) => s.report?.repeat ?? null)).toEqual([null, null, false, null, null, true]);
    });

    it('Q3 no together with Veilig Thuis needs no second report: Veilig Thuis has the case, and Q3 comes round again', () => {
      const state = weigh([...reported, no('q3', { veiligThuisTookPart: true })]);
      expect(state.reportRequired).toBe(false);
      expect(state.path[2]!.report).toBeNull();
      expect(state.outcome).toEqual({ kind: 'report' });
      expect(state.next).toBe('q3');
      expect(state.nextTogetherWithVeiligThuis).toBe(true);
    });

    it('Q4 no together with Veilig Thuis needs no second report: Q3 comes round for other help', () => {
      const state = weigh([...reported, yes('q3'), no('q4')]);
      expect(state.reportRequired).toBe(false);
      expect(state.path[3]!.report).toBeNull();
      expect(state.outcome).toEqual({ kind: 'report' });
      expect(state.next).toBe('q3');
    });

    it('rounds can follow each other: each no at Q5 is another report', () => {
      const round = [yes('q3'), yes('q4'), no('q5')];
      const state = weigh([...reported, ...round, ...round, yes('q3'), yes('q4'), yes('q5')]);
      expect(state.path.filter((s) => s.report !== null).map((s) => s.report!.reason)).toEqual(['unsafety', 'no-result', 'no-result']);
      expect(state.outcome).toEqual({ kind: 'aftercare' });
    });
  });

  // The whole flow as one table: what came before, the answer, and where it leads.
  const table: [string, AnswerRecord[], AnswerRecord, QuestionId | null, string | null, WeighingState['outcome']['kind']][] = [
    ['Q1 no', [], no('q1'), null, null, 'closed-no-suspicion'],
    ['Q1 yes', [], yes('q1'), 'q2', null, 'open'],
    ['Q2 yes', [yes('q1')], yes('q2'), 'q3', 'unsafety', 'report'],
    ['Q2 doubt', [yes('q1')], answer('q2', 'doubt'), 'q3', 'doubt-about-unsafety', 'report'],
    ['Q2 no', [yes('q1')], no('q2'), 'q3', null, 'open'],
    ['Q3 yes', [yes('q1'), no('q2')], yes('q3'), 'q4', null, 'open'],
    ['Q3 no', [yes('q1'), no('q2')], no('q3'), 'q3', 'no-effective-help', 'report'],
    ['Q4 yes', [yes('q1'), no('q2'), yes('q3')], yes('q4'), 'q5', null, 'help-started'],
    ['Q4 no', [yes('q1'), no('q2'), yes('q3')], no('q4'), 'q3', 'help-not-accepted', 'report'],
    ['Q5 yes', [yes('q1'), no('q2'), yes('q3'), yes('q4')], yes('q5'), null, null, 'aftercare'],
    ['Q5 no', [yes('q1'), no('q2'), yes('q3'), yes('q4')], no('q5'), 'q3', 'no-result', 'report'],
    ['Q3 yes with VT', [yes('q1'), yes('q2')], yes('q3'), 'q4', null, 'report'],
    ['Q3 no with VT', [yes('q1'), yes('q2')], no('q3'), 'q3', null, 'report'],
    ['Q4 yes with VT', [yes('q1'), yes('q2'), yes('q3')], yes('q4'), 'q5', null, 'help-started'],
    ['Q4 no with VT', [yes('q1'), yes('q2'), yes('q3')], no('q4'), 'q3', null, 'report'],
    ['Q5 yes with VT', [yes('q1'), yes('q2'), yes('q3'), yes('q4')], yes('q5'), null, null, 'aftercare'],
    ['Q5 no with VT', [yes('q1'), yes('q2'), yes('q3'), yes('q4')], no('q5'), 'q3', 'no-result', 'report'],
  ];

  it.each(table)('%s leads where the flow says', (_name, before, given, next, reason, outcome) => {
    const state = weigh([...before, given]);
    const step = state.path.at(-1)!;
    expect(step.record).toBe(given);
    expect(state.next).toBe(next);
    expect(step.leadsTo).toBe(next);
    expect(step.report?.reason ?? null).toBe(reason);
    expect(state.reportRequired).toBe(reason !== null);
    expect(state.outcome.kind).toBe(outcome);
  });

  it('explains every step in Dutch and English, each transition in its own words', () => {
    const explanations = table.map(([, before, given]) => weigh([...before, given]).path.at(-1)!.explanation);
    for (const e of explanations) {
      expect(e.nl.length).toBeGreaterThan(40);
      expect(e.en.length).toBeGreaterThan(40);
    }
    expect(new Set(explanations.map((e) => e.nl)).size).toBe(explanations.length);
    expect(new Set(explanations.map((e) => e.en)).size).toBe(explanations.length);
  });

  it('says in the explanation why each answer leads where it leads', () => {
    const explain = (records: AnswerRecord[]) => weigh(records).path.at(-1)!.explanation;
    expect(explain([no('q1')]).nl).toContain('meldcode wordt afgesloten');
    expect(explain([yes('q1')]).nl).toContain('vraag 2');
    expect(explain([yes('q1'), yes('q2', { unsafety: 'acute' })]).nl).toContain('Er is acute onveiligheid');
    expect(explain([yes('q1'), yes('q2', { unsafety: 'structural' })]).en).toContain('There is structural unsafety');
    expect(explain([yes('q1'), yes('q2', { unsafety: 'both' })]).nl).toContain('acute én structurele');
    expect(explain([yes('q1'), yes('q2')]).nl).toContain('meldnorm 1');
    expect(explain([yes('q1'), answer('q2', 'doubt')]).nl).toContain('twijfel als ja');
    expect(explain([yes('q1'), no('q2')]).nl).toContain('vraag 3');
    expect(explain([yes('q1'), no('q2'), no('q3')]).nl).toContain('meldnorm 2');
    expect(explain([yes('q1'), no('q2'), yes('q3')]).nl).toContain('vraag 4');
    expect(explain([yes('q1'), no('q2'), yes('q3'), no('q4')]).en).toContain('cannot be effective');
    expect(explain([yes('q1'), no('q2'), yes('q3'), yes('q4')]).nl).toContain('termijn');
    expect(explain([yes('q1'), no('q2'), yes('q3'), yes('q4'), yes('q5')]).nl).toContain('nazorg met monitoring');
    expect(explain([yes('q1'), no('q2'), yes('q3'), yes('q4'), no('q5')]).nl).toContain('meldnorm 3');
    expect(explain([yes('q1'), yes('q2'), yes('q3'), yes('q4'), no('q5')]).nl).toContain('nieuwe melding');
    expect(explain([yes('q1'), yes('q2'), no('q3')]).nl).toContain('een nieuwe melding is niet nodig');
    expect(explain([yes('q1'), yes('q2'), yes('q3')]).nl.startsWith('Samen met Veilig Thuis')).toBe(true);
    expect(explain([yes('q1'), yes('q2'), yes('q3')]).en.startsWith('Together with Veilig Thuis')).toBe(true);
  });
});

describe('going back to an earlier answer', () => {
  it('answering Q2 again after Q4 puts Q2 to Q4 out of force, and keeps every record', () => {
    const records = [yes('q1'), no('q2'), yes('q3'), yes('q4'), yes('q2', { answeredOn: '2026-11-10' })];
    const state = weigh(records);
    expect(pathOf(state)).toEqual(['q1:yes', 'q2:yes']);
    expect(state.path[1]!.record).toBe(records[4]);
    expect(state.records).toEqual([
      { state: 'in-force', pathIndex: 0 },
      { state: 'superseded', byRecordIndex: 4 },
      { state: 'superseded', byRecordIndex: 4 },
      { state: 'superseded', byRecordIndex: 4 },
      { state: 'in-force', pathIndex: 1 },
    ]);
    expect(state.reportRequired).toBe(true);
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  it('answering the next question extends the path, even when that question was answered before', () => {
    const state = weigh([yes('q1'), no('q2'), no('q3'), yes('q3', { answeredOn: '2026-11-04' })]);
    // The second Q3 was the next question (after the report), so it extends the path: nothing is superseded.
    expect(pathOf(state)).toEqual(['q1:yes', 'q2:no', 'q3:no', 'q3:yes']);
    expect(state.records.every((r) => r.state === 'in-force')).toBe(true);
  });

  it('going back to a question answered twice goes back to its last answer', () => {
    const records = [yes('q1'), no('q2'), no('q3'), yes('q3'), yes('q4'), no('q3')];
    const state = weigh(records);
    expect(pathOf(state)).toEqual(['q1:yes', 'q2:no', 'q3:no', 'q3:no']);
    expect(state.records.map((r) => r.state)).toEqual(['in-force', 'in-force', 'in-force', 'superseded', 'superseded', 'in-force']);
    expect(state.path[3]!.togetherWithVeiligThuis).toBe(true);
    expect(state.path[3]!.report).toBeNull();
  });

  it('going back over a report takes the report out of the path, but not out of the file', () => {
    const state = weigh([yes('q1'), yes('q2'), no('q2')]);
    expect(state.reportRequired).toBe(false);
    expect(state.veiligThuisInvolved).toBe(false);
    expect(state.records[1]).toEqual({ state: 'superseded', byRecordIndex: 2 });
  });

  it('a closed meldcode can start again by answering Q1 anew', () => {
    const state = weigh([yes('q1'), no('q1'), yes('q1')]);
    expect(state.next).toBe('q2');
    expect(state.outcome).toEqual({ kind: 'open' });
    expect(state.records.map((r) => r.state)).toEqual(['superseded', 'superseded', 'in-force']);
  });

  it('after aftercare an earlier answer can still be reconsidered', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3'), yes('q4'), yes('q5'), no('q5')]);
    expect(state.path.at(-1)!.record.answer).toBe('no');
    expect(state.outcome).toEqual({ kind: 'report' });
  });

  it('may answer the next question or one on the path, and no other', () => {
    const state = weigh([yes('q1'), no('q2'), yes('q3')]);
    expect(QUESTION_IDS.filter((q) => canAnswer(state, q))).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(QUESTION_IDS.filter((q) => canAnswer(weigh([]), q))).toEqual(['q1']);
    expect(QUESTION_IDS.filter((q) => canAnswer(weigh([no('q1')]), q))).toEqual(['q1']);
    expect(QUESTION_IDS.filter((q) => canAnswer(weigh([yes('q1'), yes('q2')]), q))).toEqual(['q1', 'q2', 'q3']);
  });

  it('ignores, but keeps, a record it cannot apply', () => {
    const state = weigh([yes('q3'), answer('q1', 'doubt'), yes('q1'), yes('q2'), yes('q3', { termUntil: undefined }), yes('q5')]);
    expect(state.records).toEqual([
      { state: 'ignored', reason: 'not-answerable' },
      { state: 'ignored', reason: 'answer-not-allowed' },
      { state: 'in-force', pathIndex: 0 },
      { state: 'in-force', pathIndex: 1 },
      { state: 'ignored', reason: 'term-missing' },
      { state: 'ignored', reason: 'not-answerable' },
    ]);
    expect(state.next).toBe('q3');
  });
});

describe('the escalation of step 3 as the entry point', () => {
  const decision = fromEscalation('Kind vertelt uit zichzelf over slaan met een riem en vraagt om hulp.', '2026-11-18', 'ib-1', '2026-11-18T14:05:00Z');

  it('turns "report at once" into Q1 yes and Q2 yes, with the reasoning recorded then', () => {
    expect(decision).toEqual([
      {
        question: 'q1',
        answer: 'yes',
        reasoning: 'Kind vertelt uit zichzelf over slaan met een riem en vraagt om hulp.',
        answeredOn: '2026-11-18',
        participants: ['ib-1'],
        veiligThuisTookPart: false,
        recordedAt: '2026-11-18T14:05:00Z',
        recordedBy: 'ib-1',
        origin: 'escalation',
      },
      {
        question: 'q2',
        answer: 'yes',
        reasoning: 'Kind vertelt uit zichzelf over slaan met een riem en vraagt om hulp.',
        answeredOn: '2026-11-18',
        participants: ['ib-1'],
        veiligThuisTookPart: false,
        recordedAt: '2026-11-18T14:05:00Z',
        recordedBy: 'ib-1',
        origin: 'escalation',
      },
    ]);
  });

  it('requires the report and goes on with Q3 together with Veilig Thuis', () => {
    const state = weigh(decision);
    expect(pathOf(state)).toEqual(['q1:yes', 'q2:yes']);
    expect(state.reportRequired).toBe(true);
    expect(state.outcome).toEqual({ kind: 'report' });
    expect(state.next).toBe('q3');
    expect(state.nextTogetherWithVeiligThuis).toBe(true);
  });

  it('says in the explanation that the answers come from step 3', () => {
    const state = weigh(decision);
    for (const step of state.path) {
      expect(step.explanation.nl.startsWith('Overgenomen uit het besluit in stap 3')).toBe(true);
      expect(step.explanation.en).toContain('step 3');
    }
    expect(state.path[1]!.explanation.nl).toContain('acute en/of structurele onveiligheid');
  });

  it('passes the checks although step 3 did not ask which unsafety', () => {
    const [q1, q2] = decision;
    expect(checkAnswer(weigh([]), q1, TODAY)).toEqual([]);
    expect(checkAnswer(weigh([q1]), q2, TODAY)).toEqual([]);
  });

  it('continues like any report: help with Veilig Thuis, and a new report when it does not work', () => {
    const state = weigh([...decision, yes('q3', { answeredOn: '2026-11-19' }), yes('q4', { answeredOn: '2026-11-19' }), no('q5', { answeredOn: '2026-11-20' })]);
    expect(state.path.at(-1)!.report).toEqual({ reason: 'no-result', meldnorm: 3, repeat: true });
  });
});

describe('checking an answer before it is recorded', () => {
  const atQ3 = weigh([yes('q1'), no('q2')]);

  it('accepts a complete answer', () => {
    expect(checkAnswer(weigh([]), yes('q1'), TODAY)).toEqual([]);
    expect(checkAnswer(atQ3, yes('q3'), TODAY)).toEqual([]);
    expect(checkAnswer(atQ3, no('q3'), TODAY)).toEqual([]);
    expect(checkAnswer(weigh([yes('q1')]), answer('q2', 'doubt'), TODAY)).toEqual([]);
    expect(checkAnswer(weigh([yes('q1')]), answer('q2', 'doubt', { unsafety: 'both' }), TODAY)).toEqual([]);
  });

  it('requires the reasoning in words', () => {
    expect(checkAnswer(atQ3, no('q3', { reasoning: '  \n' }), TODAY)).toEqual([{ code: 'reasoning-required' }]);
  });

  it('takes a real date, today or earlier, not before the answer it follows', () => {
    expect(checkAnswer(atQ3, no('q3', { answeredOn: TODAY }), TODAY)).toEqual([]);
    expect(checkAnswer(atQ3, no('q3', { answeredOn: '2026-11-21' }), TODAY)).toEqual([{ code: 'date-in-future' }]);
    expect(checkAnswer(atQ3, no('q3', { answeredOn: '2026-02-29' }), TODAY)).toEqual([{ code: 'invalid-date' }]);
    expect(checkAnswer(atQ3, no('q3', { answeredOn: '20-11-2026' }), TODAY)).toEqual([{ code: 'invalid-date' }]);
    expect(checkAnswer(atQ3, no('q3', { answeredOn: '2026-11-01' }), TODAY)).toEqual([{ code: 'date-before-previous-answer', previousAnsweredOn: '2026-11-02' }]);
    // Going back compares with the answer before the question gone back to.
    const later = weigh([yes('q1', { answeredOn: '2026-10-01' }), no('q2', { answeredOn: '2026-11-02' })]);
    expect(checkAnswer(later, yes('q2', { answeredOn: '2026-10-15' }), TODAY)).toEqual([]);
    expect(checkAnswer(later, yes('q2', { answeredOn: '2026-09-30' }), TODAY)).toEqual([{ code: 'date-before-previous-answer', previousAnsweredOn: '2026-10-01' }]);
  });

  it('requires at least one participant, and no blank ones', () => {
    expect(checkAnswer(atQ3, no('q3', { participants: [] }), TODAY)).toEqual([{ code: 'participants-required' }]);
    expect(checkAnswer(atQ3, no('q3', { participants: [' '] }), TODAY)).toEqual([{ code: 'participants-required' }, { code: 'blank-participant', index: 0 }]);
    expect(checkAnswer(atQ3, no('q3', { participants: ['IB’er', ''] }), TODAY)).toEqual([{ code: 'blank-participant', index: 1 }]);
    expect(checkAnswer(atQ3, no('q3', { participants: ['Veilig Thuis (telefonisch)'], veiligThuisTookPart: true }), TODAY)).toEqual([]);
  });

  it('requires a term for results after the day of the answer for a yes at Q3 and Q4', () => {
    const atQ4 = weigh([yes('q1'), no('q2'), yes('q3')]);
    for (const [state, q] of [
      [atQ3, 'q3'],
      [atQ4, 'q4'],
    ] as const) {
      expect(checkAnswer(state, yes(q, { termUntil: undefined }), TODAY)).toEqual([{ code: 'term-required' }]);
      expect(checkAnswer(state, yes(q, { termUntil: '2026-11-02' }), TODAY)).toEqual([{ code: 'term-not-after-answer' }]);
      expect(checkAnswer(state, yes(q, { termUntil: '2026-11-03' }), TODAY)).toEqual([]);
      expect(checkAnswer(state, yes(q, { termUntil: '2027-13-01' }), TODAY)).toEqual([{ code: 'invalid-term' }]);
    }
  });

  it('refuses a term on an answer that starts no help', () => {
    expect(checkAnswer(atQ3, no('q3', { termUntil: TERM }), TODAY)).toEqual([{ code: 'term-not-applicable' }]);
    expect(checkAnswer(weigh([]), yes('q1', { termUntil: TERM }), TODAY)).toEqual([{ code: 'term-not-applicable' }]);
    expect(checkAnswer(weigh([yes('q1'), no('q2'), yes('q3'), yes('q4')]), yes('q5', { termUntil: TERM }), TODAY)).toEqual([{ code: 'term-not-applicable' }]);
  });

  it('requires the kind of unsafety with a yes at Q2, and refuses it anywhere else', () => {
    const atQ2 = weigh([yes('q1')]);
    for (const kind of UNSAFETY_KINDS) expect(checkAnswer(atQ2, yes('q2', { unsafety: kind }), TODAY)).toEqual([]);
    expect(checkAnswer(atQ2, yes('q2', { unsafety: undefined }), TODAY)).toEqual([{ code: 'unsafety-kind-required' }]);
    expect(checkAnswer(atQ2, no('q2', { unsafety: 'acute' }), TODAY)).toEqual([{ code: 'unsafety-kind-not-applicable' }]);
    expect(checkAnswer(atQ3, no('q3', { unsafety: 'acute' }), TODAY)).toEqual([{ code: 'unsafety-kind-not-applicable' }]);
  });

  it('takes doubt only at Q2', () => {
    expect(checkAnswer(weigh([]), answer('q1', 'doubt'), TODAY)).toEqual([{ code: 'answer-not-allowed' }]);
    expect(checkAnswer(atQ3, answer('q3', 'doubt'), TODAY)).toEqual([{ code: 'answer-not-allowed' }]);
  });

  it('refuses a question that is neither the next one nor on the path', () => {
    expect(checkAnswer(atQ3, no('q4'), TODAY)).toEqual([{ code: 'not-answerable-now' }]);
    expect(checkAnswer(weigh([no('q1')]), yes('q2'), TODAY)).toEqual([{ code: 'not-answerable-now' }]);
    expect(checkAnswer(weigh([yes('q1'), no('q2'), yes('q3'), yes('q4'), yes('q5')]), yes('q3'), TODAY)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = checkAnswer(atQ3, answer('q5', 'doubt', { reasoning: '', answeredOn: '2027-01-01', participants: [], termUntil: TERM, unsafety: 'acute' }), TODAY);
    expect(problems.map((p) => p.code)).toEqual([
      'not-answerable-now',
      'answer-not-allowed',
      'unsafety-kind-not-applicable',
      'reasoning-required',
      'date-in-future',
      'participants-required',
      'term-not-applicable',
    ]);
  });

  it('knows a calendar date', () => {
    for (const d of ['2026-11-20', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(d)).toBe(true);
    for (const d of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-1-5', '2026-11-20T10:00:00Z', '']) expect(isCalendarDate(d)).toBe(false);
  });
});

describe('the risk, nature and severity assessment', () => {
  function assessment(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
    return {
      natures: ['physical', 'witnessing-violence'],
      severity: 'serious',
      risk: 'structural',
      reasoning: 'Herhaald letsel en verhalen over ruzies thuis, zie signalen.',
      assessedOn: '2026-11-02',
      participants: ['IB’er', 'SMW'],
      ...overrides,
    };
  }

  it('uses the signal catalogue category ids for the natures it shares with it', () => {
    expect(NATURE_OPTIONS.map((o) => o.id)).toEqual([...NATURES_OF_VIOLENCE]);
    for (const option of NATURE_OPTIONS) {
      if (option.signalCategory !== null) {
        expect(SIGNAL_CATEGORY_IDS).toContain(option.signalCategory);
        expect(option.id).toBe(option.signalCategory);
      }
      expect(option.label.nl && option.label.en).toBeTruthy();
    }
  });

  it('labels every severity and risk in both languages, licht to zeer ernstig', () => {
    expect(SEVERITIES.map((s) => SEVERITY_LABELS[s].nl)).toEqual(['Licht', 'Ernstig', 'Zeer ernstig']);
    for (const r of RISKS) expect(RISK_LABELS[r].nl && RISK_LABELS[r].en).toBeTruthy();
    expect(RISK_LABELS.unknown.nl).toBe('Onbekend');
  });

  it('accepts a complete assessment', () => {
    expect(checkRiskAssessment(assessment(), TODAY)).toEqual([]);
    expect(checkRiskAssessment(assessment({ natures: ['other'], otherNature: 'Digitaal geweld', risk: 'unknown', severity: 'mild' }), TODAY)).toEqual([]);
  });

  it('requires a nature, known and once each, and says what "other" is', () => {
    expect(checkRiskAssessment(assessment({ natures: [] }), TODAY)).toEqual([{ code: 'nature-required' }]);
    expect(checkRiskAssessment(assessment({ natures: ['physical', 'bullying' as never] }), TODAY)).toEqual([{ code: 'unknown-nature', index: 1 }]);
    expect(checkRiskAssessment(assessment({ natures: ['physical', 'physical'] }), TODAY)).toEqual([{ code: 'duplicate-nature', index: 1 }]);
    expect(checkRiskAssessment(assessment({ natures: ['other'], otherNature: ' ' }), TODAY)).toEqual([{ code: 'other-description-required' }]);
    expect(checkRiskAssessment(assessment({ otherNature: 'Digitaal geweld' }), TODAY)).toEqual([{ code: 'other-description-without-other' }]);
  });

  it('refuses a severity or risk it does not know', () => {
    expect(checkRiskAssessment(assessment({ severity: 'extreme' as never, risk: 'high' as never }), TODAY)).toEqual([{ code: 'unknown-severity' }, { code: 'unknown-risk' }]);
  });

  it('requires reasoning, a real date not in the future, and participants', () => {
    expect(checkRiskAssessment(assessment({ reasoning: '' }), TODAY)).toEqual([{ code: 'reasoning-required' }]);
    expect(checkRiskAssessment(assessment({ assessedOn: '2026-11-31' }), TODAY)).toEqual([{ code: 'invalid-date' }]);
    expect(checkRiskAssessment(assessment({ assessedOn: '2026-11-21' }), TODAY)).toEqual([{ code: 'date-in-future' }]);
    expect(checkRiskAssessment(assessment({ participants: [] }), TODAY)).toEqual([{ code: 'participants-required' }]);
    expect(checkRiskAssessment(assessment({ participants: ['IB’er', ''] }), TODAY)).toEqual([{ code: 'blank-participant', index: 1 }]);
  });

  it('suggests the natures the recorded signals point to', () => {
    expect(naturesSuggestedBySignals(['physical.burns', 'behaviour.withdrawn', 'fgm.avoids-gym', 'physical.scars'])).toEqual(['physical', 'fgm']);
    expect(naturesSuggestedBySignals([])).toEqual([]);
  });
});

describe('properties of the weighing', () => {
  type Move = { target: 'next' | 'on-path' | 'any'; pick: number; answer: Answer; unsafety: UnsafetyKind | undefined; withTerm: boolean; together: boolean };
  const move: fc.Arbitrary<Move> = fc.record({
    // Mostly the next question, so that runs go deep (rounds after a report); sometimes back, sometimes anywhere.
    target: fc.oneof({ weight: 8, arbitrary: fc.constant<Move['target']>('next') }, fc.constant<Move['target']>('on-path'), fc.constant<Move['target']>('any')),
    pick: fc.nat(20),
    answer: fc.oneof({ weight: 4, arbitrary: fc.constant<Answer>('yes') }, { weight: 3, arbitrary: fc.constant<Answer>('no') }, fc.constant<Answer>('doubt')),
    unsafety: fc.constantFrom<UnsafetyKind | undefined>('acute', 'structural', 'both', undefined),
    withTerm: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
    together: fc.boolean(),
  });

  /** Turns moves into records, mostly for questions that can be answered, sometimes for any. */
  function recordsFrom(moves: readonly Move[]): AnswerRecord[] {
    const records: AnswerRecord[] = [];
    for (const m of moves) {
      const state = weigh(records);
      const onPath = state.path.map((s) => s.record.question);
      const question: QuestionId =
        m.target === 'next' && state.next !== null
          ? state.next
          : m.target === 'on-path' && onPath.length > 0
            ? onPath[m.pick % onPath.length]!
            : QUESTION_IDS[m.pick % QUESTION_IDS.length]!;
      records.push(
        answer(question, m.answer, {
          unsafety: question === 'q2' ? m.unsafety : undefined,
          termUntil: m.withTerm ? TERM : undefined,
          veiligThuisTookPart: m.together,
          recordedAt: `2026-11-02T10:${String(records.length).padStart(2, '0')}:00Z`,
        }),
      );
    }
    return records;
  }

  const runs = fc.array(move, { maxLength: 40 }).map(recordsFrom);

  function checkConsistent(records: readonly AnswerRecord[], state: WeighingState): void {
    // Every record has a status, and the records in force are exactly the path, in recording order.
    expect(state.records).toHaveLength(records.length);
    state.path.forEach((step, k) => {
      expect(state.records[step.recordIndex]).toEqual({ state: 'in-force', pathIndex: k });
      expect(step.record).toBe(records[step.recordIndex]);
      if (k > 0) expect(step.recordIndex).toBeGreaterThan(state.path[k - 1]!.recordIndex);
    });
    expect(state.records.filter((r) => r.state === 'in-force')).toHaveLength(state.path.length);
    // A superseded record was put out of force by a later record that was applied.
    state.records.forEach((r, i) => {
      if (r.state === 'superseded') {
        expect(r.byRecordIndex).toBeGreaterThan(i);
        expect(state.records[r.byRecordIndex]!.state).not.toBe('ignored');
      }
    });
    // The path starts at Q1, each answer follows where the one before led, and the next question follows the last.
    if (state.path.length > 0) expect(state.path[0]!.record.question).toBe('q1');
    state.path.forEach((step, k) => {
      if (k > 0) expect(step.record.question).toBe(state.path[k - 1]!.leadsTo);
      expect(isAllowedAnswer(step.record.question, step.record.answer)).toBe(true);
      expect(step.explanation.nl.length).toBeGreaterThan(0);
      expect(step.explanation.en.length).toBeGreaterThan(0);
      const reportedBefore = state.path.slice(0, k).some((s) => s.report !== null);
      expect(step.togetherWithVeiligThuis).toBe(reportedBefore);
      if (step.report) expect(step.report.repeat).toBe(reportedBefore);
      // Q3 and Q4 no call for a report only before Veilig Thuis is involved; Q2 yes/doubt and Q5 no always do.
      const q = step.record.question;
      const a = step.record.answer;
      const calls = (q === 'q2' && a !== 'no') || (q === 'q5' && a === 'no') || ((q === 'q3' || q === 'q4') && a === 'no' && !reportedBefore);
      expect(step.report !== null).toBe(calls);
    });
    const last = state.path.at(-1);
    expect(state.next).toBe(last ? last.leadsTo : 'q1');
    expect(state.outcome).toEqual(last ? last.outcome : { kind: 'open' });
    expect(state.reportRequired).toBe(last !== undefined && last.report !== null);
    expect(state.veiligThuisInvolved).toBe(state.path.some((s) => s.report !== null));
    expect(state.nextTogetherWithVeiligThuis).toBe(state.next !== null && state.veiligThuisInvolved);
    // The weighing ends only where the flow ends: no suspicion, or aftercare.
    expect(state.next === null).toBe(state.outcome.kind === 'closed-no-suspicion' || state.outcome.kind === 'aftercare');
    if (state.outcome.kind === 'closed-no-suspicion') expect(pathOf(state)).toEqual(['q1:no']);
    if (state.outcome.kind === 'aftercare') expect(last!.record.question).toBe('q5');
    if (state.outcome.kind === 'help-started') {
      expect(pathOf(state).at(-1)).toBe('q4:yes');
      expect(state.outcome.termUntil).toBe(last!.record.termUntil);
    }
    if (state.outcome.kind === 'report') expect(state.veiligThuisInvolved).toBe(true);
    if (state.outcome.kind === 'open') expect(state.veiligThuisInvolved).toBe(false);
    // Only the next question and questions on the path can be answered.
    for (const q of QUESTION_IDS) {
      expect(canAnswer(state, q)).toBe(q === state.next || state.path.some((s) => s.record.question === q));
    }
  }

  it('never produces an inconsistent state, whatever is recorded', () => {
    fc.assert(
      fc.property(runs, (records) => {
        checkConsistent(records, weigh(records));
      }),
      { numRuns: 400 },
    );
  });

  it('applies a record exactly when it could be answered then and is well formed', () => {
    fc.assert(
      fc.property(runs, (records) => {
        records.forEach((record, i) => {
          const before = weigh(records.slice(0, i));
          const status = weigh(records.slice(0, i + 1)).records[i]!;
          const wellFormed = isAllowedAnswer(record.question, record.answer) && !((record.question === 'q3' || record.question === 'q4') && record.answer === 'yes' && !record.termUntil);
          expect(status.state === 'in-force').toBe(canAnswer(before, record.question) && wellFormed);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('replaying only the answers in force gives the same weighing', () => {
    fc.assert(
      fc.property(runs, (records) => {
        const state = weigh(records);
        const again = weigh(state.path.map((s) => s.record));
        expect(pathOf(again)).toEqual(pathOf(state));
        expect(again.next).toBe(state.next);
        expect(again.outcome).toEqual(state.outcome);
        expect(again.reportRequired).toBe(state.reportRequired);
        expect(again.path.map((s) => s.explanation)).toEqual(state.path.map((s) => s.explanation));
      }),
      { numRuns: 200 },
    );
  });

  it('applies every answer the checks accept', () => {
    fc.assert(
      fc.property(runs, (records) => {
        records.forEach((record, i) => {
          const before = weigh(records.slice(0, i));
          if (checkAnswer(before, record, TODAY).length === 0) {
            expect(weigh(records.slice(0, i + 1)).records[i]!.state).toBe('in-force');
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
