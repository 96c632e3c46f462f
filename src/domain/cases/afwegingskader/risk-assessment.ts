import type { LocalisedText, SignalCategoryId } from '../signals/signal-catalogue.js';
import { isCalendarDate } from '../working-days.js';

/**
 * The school's step-5 task "schat het risico, aard en ernst van het geweld in" (task s5.risico),
 * recorded with the weighing: what kind of violence, how severe, and whether the unsafety is acute
 * or structural in the sense of Q2 (reference §3.2). It informs the answers; it decides nothing,
 * so there is no score.
 *
 * Ids are stable, as in the signal catalogue. A nature that matches a catalogue category has that
 * category's id, so a case's signals can suggest the nature.
 */
export const NATURES_OF_VIOLENCE = [
  'physical',
  'neglect',
  'emotional',
  'sexual-abuse',
  'witnessing-violence',
  'honour-related',
  'fgm',
  'exploitation',
  'medical',
  'other',
] as const;
export type NatureOfViolence = (typeof NATURES_OF_VIOLENCE)[number];

export interface NatureOption {
  readonly id: NatureOfViolence;
  readonly label: LocalisedText;
  /** The signal catalogue's category for this nature, when there is one. */
  readonly signalCategory: SignalCategoryId | null;
}

export const NATURE_OPTIONS: readonly NatureOption[] = [
  { id: 'physical', label: { nl: 'Lichamelijke mishandeling', en: 'Physical abuse' }, signalCategory: 'physical' },
  { id: 'neglect', label: { nl: 'Lichamelijke verwaarlozing', en: 'Physical neglect' }, signalCategory: 'neglect' },
  {
    id: 'emotional',
    label: { nl: 'Emotionele mishandeling of emotionele verwaarlozing', en: 'Emotional abuse or emotional neglect' },
    signalCategory: 'emotional',
  },
  { id: 'sexual-abuse', label: { nl: 'Seksueel misbruik', en: 'Sexual abuse' }, signalCategory: 'sexual-abuse' },
  { id: 'witnessing-violence', label: { nl: 'Getuige van huiselijk geweld', en: 'Witnessing domestic violence' }, signalCategory: 'witnessing-violence' },
  {
    id: 'honour-related',
    label: { nl: 'Eergerelateerd geweld, waaronder huwelijksdwang', en: 'Honour-related violence, including forced marriage' },
    signalCategory: 'honour-related',
  },
  { id: 'fgm', label: { nl: 'Vrouwelijke genitale verminking (meisjesbesnijdenis)', en: 'Female genital mutilation (FGM)' }, signalCategory: 'fgm' },
  { id: 'exploitation', label: { nl: 'Uitbuiting en mensenhandel', en: 'Exploitation and human trafficking' }, signalCategory: 'exploitation' },
  {
    // Named in §3.2's acute unsafety: withholding necessary or giving unnecessary medical care.
    id: 'medical',
    label: {
      nl: 'Medische kindermishandeling: noodzakelijke medische hulp onthouden of onnodige behandelingen laten geven',
      en: 'Medical child abuse: withholding necessary medical help or having unnecessary treatment given',
    },
    signalCategory: null,
  },
  { id: 'other', label: { nl: 'Anders, namelijk …', en: 'Other, namely …' }, signalCategory: null },
];

/** How severe the violence is judged to be. There is no national scale: these are the school's words. */
export const SEVERITIES = ['mild', 'serious', 'very-serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, LocalisedText>> = {
  mild: { nl: 'Licht', en: 'Mild' },
  serious: { nl: 'Ernstig', en: 'Serious' },
  'very-serious': { nl: 'Zeer ernstig', en: 'Very serious' },
};

/**
 * The risk in the terms of Q2. 'both' and 'neither' sit beside acute, structural and unknown
 * because a judgement of "no acute or structural unsafety" is not the same as "we do not know".
 */
export const RISKS = ['acute', 'structural', 'both', 'neither', 'unknown'] as const;
export type Risk = (typeof RISKS)[number];

export const RISK_LABELS: Readonly<Record<Risk, LocalisedText>> = {
  acute: { nl: 'Acuut', en: 'Acute' },
  structural: { nl: 'Structureel', en: 'Structural' },
  both: { nl: 'Acuut en structureel', en: 'Acute and structural' },
  neither: { nl: 'Niet acuut en niet structureel', en: 'Neither acute nor structural' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};

export interface RiskAssessment {
  /** At least one; several kinds often go together. */
  natures: NatureOfViolence[];
  /** What "other" is; only with 'other'. */
  otherNature?: string;
  severity: Severity;
  risk: Risk;
  reasoning: string;
  /** yyyy-mm-dd */
  assessedOn: string;
  participants: string[];
}

export type RiskAssessmentProblem =
  | { code: 'nature-required' }
  | { code: 'unknown-nature'; index: number }
  | { code: 'duplicate-nature'; index: number }
  | { code: 'other-description-required' }
  | { code: 'other-description-without-other' }
  | { code: 'unknown-severity' }
  | { code: 'unknown-risk' }
  | { code: 'reasoning-required' }
  | { code: 'invalid-date' }
  | { code: 'date-in-future' }
  | { code: 'participants-required' }
  | { code: 'blank-participant'; index: number };

/**
 * Checks an assessment before it is recorded. Ids are checked too, because a form may send a
 * value the types do not know. `today` is the school's date (yyyy-mm-dd).
 */
export function checkRiskAssessment(assessment: RiskAssessment, today: string): RiskAssessmentProblem[] {
  const problems: RiskAssessmentProblem[] = [];
  if (assessment.natures.length === 0) problems.push({ code: 'nature-required' });
  const seen = new Set<string>();
  assessment.natures.forEach((nature, index) => {
    if (!(NATURES_OF_VIOLENCE as readonly string[]).includes(nature)) problems.push({ code: 'unknown-nature', index });
    else if (seen.has(nature)) problems.push({ code: 'duplicate-nature', index });
    seen.add(nature);
  });
  const describedOther = (assessment.otherNature ?? '').trim().length > 0;
  if (seen.has('other') && !describedOther) problems.push({ code: 'other-description-required' });
  if (!seen.has('other') && describedOther) problems.push({ code: 'other-description-without-other' });
  if (!(SEVERITIES as readonly string[]).includes(assessment.severity)) problems.push({ code: 'unknown-severity' });
  if (!(RISKS as readonly string[]).includes(assessment.risk)) problems.push({ code: 'unknown-risk' });
  if (assessment.reasoning.trim().length === 0) problems.push({ code: 'reasoning-required' });
  if (!isCalendarDate(assessment.assessedOn)) problems.push({ code: 'invalid-date' });
  else if (assessment.assessedOn > today) problems.push({ code: 'date-in-future' });
  if (!assessment.participants.some((p) => p.trim().length > 0)) problems.push({ code: 'participants-required' });
  assessment.participants.forEach((p, index) => {
    if (p.trim().length === 0) problems.push({ code: 'blank-participant', index });
  });
  return problems;
}

/**
 * The natures a case's signals point to: the natures whose catalogue category holds at least one
 * of the recorded signal items. A suggestion for the form, never a conclusion.
 */
export function naturesSuggestedBySignals(signalItemIds: readonly string[]): NatureOfViolence[] {
  const categories = new Set(signalItemIds.map((id) => id.split('.')[0]));
  return NATURE_OPTIONS.filter((o) => o.signalCategory !== null && categories.has(o.signalCategory)).map((o) => o.id);
}
