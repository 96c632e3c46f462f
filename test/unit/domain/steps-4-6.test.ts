import { describe, expect, it } from 'vitest';
import { initialProgress, afterTeamFormed } from '../../../src/domain/cases/case-progress.js';
import {
  CLOSING_REASONS,
  CLOSING_REASON_DETAILS,
  checkClose,
  checkReopen,
  closedProgress,
  mayChangeClosedCase,
  reopenedProgress,
  type CloseFacts,
} from '../../../src/domain/cases/closing.js';
import {
  CONVERSATION_KINDS,
  CONVERSATION_KIND_LABELS,
  NOT_HOLDING_GROUNDS,
  NOT_HOLDING_GROUND_LABELS,
  PLANNING_AID,
  PRACTICAL_ADVICE,
  PRACTICAL_ADVICE_IDS,
  RECORD_PARTS,
  RECORD_PART_DETAILS,
  YES_NO_QUESTION_IDS,
  adviceNotFollowed,
  checkConversationRecord,
  checkNotHolding,
  checkPlan,
  type ConversationPlan,
  type NotHoldingDecision,
  type NotHoldingGround,
  type ParentConversationRecord,
} from '../../../src/domain/cases/parent-conversation.js';
import {
  PROCEDURAL_FINDING_CODES,
  earliestReportAfterConversation,
  mayProceed,
  proceduralCheck,
  proceduralCheckRecord,
  type ReportFileSummary,
} from '../../../src/domain/cases/procedural-check.js';
import {
  REMINDER_WEEKS_BEFORE_LAPSE,
  activeUntilFor,
  currentRegistration,
  recordRiskIndexRegistration,
  reminderOnFor,
  riskIndexName,
  riskIndexState,
  type RiskIndexRegistration,
} from '../../../src/domain/cases/risk-index-registration.js';
import { DEFAULT_PROTOCOL } from '../../../src/domain/cases/protocol/default-template.js';
import type { LocalisedText } from '../../../src/domain/cases/signals/signal-catalogue.js';
import {
  addDays,
  addWorkingDays,
  dayOfWeek,
  dutchPublicHolidays,
  easterSunday,
  feedbackReminderOn,
  isCalendarDate,
  isWorkingDay,
  needsFeedbackReminder,
} from '../../../src/domain/cases/working-days.js';

const TODAY = '2026-03-04'; // a Wednesday

function expectBothLanguages(text: LocalisedText) {
  expect(text.nl.trim()).not.toBe('');
  expect(text.en.trim()).not.toBe('');
}

