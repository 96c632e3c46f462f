import { accessActionKey, type AccessActionKey } from './access-actions.js';
import { schoolClock } from './school-hours.js';
import { flagsOf, type AccessContext, type AccessFlag, type CaseAccessEvent } from './unusual-access.js';

/** An audited action on the case, with what the list shows of it. */
export interface AccessLogEvent extends CaseAccessEvent {
  outcome: string;
  /** The role the person acted in, as the event recorded it. */
  actorRole: string | null;
  /** For a recording or correction: the kind of entry it was (signal, conversation, …). */
  entryKind: string | null;
}

/**
 * One line of "who saw this file": one person doing one thing on one day (the school's day),
 * with the same flags. Repeated reads collapse into one line with a count, so the list stays
 * readable; a read that is flagged differently (say, late at night) keeps a line of its own.
 */
export interface AccessLogLine {
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  actionKey: AccessActionKey;
  entryKind: string | null;
  outcome: string;
  day: string;
  firstAt: string;
  lastAt: string;
  count: number;
  flags: AccessFlag[];
}

/** The access log of a case, newest first. */
export function accessLog(events: readonly AccessLogEvent[], context: AccessContext): AccessLogLine[] {
  const lines = new Map<string, AccessLogLine>();
  // The id of each line's latest event: lines of one moment stay in the order they happened.
  const lastIds = new Map<AccessLogLine, number>();
  const sorted = [...events].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id));
  for (const event of sorted) {
    const flags = flagsOf(event, context);
    const day = schoolClock(new Date(event.occurredAt)).date;
    const key = JSON.stringify([event.actorUserId, event.actorRole, event.action, event.entryKind, event.outcome, day, flags.map(flagKey)]);
    const line = lines.get(key);
    if (line) {
      line.lastAt = event.occurredAt;
      line.count += 1;
      line.flags = line.flags.map((f, i) => widest(f, flags[i]!));
      lastIds.set(line, event.id);
      continue;
    }
    const added: AccessLogLine = {
      actorUserId: event.actorUserId,
      actorRole: event.actorRole,
      action: event.action,
      actionKey: accessActionKey(event.action),
      entryKind: event.entryKind,
      outcome: event.outcome,
      day,
      firstAt: event.occurredAt,
      lastAt: event.occurredAt,
      count: 1,
      flags,
    };
    lines.set(key, added);
    lastIds.set(added, event.id);
  }
  return [...lines.values()].sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : lastIds.get(b)! - lastIds.get(a)!));
}

/** Whether a line deserves a second look. */
export function isUnusual(line: Pick<AccessLogLine, 'flags'>): boolean {
  return line.flags.length > 0;
}

/** What makes two flags the same for grouping: the kind and its reason, not the count. */
function flagKey(flag: AccessFlag): string {
  switch (flag.kind) {
    case 'bulk':
      return 'bulk';
    case 'break-glass':
      return `break-glass:${flag.how}`;
    case 'outside-school-hours':
      return `outside:${flag.reason}`;
    default:
      return flag.kind;
  }
}

/** Of two flags of one kind on one line, the one that says most (the larger bulk count). */
function widest(a: AccessFlag, b: AccessFlag): AccessFlag {
  return a.kind === 'bulk' && b.kind === 'bulk' ? { kind: 'bulk', cases: Math.max(a.cases, b.cases) } : a;
}
