/**
 * Who was on a case's team when. The case keeps its current team (with when each joined) and a
 * team-change entry for every change; from those the periods each person was on it follow.
 * Times are ISO strings (UTC, as the database holds them), compared as text.
 */
export interface TeamPeriod {
  userId: string;
  from: string;
  /** When they left the team; null while they are on it. */
  until: string | null;
}

export interface TeamHistory {
  /** When the case was started: members removed before any recorded joining were on it from then. */
  startedAt: string;
  current: readonly { userId: string; addedAt: string }[];
  /** The team-change entries: who joined and who left, at what moment. */
  changes: readonly { at: string; addedUserIds: readonly string[]; removedUserIds: readonly string[] }[];
}

/**
 * The periods each person was on the team. A change of team role shows as both leaving and
 * joining at one moment; the person simply stays on.
 */
export function teamPeriods(history: TeamHistory): TeamPeriod[] {
  const periods: TeamPeriod[] = [];
  const open = new Map<string, TeamPeriod>();
  const ever = new Set<string>();
  const joinedAt = new Map(history.current.map((m) => [m.userId, m.addedAt]));
  const changes = [...history.changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const change of changes) {
    const added = new Set(change.addedUserIds);
    for (const userId of change.removedUserIds) {
      if (added.has(userId)) continue;
      const period = open.get(userId);
      if (period) period.until = change.at;
      // Someone leaving who never joined through a recorded change was put on when the case started.
      else if (!ever.has(userId)) periods.push({ userId, from: history.startedAt, until: change.at });
      open.delete(userId);
      ever.add(userId);
    }
    const removed = new Set(change.removedUserIds);
    for (const userId of added) {
      if (open.has(userId)) {
        ever.add(userId);
        continue;
      }
      // A change of role: they were on before it, since they joined (or, unrecorded, since the start).
      const from = removed.has(userId) && !ever.has(userId) ? (joinedAt.get(userId) ?? history.startedAt) : change.at;
      ever.add(userId);
      const period: TeamPeriod = { userId, from, until: null };
      periods.push(period);
      open.set(userId, period);
    }
  }
  for (const member of history.current) {
    if (open.has(member.userId)) continue;
    // On the team now without a recorded joining (e.g. the IB'er who joins every new case).
    periods.push({ userId: member.userId, from: member.addedAt, until: null });
  }
  // Anyone the periods leave open but who is no longer on the team left without a record: close at the last change.
  const currentIds = new Set(history.current.map((m) => m.userId));
  const lastChange = changes.at(-1)?.at ?? null;
  for (const period of open.values()) if (!currentIds.has(period.userId) && lastChange) period.until = lastChange;
  return periods;
}

/** Whether the person was on the team at that moment. */
export function wasOnTeam(periods: readonly TeamPeriod[], userId: string, at: string): boolean {
  return periods.some((p) => p.userId === userId && p.from <= at && (p.until === null || at < p.until));
}
