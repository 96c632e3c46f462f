import type { NotHoldingGround } from './parent-conversation.js';
import { findInterpretiveWords, type InterpretiveMatch } from './signals/factual-language.js';
import type { LocalisedText } from './signals/signal-catalogue.js';
import { addWorkingDays } from './working-days.js';

/**
 * The procedural check before a report to Veilig Thuis is saved. It lists what the meldcode
 * expects and this file lacks, each with the way to mend it. It warns and asks for a reason to go
 * on; it never blocks a report in acute danger, and the reasons given are kept in the file, so a
 * complaints commission later reads why the school went ahead.
 */

/**
 * Why the parents were not told of the report. The first three are the exceptions to "open melden,
 * tenzij" (reference §4.2); with any of them, discuss reporting anonymously with Veilig Thuis. The
 * fourth is not a choice but a fact the file must show (reference §10.1: "attempts to reach them
 * if they could not be reached"): parents who cannot be reached cannot be told.
 */
export const INFORM_EXCEPTION_GROUNDS = ['danger-to-child-or-family', 'danger-to-staff', 'trust-relationship', 'parents-unreachable'] as const;
export type InformExceptionGround = (typeof INFORM_EXCEPTION_GROUNDS)[number];

export const INFORM_EXCEPTION_GROUND_LABELS: Readonly<Record<InformExceptionGround, LocalisedText>> = {
  'danger-to-child-or-family': {
    nl: 'Het vertellen brengt de veiligheid van het kind of van andere gezinsleden in gevaar',
    en: 'Telling them would endanger the safety of the child or of other family members',
  },
  'danger-to-staff': {
    nl: 'Het vertellen brengt de veiligheid van de melder of van collega’s in gevaar',
    en: 'Telling them would endanger the safety of the reporter or of colleagues',
  },
  'trust-relationship': {
    nl: 'Het vertellen verstoort de vertrouwensrelatie',
    en: 'Telling them would disturb the relationship of trust',
  },
  'parents-unreachable': {
    nl: 'De ouders zijn na redelijke inspanning niet bereikt (de pogingen staan in het dossier)',
    en: 'The parents could not be reached after reasonable effort (the attempts are in the file)',
  },
};

/** What the check needs to know of a case file; the server fills it in from the recorded entries. */
export interface ReportFileSummary {
  /** yyyy-mm-dd of the (latest) conversation with the parents, or null when none is recorded. */
  parentConversationHeldOn: string | null;
  /** The recorded, valid ground for not holding the conversation (see checkNotHolding), or null. */
  notHoldingGround: NotHoldingGround | null;
  /** Whether the file records that the parents were told the school is going to report. */
  parentsInformedOfIntent: boolean;
  informExceptionGround: InformExceptionGround | null;
  /** Consultations with a colleague or the IB'er. */
  consultationCount: number;
  /** Advice asked of Veilig Thuis. */
  veiligThuisAdviceCount: number;
  /** The report's text as it would be saved. */
  reportText: string;
  /** The child is in acute danger: the report goes now, whatever the check finds. */
  acute: boolean;
  /** The school's today (yyyy-mm-dd): the day the report is saved. */
  today: string;
}

export const PROCEDURAL_FINDING_CODES = [
  'parent-conversation-missing',
  'parents-not-informed',
  'no-consultation',
  'interpretive-language',
  'too-soon-after-conversation',
] as const;
export type ProceduralFindingCode = (typeof PROCEDURAL_FINDING_CODES)[number];

export interface ProceduralFinding {
  code: ProceduralFindingCode;
  /** Only ever a warning: the check informs a professional's decision, it does not take it. */
  severity: 'warning';
  message: LocalisedText;
  mend: LocalisedText;
  /** For `interpretive-language`: the words found, to mark in the text. */
  matches?: readonly InterpretiveMatch[];
}

/**
 * The earliest report after the conversation with the parents: the next working day. Step 5 sits
 * between the two: the professionals involved weigh the signals, the advice and what the parents
 * said (the school's route), and the parents' view can change that weighing. Complaints
 * commissions have faulted schools that reported within the hour of the conversation, when that
 * view cannot have been weighed. A working day rather than 24 hours: the file records dates, not
 * times, and the weighing is done with colleagues, who are there on working days.
 */
export const WORKING_DAYS_AFTER_CONVERSATION = 1;

export function earliestReportAfterConversation(heldOn: string): string {
  return addWorkingDays(heldOn, WORKING_DAYS_AFTER_CONVERSATION);
}

