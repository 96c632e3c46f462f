import { feedbackReminderOn } from '../cases/working-days.js';

/** What falls due on a case, for whom, and when: what a home page lists as "to do". */
export type DueItemKind = 'agreement' | 'monitoring' | 'aftercare-agreement' | 'report-feedback' | 'risk-index-lapsing' | 'aftercare-review';

export interface DueItem {
  caseId: string;
  /** The entry it is about (the agreement, the report, the registration, the review). */
  subjectId: string;
  kind: DueItemKind;
  /** Who must do it: the agreement's owner, otherwise the casushouder (null: the case has none yet). */
  ownerUserId: string | null;
  /** yyyy-mm-dd */
  dueOn: string;
  overdue: boolean;
}

/** How far ahead a home page looks: what is due within two weeks, and everything overdue. */
export const DUE_HORIZON_DAYS = 14;

/** The current version of each entry of a case, as the home page reads them. */
export interface CurrentEntry {
  entryId: string;
  kind: string;
  body: unknown;
}

export interface CaseForDueItems {
  caseId: string;
  casushouderId: string | null;
  phase: 'open' | 'monitoring' | 'closed';
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const field = (body: unknown, name: string): unknown => (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);
const dateField = (body: unknown, name: string): string | null => {
  const value = field(body, name);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
};

/**
 * What is due on one case within the horizon or overdue: agreements not done (step 3's division of
 * tasks, monitoring moments, aftercare), Veilig Thuis's feedback five working days after a report,
 * a verwijsindex registration about to lapse, an aftercare review not yet held. A closed case has
 * nothing due.
 */
export function dueItemsOfCase(c: CaseForDueItems, entries: readonly CurrentEntry[], today: string, horizonDays = DUE_HORIZON_DAYS): DueItem[] {
  if (c.phase === 'closed') return [];
  const until = addDays(today, horizonDays);
  const items: DueItem[] = [];
  const add = (subjectId: string, kind: DueItemKind, ownerUserId: string | null, dueOn: string) => {
    if (dueOn <= until) items.push({ caseId: c.caseId, subjectId, kind, ownerUserId, dueOn, overdue: dueOn < today });
  };
  const feedbackRecorded = entries.some((e) => e.kind === 'report-feedback');
  let lapsing: { entryId: string; activeUntil: string; reminderOn: string } | null = null;
  for (const e of entries) {
    switch (e.kind) {
      case 'agreement': {
        const dueOn = dateField(e.body, 'dueOn');
        const owner = field(e.body, 'ownerUserId');
        if (!dueOn || field(e.body, 'done') === true) break;
        const purpose = field(e.body, 'purpose');
        add(e.entryId, purpose === 'monitoring' ? 'monitoring' : purpose === 'aftercare' ? 'aftercare-agreement' : 'agreement', typeof owner === 'string' ? owner : c.casushouderId, dueOn);
        break;
      }
      case 'report': {
        const reportedOn = dateField(e.body, 'reportedOn');
        if (reportedOn && !feedbackRecorded) add(e.entryId, 'report-feedback', c.casushouderId, feedbackReminderOn(reportedOn));
        break;
      }
      case 'risk-index-registration': {
        const activeUntil = dateField(e.body, 'activeUntil');
        const reminderOn = dateField(e.body, 'reminderOn');
        // A renewal replaces nothing: the registration that runs longest counts.
        if (activeUntil && reminderOn && (!lapsing || activeUntil > lapsing.activeUntil)) lapsing = { entryId: e.entryId, activeUntil, reminderOn };
        break;
      }
      case 'aftercare-review': {
        const dueOn = dateField(e.body, 'dueOn');
        if (dueOn && !dateField(e.body, 'heldOn')) add(e.entryId, 'aftercare-review', c.casushouderId, dueOn);
        break;
      }
    }
  }
  // Lapsing from its reminder day up to its last day; after that it has lapsed and is no longer "to do".
  if (lapsing && today >= lapsing.reminderOn && today <= lapsing.activeUntil) items.push({ caseId: c.caseId, subjectId: lapsing.entryId, kind: 'risk-index-lapsing', ownerUserId: c.casushouderId, dueOn: lapsing.activeUntil, overdue: false });
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
