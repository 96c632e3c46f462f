import type { WithholdingGround } from './withholding-grounds.js';

/** A part withheld from the export: a whole case (entryId null), or one entry of it, on a ground. */
export interface Withholding {
  caseId: string;
  entryId: string | null;
  ground: WithholdingGround;
}

/** What the pupil's file holds, by id only: the cases in scope and their entries. */
export interface FileIndex {
  cases: readonly { caseId: string; entryIds: readonly string[] }[];
}

export type WithholdingProblemCode =
  /** The case is not one of this pupil's cases in scope (another pupil's, a staff-route case, unknown). */
  | 'not-in-file'
  /** The entry is not an entry of that case. */
  | 'entry-not-in-case'
  /** The same part is withheld twice. */
  | 'duplicate'
  /** The whole case is withheld already; an entry of it needs no ground of its own. */
  | 'case-withheld';

export interface WithholdingProblem {
  index: number;
  code: WithholdingProblemCode;
}

/**
 * Checks that every withheld part belongs to this pupil's file and is named once. A withholding of
 * a part outside the file would record a ground for something the export never held, or — worse —
 * let one pupil's request carry ids of another pupil's case.
 */
export function checkWithholdings(file: FileIndex, withholdings: readonly Withholding[]): WithholdingProblem[] {
  const problems: WithholdingProblem[] = [];
  const seen = new Set<string>();
  const wholeCases = new Set(withholdings.filter((w) => w.entryId === null).map((w) => w.caseId));
  withholdings.forEach((w, index) => {
    const inFile = file.cases.find((c) => c.caseId === w.caseId);
    const key = `${w.caseId}/${w.entryId ?? '*'}`;
    if (!inFile) problems.push({ index, code: 'not-in-file' });
    else if (w.entryId !== null && !inFile.entryIds.includes(w.entryId)) problems.push({ index, code: 'entry-not-in-case' });
    else if (seen.has(key)) problems.push({ index, code: 'duplicate' });
    else if (w.entryId !== null && wholeCases.has(w.caseId)) problems.push({ index, code: 'case-withheld' });
    seen.add(key);
  });
  return problems;
}

/** A part of the export: what is handed over, or in its place the ground it was withheld on. */
export type ExportPart<T> = { kind: 'included'; part: T } | { kind: 'withheld'; ground: WithholdingGround };

export interface CaseWithEntries<C, E extends { entryId: string }> {
  caseId: string;
  case: C;
  entries: readonly E[];
}

export interface RedactedCase<C, E> {
  case: C;
  entries: ExportPart<E>[];
}

/**
 * The file as it is handed over: each withheld case or entry replaced, where it stood, by the ground
 * it was withheld on — so the requester learns that something was withheld and why, never what.
 */
export function applyWithholdings<C, E extends { entryId: string }>(
  cases: readonly CaseWithEntries<C, E>[],
  withholdings: readonly Withholding[],
): ExportPart<RedactedCase<C, E>>[] {
  return cases.map((c) => {
    const whole = withholdings.find((w) => w.caseId === c.caseId && w.entryId === null);
    if (whole) return { kind: 'withheld', ground: whole.ground };
    const entries = c.entries.map((entry): ExportPart<E> => {
      const withheld = withholdings.find((w) => w.caseId === c.caseId && w.entryId === entry.entryId);
      return withheld ? { kind: 'withheld', ground: withheld.ground } : { kind: 'included', part: entry };
    });
    return { kind: 'included', part: { case: c.case, entries } };
  });
}
