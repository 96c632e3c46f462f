/**
 * Everything recorded on a case is an entry; a correction is a new version of the same entry, so
 * nothing is overwritten and the timeline can show the earlier text.
 */
export const RECORDED_ENTRY_KINDS = [
  'signal',
  'task',
  'pupil-conversation',
  'parent-conversation',
  'consultation',
  'veilig-thuis-advice',
  'kindcheck',
  'agreement',
  'report-feedback',
  'parent-conversation-plan',
  'parent-conversation-not-held',
  'monitoring-note',
  'aftercare-review',
  'contact-matrix',
  'risk-assessment',
] as const;
export type RecordedEntryKind = (typeof RECORDED_ENTRY_KINDS)[number];

/**
 * Entries Meldpad writes itself when something happens to the case, and decisions whose change is
 * a new decision (a weighing answer is changed by answering again): they cannot be corrected.
 */
export const EVENT_ENTRY_KINDS = ['case-started', 'team-change', 'escalation-decision', 'break-glass', 'case-closed', 'case-reopened', 'weighing-answer', 'report', 'risk-index-registration'] as const;
export type EventEntryKind = (typeof EVENT_ENTRY_KINDS)[number];

export type EntryKind = RecordedEntryKind | EventEntryKind;
export const ENTRY_KINDS: readonly EntryKind[] = [...RECORDED_ENTRY_KINDS, ...EVENT_ENTRY_KINDS];

export function isCorrectable(kind: EntryKind): kind is RecordedEntryKind {
  return (RECORDED_ENTRY_KINDS as readonly string[]).includes(kind);
}

/** One stored version of an entry. `body` is the kind's own record. */
export interface EntryVersion<Body = unknown> {
  entryId: string;
  version: number;
  kind: EntryKind;
  body: Body;
  recordedBy: string;
  recordedAt: string;
  /** Why this version replaced the one before (null for the first). */
  correctionReason: string | null;
}

/** An entry as shown: its current version, and every earlier one, oldest first. */
export interface Entry<Body = unknown> {
  entryId: string;
  kind: EntryKind;
  current: EntryVersion<Body>;
  history: EntryVersion<Body>[];
  /** When the entry was first recorded: its place in the timeline. */
  firstRecordedAt: string;
  firstRecordedBy: string;
}

/**
 * Groups stored versions into entries, in the order they were first recorded; entries recorded at
 * the same moment (one request records several) keep the order in which they were given.
 */
export function foldEntries<Body>(versions: readonly EntryVersion<Body>[]): Entry<Body>[] {
  const byEntry = new Map<string, EntryVersion<Body>[]>();
  for (const v of versions) {
    const list = byEntry.get(v.entryId);
    if (list) list.push(v);
    else byEntry.set(v.entryId, [v]);
  }
  const entries = [...byEntry.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.version - b.version);
    const first = sorted[0]!;
    const current = sorted[sorted.length - 1]!;
    return { entryId: first.entryId, kind: first.kind, current, history: sorted.slice(0, -1), firstRecordedAt: first.recordedAt, firstRecordedBy: first.recordedBy };
  });
  // Map keeps first-appearance order and Array.prototype.sort is stable: ties stay in input order.
  return entries.sort((a, b) => (a.firstRecordedAt < b.firstRecordedAt ? -1 : a.firstRecordedAt > b.firstRecordedAt ? 1 : 0));
}

/** The timeline's filter: entries of the chosen kinds (all when none are chosen). */
export function filterTimeline<Body>(entries: readonly Entry<Body>[], kinds: readonly EntryKind[]): Entry<Body>[] {
  if (kinds.length === 0) return [...entries];
  return entries.filter((e) => kinds.includes(e.kind));
}

/** The next version number of an entry being corrected. */
export function nextVersion(versions: readonly Pick<EntryVersion, 'version'>[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}
