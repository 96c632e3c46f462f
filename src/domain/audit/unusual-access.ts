import { bulkAround, type CaseOpening } from './bulk-access.js';
import { isOversight, opensCase } from './access-actions.js';
import { outsideSchoolHours, type OutsideHours } from './school-hours.js';
import { wasOnTeam, type TeamPeriod } from './team-periods.js';

/** Why an access to a case deserves a second look. Each is shown with a short reason. */
export type AccessFlag =
  /** Not the one who started it and not on the team at that moment. */
  | { kind: 'not-on-team' }
  /** Emergency access: opening it (`opened`), or reading it on the strength of that access (`through`). */
  | { kind: 'break-glass'; how: 'opened' | 'through' }
  /** Many different cases opened in a short time; `cases` is how many. */
  | { kind: 'bulk'; cases: number }
  | ({ kind: 'outside-school-hours' } & OutsideHours);

export type AccessFlagKind = AccessFlag['kind'];

/** One audited action on the case. */
export interface CaseAccessEvent {
  id: number;
  occurredAt: string;
  action: string;
  actorUserId: string | null;
}

/** What the flags are judged against. */
export interface AccessContext {
  startedBy: string;
  team: readonly TeamPeriod[];
  /** Who may see the case by their position rather than the team (the board, on the staff route). */
  entitledUserIds: readonly string[];
  /** Emergency accesses to this case: who, since when. */
  breakGlass: readonly { userId: string; openedAt: string }[];
  /** The same people's openings of any case around the events (for "many cases in a short time"). */
  openings: readonly CaseOpening[];
}

/** The flags of one event, in a fixed order (team, emergency, bulk, hours). */
export function flagsOf(event: CaseAccessEvent, context: AccessContext): AccessFlag[] {
  const flags: AccessFlag[] = [];
  const who = event.actorUserId;
  if (who !== null && who !== context.startedBy && !isOversight(event.action) && !context.entitledUserIds.includes(who) && !wasOnTeam(context.team, who, event.occurredAt)) {
    flags.push({ kind: 'not-on-team' });
  }
  if (event.action === 'case.break-glass') flags.push({ kind: 'break-glass', how: 'opened' });
  else if (who !== null && !isOversight(event.action) && !wasOnTeam(context.team, who, event.occurredAt) && context.breakGlass.some((b) => b.userId === who && b.openedAt <= event.occurredAt)) {
    flags.push({ kind: 'break-glass', how: 'through' });
  }
  if (who !== null && opensCase(event.action)) {
    const cases = bulkAround(context.openings, who, event.occurredAt);
    if (cases !== null) flags.push({ kind: 'bulk', cases });
  }
  const outside = outsideSchoolHours(new Date(event.occurredAt));
  if (outside) flags.push({ kind: 'outside-school-hours', ...outside });
  return flags;
}
