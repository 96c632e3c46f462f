import type { PupilField } from './fields.js';
import { sameGroupName, type IncomingPupil, type PupilSex } from './incoming.js';

/** A pupil as Meldpad has them now (left ones included). */
export interface CurrentPupil {
  id: string;
  pupilNumber: string;
  givenNames: string;
  callName: string;
  surnamePrefix: string | null;
  surname: string;
  dateOfBirth: string | null;
  sex: PupilSex | null;
  groupName: string | null;
  enrolledOn: string | null;
  leftOn: string | null;
}

export interface PupilChange {
  current: CurrentPupil;
  incoming: IncomingPupil;
  /** The fields whose value the file changes. */
  fields: PupilField[];
}

export interface ImportPlan {
  added: IncomingPupil[];
  changed: PupilChange[];
  unchanged: CurrentPupil[];
  /** Pupils not in the file: they get a leaving date, never deletion. */
  markedAsLeft: CurrentPupil[];
  /** Pupils who had left before and are in the file again. */
  returned: PupilChange[];
  /** The pupils who had not left before this import (a leaving date after today is still to come). */
  activeCount: number;
  /** More than 5 % of the active pupils would be marked as left: a person must confirm. */
  needsConfirmation: boolean;
}

/** The share of active pupils an import may mark as left without asking. */
export const LEAVING_THRESHOLD = 0.05;

const COMPARED: readonly PupilField[] = ['callName', 'givenNames', 'surnamePrefix', 'surname', 'dateOfBirth', 'sex', 'group', 'enrolledOn'];

/** The fields whose value the file gives and differs from Meldpad's; a field the file lacks never counts. */
export function changedFields(current: CurrentPupil, incoming: IncomingPupil): PupilField[] {
  const fields: PupilField[] = [];
  const differs = (a: string | null, b: string | null | undefined) => b !== undefined && (a ?? null) !== (b ?? null);
  for (const field of COMPARED) {
    switch (field) {
      case 'group':
        if (incoming.groupName !== undefined && !sameGroupName(current.groupName, incoming.groupName)) fields.push(field);
        break;
      case 'givenNames':
        if (incoming.givenNames !== undefined && current.givenNames !== incoming.givenNames) fields.push(field);
        break;
      case 'callName':
      case 'surname':
        if (current[field] !== incoming[field]) fields.push(field);
        break;
      case 'surnamePrefix':
      case 'dateOfBirth':
      case 'sex':
      case 'enrolledOn':
        if (differs(current[field], incoming[field])) fields.push(field);
        break;
      default:
        break;
    }
  }
  return fields;
}

/**
 * Compares a file with the school's pupils by pupil number: who is new, who changed (and in
 * which fields), who is the same, who is no longer in the file (marked as left, never deleted) and
 * who came back. A first import (no active pupils) never needs confirmation.
 *
 * For the import a pupil has left once their leaving date has come (`today`, yyyy-mm-dd, the
 * school's, included): the import marks a pupil as left with today's date, so a second import on
 * the same day must see that mark, and return the pupil if the file has them again. A leaving date
 * after today is a plan the file does not undo: that pupil is current to the import.
 */
export function planImport(current: readonly CurrentPupil[], incoming: readonly IncomingPupil[], today: string): ImportPlan {
  const marked = (p: CurrentPupil) => p.leftOn !== null && p.leftOn <= today;
  const byNumber = new Map(current.map((p) => [p.pupilNumber, p]));
  const inFile = new Set<string>();
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], markedAsLeft: [], returned: [], activeCount: 0, needsConfirmation: false };
  for (const pupil of incoming) {
    inFile.add(pupil.pupilNumber);
    const existing = byNumber.get(pupil.pupilNumber);
    if (!existing) {
      plan.added.push(pupil);
      continue;
    }
    const fields = changedFields(existing, pupil);
    if (marked(existing)) plan.returned.push({ current: existing, incoming: pupil, fields });
    else if (fields.length > 0) plan.changed.push({ current: existing, incoming: pupil, fields });
    else plan.unchanged.push(existing);
  }
  for (const pupil of current) {
    if (marked(pupil)) continue;
    plan.activeCount += 1;
    if (!inFile.has(pupil.pupilNumber)) plan.markedAsLeft.push(pupil);
  }
  plan.needsConfirmation = needsConfirmation(plan.markedAsLeft.length, plan.activeCount);
  return plan;
}

/** Whether marking `leaving` of `active` pupils as left needs a person's confirmation (more than 5 %). */
export function needsConfirmation(leaving: number, active: number): boolean {
  return active > 0 && leaving > active * LEAVING_THRESHOLD;
}
