/**
 * "Many cases in a short time": someone who opens BULK_CASE_COUNT or more different cases within
 * BULK_WINDOW_MINUTES is browsing, not working on one child's file. A casushouder rarely opens
 * more than a handful of files in a quarter of an hour; ten is well above that and below what a
 * person going through the school's files one by one would reach.
 */
export const BULK_CASE_COUNT = 10;
export const BULK_WINDOW_MINUTES = 15;
const WINDOW_MS = BULK_WINDOW_MINUTES * 60_000;

/** One opening of a case by one person. */
export interface CaseOpening {
  actorUserId: string;
  caseId: string;
  occurredAt: string;
}

/** A stretch of time around a person's openings of this case, in which to look for their other openings. */
export interface BulkWindow {
  actorUserId: string;
  from: string;
  until: string;
}

/**
 * The windows to load the same people's openings of any case for: a window's length before and
 * after each opening, overlapping stretches merged, so one query answers for the whole list.
 */
export function bulkWindows(openings: readonly { actorUserId: string; occurredAt: string }[]): BulkWindow[] {
  const byActor = new Map<string, number[]>();
  for (const o of openings) byActor.set(o.actorUserId, [...(byActor.get(o.actorUserId) ?? []), Date.parse(o.occurredAt)]);
  const windows: BulkWindow[] = [];
  for (const [actorUserId, times] of byActor) {
    times.sort((a, b) => a - b);
    let from = times[0]! - WINDOW_MS;
    let until = times[0]! + WINDOW_MS;
    for (const t of times.slice(1)) {
      if (t - WINDOW_MS <= until) until = t + WINDOW_MS;
      else {
        windows.push({ actorUserId, from: new Date(from).toISOString(), until: new Date(until).toISOString() });
        from = t - WINDOW_MS;
        until = t + WINDOW_MS;
      }
    }
    windows.push({ actorUserId, from: new Date(from).toISOString(), until: new Date(until).toISOString() });
  }
  return windows;
}

/**
 * The most different cases the person opened within any BULK_WINDOW_MINUTES that includes the
 * moment `at`, or null when that stays below BULK_CASE_COUNT. `openings` are the person's openings
 * of any case around that moment.
 */
export function bulkAround(openings: readonly CaseOpening[], actorUserId: string, at: string): number | null {
  const moment = Date.parse(at);
  const own = openings
    .filter((o) => o.actorUserId === actorUserId)
    .map((o) => ({ caseId: o.caseId, time: Date.parse(o.occurredAt) }))
    .filter((o) => Math.abs(o.time - moment) <= WINDOW_MS);
  let most = 0;
  // Every window that holds `at` and starts at one of the openings before it.
  for (const start of own) {
    if (start.time > moment || moment - start.time > WINDOW_MS) continue;
    const cases = new Set(own.filter((o) => o.time >= start.time && o.time <= start.time + WINDOW_MS).map((o) => o.caseId));
    most = Math.max(most, cases.size);
  }
  return most >= BULK_CASE_COUNT ? most : null;
}