// ---------------------------------------------------------------------------------------------
describe('calendar dates and Dutch working days', () => {
  it('accepts only real yyyy-mm-dd dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-4')).toBe(false);
    expect(isCalendarDate('2026-03-04T10:00')).toBe(false);
    expect(() => addDays('31-02-2026', 1)).toThrow(RangeError);
  });

  it('counts calendar days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-03-06')).toBe(5);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('computes Easter Sunday for ordinary years and for the earliest and latest possible dates', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible
  });

  it('lists the holidays of the Algemene termijnenwet, with Good Friday, Ascension and Whit Monday hung on Easter', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'nieuwjaarsdag' },
      { date: '2026-04-03', name: 'goede-vrijdag' },
      { date: '2026-04-06', name: 'tweede-paasdag' },
      { date: '2026-04-27', name: 'koningsdag' },
      { date: '2026-05-05', name: 'bevrijdingsdag' },
      { date: '2026-05-14', name: 'hemelvaartsdag' },
      { date: '2026-05-25', name: 'tweede-pinksterdag' },
      { date: '2026-12-25', name: 'eerste-kerstdag' },
      { date: '2026-12-26', name: 'tweede-kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday, and knows Koninginnedag before 2014', () => {
    const kingsDay = (year: number) => dutchPublicHolidays(year).find((h) => h.name === 'koningsdag')?.date;
    expect(kingsDay(2025)).toBe('2025-04-26');
    expect(kingsDay(2014)).toBe('2014-04-26');
    expect(kingsDay(2024)).toBe('2024-04-27');
    expect(kingsDay(2013)).toBe('2013-04-30');
  });

  it('keeps both holidays when Ascension falls on 5 May', () => {
    const may5 = dutchPublicHolidays(2016).filter((h) => h.date === '2016-05-05');
    expect(may5.map((h) => h.name).sort()).toEqual(['bevrijdingsdag', 'hemelvaartsdag']);
  });

  it('does not count weekends or public holidays as working days; school holidays do count', () => {
    expect(isWorkingDay('2026-03-04')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension
    expect(isWorkingDay('2026-07-28')).toBe(true); // summer holiday: Veilig Thuis works on
  });

  it('adds working days from the day after, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(addWorkingDays('2026-04-02', 5)).toBe('2026-04-13'); // over Good Friday and Easter Monday
    expect(addWorkingDays('2026-05-13', 5)).toBe('2026-05-21'); // over Ascension
    expect(addWorkingDays('2026-12-23', 5)).toBe('2026-12-31'); // over Christmas
    expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-04'); // and New Year's Day
    expect(() => addWorkingDays('2026-03-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
  });

  it('reminds the casushouder five working days after the report when no feedback is recorded', () => {
    expect(feedbackReminderOn('2026-03-02')).toBe('2026-03-09');
    expect(needsFeedbackReminder('2026-03-02', false, '2026-03-06')).toBe(false);
    expect(needsFeedbackReminder('2026-03-02', false, '2026-03-09')).toBe(true);
    expect(needsFeedbackReminder('2026-03-02', false, '2026-03-20')).toBe(true);
    expect(needsFeedbackReminder('2026-03-02', true, '2026-03-20')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
describe('planning the conversation with the parents', () => {
  const ib = { userId: 'ib', role: 'ib' as const };
  const smw = { userId: 'smw', role: 'smw' as const };
  const teacher = { userId: 'teacher', role: 'teacher' as const };

  const plan: ConversationPlan = {
    answers: {
      trust: 'yes',
      alone: 'no',
      'safe-staff-during': 'yes',
      'safe-staff-after': 'yes',
      'safe-child-during': 'yes',
      'safe-child-after': 'unknown',
    },
    teacherToolsAndExperience: 'Weinig ervaring met moeilijke oudergesprekken.',
    kind: 'suspicion',
    holders: [ib, smw],
    reasoning: 'IB en SMW samen; de leerkracht houdt een neutrale rol.',
    plannedOn: '2026-03-10', // a Tuesday
    interpreterNeeded: true,
    interpreterArranged: true,
    childDisclosed: false,
    safetyAgreementsPlanned: false,
  };

  it('asks the school\'s questions: trust, the teacher\'s tools, alone or not, safety for staff and child during and after, and the kind of talk', () => {
    const ids = PLANNING_AID.flatMap((g) => g.questions.map((q) => q.id));
    expect(ids).toEqual(['trust', 'teacher-tools', 'alone', 'safe-staff-during', 'safe-staff-after', 'safe-child-during', 'safe-child-after', 'kind']);
    for (const id of YES_NO_QUESTION_IDS) expect(ids).toContain(id);
    for (const group of PLANNING_AID) {
      expectBothLanguages(group.heading);
      group.questions.forEach((q) => expectBothLanguages(q.text));
    }
    expect(CONVERSATION_KINDS.map((k) => CONVERSATION_KIND_LABELS[k].nl)).toEqual(['Vermoeden', 'Zeker weten', 'Gevaarlijk / zeer ernstig (werkelijke mishandeling)']);
  });

  it('accepts a complete plan held together', () => {
    expect(checkPlan(plan)).toEqual([]);
  });

  it('does not plan one person alone when the team answered that it cannot be held alone', () => {
    expect(checkPlan({ ...plan, holders: [ib] })).toEqual([{ code: 'alone-not-possible' }]);
    expect(checkPlan({ ...plan, holders: [ib], answers: { ...plan.answers, alone: 'yes' } })).toEqual([]);
  });

  it('does not plan a conversation the team judged unsafe, for staff or child, during or after; "unknown" does not stop it', () => {
    const unsafe = { ...plan, answers: { ...plan.answers, 'safe-child-after': 'no' as const, 'safe-staff-during': 'no' as const } };
    expect(checkPlan(unsafe)).toEqual([
      { code: 'not-safe', question: 'safe-staff-during' },
      { code: 'not-safe', question: 'safe-child-after' },
    ]);
  });

  it('needs the kind of talk, someone to hold it (once each) and the reasoning', () => {
    expect(checkPlan({ ...plan, kind: null, holders: [], reasoning: ' ' })).toEqual([
      { code: 'kind-required' },
      { code: 'holders-required' },
      { code: 'reasoning-required' },
    ]);
    expect(checkPlan({ ...plan, holders: [ib, ib] })).toEqual([{ code: 'holder-twice', userId: 'ib' }, { code: 'alone-not-possible' }]);
    expect(checkPlan({ ...plan, plannedOn: '2026-02-30' })).toEqual([{ code: 'date-invalid' }]);
  });

  it('carries Veilig Thuis\'s practical advice and the school\'s principle as data, in both languages', () => {
    expect(PRACTICAL_ADVICE.map((a) => a.id)).toEqual([...PRACTICAL_ADVICE_IDS]);
    PRACTICAL_ADVICE.forEach((a) => expectBothLanguages(a.text));
    expect(PRACTICAL_ADVICE.filter((a) => a.source === 'veilig-thuis').map((a) => a.id)).toEqual(['with-colleague', 'not-before-weekend', 'interpreter', 'safety-agreements']);
  });

  it('points out advice the plan does not follow, and nothing when it follows it all', () => {
    expect(adviceNotFollowed(plan)).toEqual([]);
    expect(adviceNotFollowed({ ...plan, holders: [teacher], interpreterArranged: false, childDisclosed: true })).toEqual([
      'with-colleague',
      'interpreter',
      'safety-agreements',
      'teacher-neutral',
    ]);
    expect(adviceNotFollowed({ ...plan, holders: [teacher, ib] })).toEqual([]);
  });

  it('advises against a Friday, and against any day after which school is shut', () => {
    expect(adviceNotFollowed({ ...plan, plannedOn: '2026-03-06' })).toEqual(['not-before-weekend']); // Friday
    expect(adviceNotFollowed({ ...plan, plannedOn: '2026-04-02' })).toEqual(['not-before-weekend']); // before Good Friday
    expect(adviceNotFollowed({ ...plan, plannedOn: '2026-05-13' })).toEqual(['not-before-weekend']); // before Ascension
    expect(adviceNotFollowed({ ...plan, plannedOn: '2026-03-05' })).toEqual([]); // Thursday
    expect(adviceNotFollowed({ ...plan, plannedOn: null })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the record of the conversation with the parents', () => {
  const record: ParentConversationRecord = {
    heldOn: '2026-03-02',
    heldBy: ['ib', 'smw'],
    concernsDiscussed: 'Blauwe plekken op 12 en 19 februari; Sam komt vaak zonder ontbijt.',
    missingInformationAsked: 'Gevraagd naar de thuissituatie sinds de verhuizing.',
    zienswijze: 'Moeder: "Hij valt veel van zijn fiets."',
    helpOffered: 'Opvoedondersteuning via het wijkteam.',
    helpResponse: 'thinking-it-over',
    informedAboutFurtherCourse: true,
    informedAboutRiskIndex: true,
  };
  const context = { today: TODAY, riskIndexInUse: true };

  it('accepts a record that holds every part of step 4', () => {
    expect(checkConversationRecord(record, context)).toEqual([]);
  });

  it('names each missing part: concerns, missing information, zienswijze, help offered and the answer, further course, verwijsindex', () => {
    const empty: ParentConversationRecord = {
      ...record,
      concernsDiscussed: '',
      missingInformationAsked: ' ',
      zienswijze: '',
      helpOffered: '',
      helpResponse: null,
      informedAboutFurtherCourse: false,
      informedAboutRiskIndex: false,
    };
    expect(checkConversationRecord(empty, context)).toEqual(RECORD_PARTS.map((part) => ({ code: 'part-missing', part })));
  });

  it('ties every part to a step-4 task of the school\'s route', () => {
    const step4 = DEFAULT_PROTOCOL.steps.flatMap((s) => s.tasks.map((t) => t.id)).filter((id) => id.startsWith('s4.'));
    for (const part of RECORD_PARTS) {
      expect(step4).toContain(RECORD_PART_DETAILS[part].taskId);
      expectBothLanguages(RECORD_PART_DETAILS[part].text);
    }
  });

  it('does not ask about the verwijsindex at a school that uses none', () => {
    expect(checkConversationRecord({ ...record, informedAboutRiskIndex: false }, { ...context, riskIndexInUse: false })).toEqual([]);
  });

  it('needs a real date, not in the future, and who held it', () => {
    expect(checkConversationRecord({ ...record, heldOn: '2026-03-05' }, context)).toEqual([{ code: 'date-in-future' }]);
    expect(checkConversationRecord({ ...record, heldOn: 'gisteren' }, context)).toEqual([{ code: 'date-invalid' }]);
    expect(checkConversationRecord({ ...record, heldBy: [] }, context)).toEqual([{ code: 'holders-required' }]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('not holding the conversation with the parents', () => {
  const decision: NotHoldingDecision = {
    ground: 'danger-to-child-or-others',
    reasoning: 'Sam vertelde dat vader slaat als school belt; een gesprek nu maakt het thuis onveilig.',
    reconsiderOn: '2026-03-18',
    attempts: [],
  };

  it('allows each of the three grounds of the meldcode, with reasoning and a date to look again', () => {
    expect(NOT_HOLDING_GROUNDS).toEqual(['danger-to-child-or-others', 'danger-to-staff', 'parents-unreachable']);
    NOT_HOLDING_GROUNDS.forEach((g) => expectBothLanguages(NOT_HOLDING_GROUND_LABELS[g]));
    expect(checkNotHolding(decision, TODAY)).toEqual([]);
    expect(checkNotHolding({ ...decision, ground: 'danger-to-staff' }, TODAY)).toEqual([]);
  });

  it('allows no other ground', () => {
    expect(checkNotHolding({ ...decision, ground: null }, TODAY)).toEqual([{ code: 'ground-required' }]);
    expect(checkNotHolding({ ...decision, ground: 'parents-too-busy' as NotHoldingGround }, TODAY)).toEqual([{ code: 'ground-unknown' }]);
  });

  it('needs the reasoning and a date to reconsider that is not past', () => {
    expect(checkNotHolding({ ...decision, reasoning: '  ', reconsiderOn: null }, TODAY)).toEqual([{ code: 'reasoning-required' }, { code: 'reconsider-date-required' }]);
    expect(checkNotHolding({ ...decision, reconsiderOn: '2026-03-03' }, TODAY)).toEqual([{ code: 'reconsider-date-in-past' }]);
    expect(checkNotHolding({ ...decision, reconsiderOn: TODAY }, TODAY)).toEqual([]);
    expect(checkNotHolding({ ...decision, reconsiderOn: '2026-02-30' }, TODAY)).toEqual([{ code: 'reconsider-date-invalid' }]);
  });

  describe('when the parents could not be reached', () => {
    const unreachable: NotHoldingDecision = { ...decision, ground: 'parents-unreachable', reasoning: 'Geen reactie op telefoon en brief.' };

    it('needs at least two attempts, each with a date and a means, on different days', () => {
      const attempts = [
        { on: '2026-02-26', means: 'phone' as const },
        { on: '2026-03-02', means: 'letter' as const },
      ];
      expect(checkNotHolding({ ...unreachable, attempts }, TODAY)).toEqual([]);
      expect(checkNotHolding({ ...unreachable, attempts: [] }, TODAY)).toEqual([{ code: 'too-few-attempts', required: 2, days: 0 }]);
      expect(checkNotHolding({ ...unreachable, attempts: [attempts[0]!] }, TODAY)).toEqual([{ code: 'too-few-attempts', required: 2, days: 1 }]);
    });

    it('counts two calls on the same day as one effort', () => {
      const sameDay = [
        { on: '2026-03-02', means: 'phone' as const },
        { on: '2026-03-02', means: 'email' as const },
      ];
      expect(checkNotHolding({ ...unreachable, attempts: sameDay }, TODAY)).toEqual([{ code: 'too-few-attempts', required: 2, days: 1 }]);
    });

    it('does not count an attempt without its means or date, or one dated in the future', () => {
      const attempts = [
        { on: '2026-02-26', means: null },
        { on: '2026-03-09', means: 'phone' as const },
        { on: '2026-03-02', means: 'home-visit' as const },
      ];
      expect(checkNotHolding({ ...unreachable, attempts }, TODAY)).toEqual([
        { code: 'attempt-incomplete', index: 0 },
        { code: 'attempt-in-future', index: 1 },
        { code: 'too-few-attempts', required: 2, days: 1 },
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('the verwijsindex registration', () => {
  const input = { registeredOn: '2026-03-10', registeredBy: 'ib', casushouderId: 'ib', today: '2026-03-10' };

  it('is named by the school\'s setting, with a plain description when unset', () => {
    expect(riskIndexName('SISA')).toEqual({ nl: 'SISA', en: 'SISA' });
    expect(riskIndexName('  ').nl).toBe('de verwijsindex');
    expect(riskIndexName(null).nl).toBe('de verwijsindex');
  });

  it('runs two years from registration, with the reminder eight weeks before it lapses', () => {
    expect(REMINDER_WEEKS_BEFORE_LAPSE).toBe(8);
    expect(recordRiskIndexRegistration(input)).toEqual({
      kind: 'registered',
      registration: { registeredOn: '2026-03-10', registeredBy: 'ib', activeUntil: '2028-03-10', reminderOn: '2028-01-14' },
    });
  });

  it('runs a registration of 29 February to 28 February, never beyond two years', () => {
    expect(activeUntilFor('2024-02-29')).toBe('2026-02-28');
    expect(activeUntilFor('2026-02-28')).toBe('2028-02-28');
    expect(activeUntilFor('2027-02-28')).toBe('2029-02-28');
    expect(reminderOnFor('2026-02-28')).toBe('2026-01-03');
  });

  it('holds no content and no reason: only when, by whom and how long', () => {
    const withNote = { ...input, reason: 'vermoeden van mishandeling', note: 'zie gesprek' } as typeof input;
    const outcome = recordRiskIndexRegistration(withNote);
    expect(outcome.kind).toBe('registered');
    if (outcome.kind === 'registered') expect(Object.keys(outcome.registration).sort()).toEqual(['activeUntil', 'registeredBy', 'registeredOn', 'reminderOn']);
  });

  it('is registered by the casushouder, on a real date that has passed', () => {
    expect(recordRiskIndexRegistration({ ...input, registeredBy: 'teacher' })).toEqual({ kind: 'invalid', problems: [{ code: 'not-casushouder' }] });
    expect(recordRiskIndexRegistration({ ...input, casushouderId: null })).toEqual({ kind: 'invalid', problems: [{ code: 'not-casushouder' }] });
    expect(recordRiskIndexRegistration({ ...input, registeredOn: '2026-03-11' })).toEqual({ kind: 'invalid', problems: [{ code: 'date-in-future' }] });
    expect(recordRiskIndexRegistration({ ...input, registeredOn: '10-03-2026' })).toEqual({ kind: 'invalid', problems: [{ code: 'date-invalid' }] });
  });

  it('is active, then lapsing from the reminder up to and including its last day, then lapsed', () => {
    const registration = { activeUntil: '2028-03-10', reminderOn: '2028-01-14' };
    expect(riskIndexState(registration, '2028-01-13')).toBe('active');
    expect(riskIndexState(registration, '2028-01-14')).toBe('lapsing');
    expect(riskIndexState(registration, '2028-03-10')).toBe('lapsing');
    expect(riskIndexState(registration, '2028-03-11')).toBe('lapsed');
  });

  it('counts the registration that runs longest when the casushouder registered again', () => {
    const first: RiskIndexRegistration = { registeredOn: '2026-03-10', registeredBy: 'ib', activeUntil: '2028-03-10', reminderOn: '2028-01-14' };
    const renewed: RiskIndexRegistration = { registeredOn: '2028-02-01', registeredBy: 'smw', activeUntil: '2030-02-01', reminderOn: '2029-12-07' };
    expect(currentRegistration([renewed, first])).toBe(renewed);
    expect(currentRegistration([])).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('the procedural check before a report', () => {
  const complete: ReportFileSummary = {
    parentConversationHeldOn: '2026-03-02',
    notHoldingGround: null,
    parentsInformedOfIntent: true,
    informExceptionGround: null,
    consultationCount: 1,
    veiligThuisAdviceCount: 0,
    reportText: 'Op 2 maart had Sam een blauwe plek van 3 cm op de linker bovenarm. Sam zei: “papa was heel boos, ik denk dat hij weer slaat”.',
    acute: false,
    today: TODAY,
  };
  const codes = (file: ReportFileSummary) => proceduralCheck(file).map((f) => f.code);

  it('finds nothing in a file that did what the meldcode expects', () => {
    expect(proceduralCheck(complete)).toEqual([]);
  });

  it('lists everything an empty file lacks, in the order of the route, each as a warning with its mend in both languages', () => {
    const empty: ReportFileSummary = { ...complete, parentConversationHeldOn: null, parentsInformedOfIntent: false, consultationCount: 0, reportText: 'Hij is altijd agressief.' };
    const findings = proceduralCheck(empty);
    expect(findings.map((f) => f.code)).toEqual(['parent-conversation-missing', 'parents-not-informed', 'no-consultation', 'interpretive-language']);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expectBothLanguages(f.message);
      expectBothLanguages(f.mend);
    }
  });

  it('accepts one of the three grounds instead of the conversation', () => {
    expect(codes({ ...complete, parentConversationHeldOn: null, notHoldingGround: 'parents-unreachable' })).toEqual([]);
  });

  it('accepts an exception ground instead of telling the parents', () => {
    expect(codes({ ...complete, parentsInformedOfIntent: false })).toEqual(['parents-not-informed']);
    expect(codes({ ...complete, parentsInformedOfIntent: false, informExceptionGround: 'trust-relationship' })).toEqual([]);
  });

  it('counts a consultation with a colleague or the IB\'er, or advice of Veilig Thuis', () => {
    expect(codes({ ...complete, consultationCount: 0 })).toEqual(['no-consultation']);
    expect(codes({ ...complete, consultationCount: 0, veiligThuisAdviceCount: 1 })).toEqual([]);
  });

  it('runs the report\'s text through the factual-language hint and names the words it found', () => {
    const [finding] = proceduralCheck({ ...complete, reportText: 'Sam is altijd agressief en waarschijnlijk mishandeld.' });
    expect(finding?.code).toBe('interpretive-language');
    expect(finding?.matches?.map((m) => m.term)).toEqual(['altijd', 'agressief', 'waarschijnlijk', 'mishandeld']);
    expect(finding?.message.nl).toContain('“agressief”');
  });

  it('wants a working day between the conversation and the report, so that what the parents said is weighed', () => {
    const friday = { ...complete, parentConversationHeldOn: '2026-03-06' };
    expect(earliestReportAfterConversation('2026-03-06')).toBe('2026-03-09');
    expect(codes({ ...friday, today: '2026-03-06' })).toEqual(['too-soon-after-conversation']);
    expect(codes({ ...friday, today: '2026-03-07' })).toEqual(['too-soon-after-conversation']);
    expect(codes({ ...friday, today: '2026-03-09' })).toEqual([]);
  });

  it('does not ask for that time when the case is acute', () => {
    expect(codes({ ...complete, parentConversationHeldOn: TODAY, acute: true })).toEqual([]);
  });

  it('lets the report go on once every finding has a reason in words', () => {
    const findings = proceduralCheck({ ...complete, consultationCount: 0, parentsInformedOfIntent: false });
    expect(mayProceed([], {}, false)).toBe(true);
    expect(mayProceed(findings, {}, false)).toBe(false);
    expect(mayProceed(findings, { 'no-consultation': 'IB ziek, VT niet bereikbaar', 'parents-not-informed': '   ' }, false)).toBe(false);
    expect(mayProceed(findings, { 'no-consultation': 'IB ziek, VT niet bereikbaar', 'parents-not-informed': 'Moeder neemt niet op' }, false)).toBe(true);
  });

  it('never blocks a report in acute danger', () => {
    const findings = proceduralCheck({ ...complete, parentConversationHeldOn: null, parentsInformedOfIntent: false, consultationCount: 0, acute: true });
    expect(findings.length).toBeGreaterThan(0);
    expect(mayProceed(findings, {}, true)).toBe(true);
  });

  it('keeps what was found and the reasons given in the file', () => {
    const findings = proceduralCheck({ ...complete, consultationCount: 0 });
    expect(proceduralCheckRecord(findings, { 'no-consultation': '  Direct gevaar, geen tijd  ', 'parents-not-informed': 'niet gevonden' }, false)).toEqual({
      findings: ['no-consultation'],
      reasons: [{ code: 'no-consultation', reason: 'Direct gevaar, geen tijd' }],
      acute: false,
    });
    expect(PROCEDURAL_FINDING_CODES).toContain('too-soon-after-conversation');
  });
});

// ---------------------------------------------------------------------------------------------
describe('closing and reopening a case', () => {
  const facts: CloseFacts = { phase: 'open', reason: 'aftercare-completed', explanation: '', inAftercare: false, aftercareReviews: [] };

  it('closes with a reason from a fixed list, each labelled in both languages, an unfounded suspicion among them', () => {
    CLOSING_REASONS.forEach((r) => {
      expectBothLanguages(CLOSING_REASON_DETAILS[r].label);
      expectBothLanguages(CLOSING_REASON_DETAILS[r].prompt);
    });
    expect(CLOSING_REASON_DETAILS['suspicion-unfounded'].label).toEqual({ nl: 'Vermoeden onterecht gebleken', en: 'Suspicion proved unfounded' });
    expect(checkClose(facts)).toEqual([]);
    expect(checkClose({ ...facts, reason: null })).toEqual([{ code: 'reason-required' }]);
  });

  it('needs an explanation for "anders", for an unfounded suspicion and for a pupil who left', () => {
    expect(checkClose({ ...facts, reason: 'other' })).toEqual([{ code: 'explanation-required' }]);
    expect(checkClose({ ...facts, reason: 'other', explanation: 'Dubbel aangemaakt dossier' })).toEqual([]);
    expect(checkClose({ ...facts, reason: 'suspicion-unfounded', explanation: ' ' })).toEqual([{ code: 'explanation-required' }]);
    expect(checkClose({ ...facts, reason: 'pupil-left-school' })).toEqual([{ code: 'explanation-required' }]);
  });

  it('keeps a case in aftercare open until its last review is done', () => {
    const inAftercare = { ...facts, inAftercare: true };
    expect(checkClose({ ...inAftercare, aftercareReviews: [] })).toEqual([{ code: 'aftercare-review-missing' }]);
    expect(
      checkClose({ ...inAftercare, aftercareReviews: [{ dueOn: '2026-04-01', heldOn: '2026-04-01' }, { dueOn: '2026-06-01', heldOn: null }] }),
    ).toEqual([{ code: 'aftercare-review-pending', dueOn: '2026-06-01' }]);
    expect(checkClose({ ...inAftercare, aftercareReviews: [{ dueOn: '2026-06-01', heldOn: '2026-06-02' }, { dueOn: '2026-04-01', heldOn: '2026-04-01' }] })).toEqual([]);
  });

  it('lets a pupil who left close with the handover instead of the reviews still to come', () => {
    expect(
      checkClose({ ...facts, inAftercare: true, reason: 'pupil-left-school', explanation: 'Warme overdracht aan de nieuwe school en Veilig Thuis', aftercareReviews: [{ dueOn: '2026-06-01', heldOn: null }] }),
    ).toEqual([]);
  });

  it('does not close a closed case again', () => {
    expect(checkClose({ ...facts, phase: 'closed' })).toEqual([{ code: 'already-closed' }]);
  });

  it('is read-only once closed, except for reopening', () => {
    expect(mayChangeClosedCase('case.reopen')).toBe(true);
    for (const change of ['case.write', 'case.escalate', 'case.decide', 'case.close'] as const) expect(mayChangeClosedCase(change)).toBe(false);
  });

  it('reopens only a closed case, with a reason, at the step it had reached', () => {
    expect(checkReopen('closed', 'Nieuwe signalen bij de broer')).toEqual([]);
    expect(checkReopen('closed', ' ')).toEqual([{ code: 'reason-required' }]);
    expect(checkReopen('open', 'x')).toEqual([{ code: 'not-closed' }]);
    const monitoring = { ...afterTeamFormed(initialProgress('meldcode'), 'ib'), phase: 'monitoring' as const };
    const closed = closedProgress(monitoring);
    expect(closed).toEqual({ ...monitoring, phase: 'closed' });
    expect(reopenedProgress(closed)).toEqual({ ...monitoring, phase: 'open' });
  });
});