/** What the meldcode expects and the file lacks, in the order of the route. */
export function proceduralCheck(file: ReportFileSummary): ProceduralFinding[] {
  const findings: ProceduralFinding[] = [];

  if (file.parentConversationHeldOn === null && file.notHoldingGround === null) {
    findings.push({
      code: 'parent-conversation-missing',
      severity: 'warning',
      message: {
        nl: 'Er is geen gesprek met de ouders vastgelegd, en ook geen grond om het niet te voeren.',
        en: 'No conversation with the parents is recorded, and no ground for not holding it.',
      },
      mend: {
        nl: 'Leg het gesprek met de ouders vast, of leg vast op welke van de drie gronden het niet wordt gevoerd: gevaar voor het kind of anderen in het gezin, gevaar voor medewerkers, of ouders die na redelijke inspanning niet bereikt zijn.',
        en: 'Record the conversation with the parents, or record on which of the three grounds it is not held: danger to the child or others in the household, danger to staff, or parents who could not be reached after reasonable effort.',
      },
    });
  }

  if (!file.parentsInformedOfIntent && file.informExceptionGround === null) {
    findings.push({
      code: 'parents-not-informed',
      severity: 'warning',
      message: {
        nl: 'Er staat niet in het dossier dat de ouders weten dat school gaat melden.',
        en: 'The file does not show that the parents know the school is going to report.',
      },
      mend: {
        nl: 'Vertel de ouders dat u gaat melden (u vraagt geen toestemming) en leg dat vast. Of leg de reden vast om het niet te vertellen — gevaar voor het kind of het gezin, gevaar voor melder of collega’s, verstoring van de vertrouwensrelatie — en bespreek met Veilig Thuis of anoniem melden kan.',
        en: 'Tell the parents that you are going to report (you do not ask their permission) and record it. Or record the reason not to tell them — danger to the child or family, danger to the reporter or colleagues, disturbing the relationship of trust — and discuss reporting anonymously with Veilig Thuis.',
      },
    });
  }

  if (file.consultationCount <= 0 && file.veiligThuisAdviceCount <= 0) {
    findings.push({
      code: 'no-consultation',
      severity: 'warning',
      message: {
        nl: 'Er is geen overleg vastgelegd: geen collegiale consultatie en geen advies van Veilig Thuis.',
        en: 'No consultation is recorded: no colleague or IB consultation and no Veilig Thuis advice.',
      },
      mend: {
        nl: 'Bespreek de casus met een (deskundige) collega of de IB’er, of vraag anoniem advies bij Veilig Thuis, en leg het vast.',
        en: 'Discuss the case with an (expert) colleague or the IB, or ask Veilig Thuis for anonymous advice, and record it.',
      },
    });
  }

  const matches = findInterpretiveWords(file.reportText);
  if (matches.length > 0) {
    const words = [...new Set(matches.map((m) => `“${m.word}”`))].join(', ');
    findings.push({
      code: 'interpretive-language',
      severity: 'warning',
      message: {
        nl: `De tekst van de melding bevat woorden die vaak een interpretatie, oordeel of conclusie zijn: ${words}.`,
        en: `The report's text contains words that often carry an interpretation, judgement or conclusion: ${words}.`,
      },
      mend: {
        nl: 'Beschrijf op die plaatsen wat er gezien of gehoord is, wanneer, en van wie u het weet.',
        en: 'In those places, describe what was seen or heard, when, and who you learned it from.',
      },
      matches,
    });
  }

  if (!file.acute && file.parentConversationHeldOn !== null) {
    const earliest = earliestReportAfterConversation(file.parentConversationHeldOn);
    if (file.today < earliest) {
      findings.push({
        code: 'too-soon-after-conversation',
        severity: 'warning',
        message: {
          nl: `Het gesprek met de ouders was op ${file.parentConversationHeldOn}; er is nog geen werkdag verstreken om af te wegen wat zij zeiden.`,
          en: `The conversation with the parents was on ${file.parentConversationHeldOn}; no working day has passed yet to weigh what they said.`,
        },
        mend: {
          nl: `Weeg eerst met de betrokken professionals de signalen, het advies en het gesprek met de ouders (stap 5), en meld op of na ${earliest}. Is het kind nu in gevaar, markeer de melding dan als acuut.`,
          en: `First weigh the signals, the advice and the conversation with the parents with the professionals involved (step 5), and report on or after ${earliest}. If the child is in danger now, mark the report as acute.`,
        },
      });
    }
  }

  return findings;
}

/** The reasons a person gives to go on despite findings, by finding code. */
export type ProceedReasons = Partial<Record<ProceduralFindingCode, string>>;

/**
 * Whether the report may be saved: in acute danger always; otherwise once every finding has a
 * reason in words. A reason is not checked for quality — the person is accountable for it, and it
 * stays in the file.
 */
export function mayProceed(findings: readonly ProceduralFinding[], reasons: ProceedReasons, acute: boolean): boolean {
  if (acute) return true;
  return findings.every((f) => (reasons[f.code] ?? '').trim() !== '');
}

/** What the file keeps of the check: what was found, which reasons were given, and whether it was acute. */
export interface ProceduralCheckRecord {
  findings: ProceduralFindingCode[];
  reasons: Array<{ code: ProceduralFindingCode; reason: string }>;
  acute: boolean;
}

/** The check as recorded with the report. Reasons for codes that were not found are left out. */
export function proceduralCheckRecord(findings: readonly ProceduralFinding[], reasons: ProceedReasons, acute: boolean): ProceduralCheckRecord {
  const codes = findings.map((f) => f.code);
  return {
    findings: codes,
    reasons: codes.flatMap((code) => {
      const reason = (reasons[code] ?? '').trim();
      return reason === '' ? [] : [{ code, reason }];
    }),
    acute,
  };
}
