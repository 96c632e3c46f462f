import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { RecordCipher } from '../encryption/record-cipher.js';
import { openFields } from '../encryption/sealed-fields.js';
import type { Database } from '../schema.js';

/** Whose figures: one school's, or every school of a board's. */
export type StatisticsScope = { kind: 'school'; schoolId: string } | { kind: 'board'; boardId: string };

/** A time window (ISO instants, end exclusive) wide enough to hold a school year's dates in any time zone of the school. */
export interface StatisticsWindow {
  from: string;
  until: string;
}

export interface StatisticsCaseRow {
  caseId: string;
  schoolId: string;
  route: string;
  startedAt: string;
  closedAt: string | null;
}

export interface FirstEntryRow {
  caseId: string;
  kind: string;
  firstAt: string;
}

export interface EventRow {
  schoolId: string;
  route: string;
  kind: string;
  recordedAt: string;
}

export interface SignalRow {
  caseId: string;
  schoolId: string;
  route: string;
  /** When the signal was first recorded. */
  recordedAt: string;
  /** The catalogue item ids of its current version: all that is read of the sealed body. */
  signalItemIds: string[];
}

export interface ClosingRow {
  caseId: string;
  reason: string | null;
}

/** The facts the figures of a year are made from, as stored. */
export interface StatisticsRows {
  cases: StatisticsCaseRow[];
  firstEntries: FirstEntryRow[];
  events: EventRow[];
  signals: SignalRow[];
  closings: ClosingRow[];
}

const COUNTED_KINDS = ['veilig-thuis-advice', 'report', 'risk-index-registration'];

type CaseQuery = SelectQueryBuilder<Database, 'cases', object>;
type EntryQuery = SelectQueryBuilder<Database, 'case_entries' | 'cases', object>;

/**
 * Reads for the meldcode figures (Cijfers). One query per kind of figure, for a school or a whole
 * board at once, so a board of 200 schools costs five queries, not five per school. Plain columns
 * (entry kind, times, the case's dates) carry almost everything; only two things live in sealed
 * entry bodies — the catalogue items of a signal and the reason a case closed — and of those only
 * the ids are kept, the rest of the opened body is dropped at once.
 */
export class StatisticsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: RecordCipher,
  ) {}

  /** The board's schools, by name: each gets its line, also one without cases. */
  async schoolsOfBoard(boardId: string): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('schools').select(['id', 'name']).where('board_id', '=', boardId).orderBy('name').orderBy('id').execute();
  }

  async rows(scope: StatisticsScope, window: StatisticsWindow): Promise<StatisticsRows> {
    const [cases, firstEntries, events, signals, closings] = await Promise.all([
      this.cases(scope, window),
      this.firstEntries(scope, window),
      this.events(scope, window),
      this.signals(scope, window),
      this.closings(scope, window),
    ]);
    return { cases, firstEntries, events, signals, closings };
  }

  private inScope<Q extends CaseQuery | EntryQuery>(query: Q, scope: StatisticsScope): Q {
    const q = query as CaseQuery;
    // A school's figures never touch a staff-route case: those are the board's, counted in its view only.
    return (scope.kind === 'school' ? q.where('cases.school_id', '=', scope.schoolId).where('cases.route', '=', 'meldcode') : q.where('cases.board_id', '=', scope.boardId)) as Q;
  }

  /** Cases alive at some time in the window: started before its end, not closed before its start. */
  private alive<Q extends CaseQuery | EntryQuery>(query: Q, window: StatisticsWindow): Q {
    const q = query as CaseQuery;
    return q.where('cases.started_at', '<', window.until).where((eb) => eb.or([eb('cases.closed_at', 'is', null), eb('cases.closed_at', '>=', window.from)])) as Q;
  }

  private async cases(scope: StatisticsScope, window: StatisticsWindow): Promise<StatisticsCaseRow[]> {
    const rows = await this.alive(this.inScope(this.db.selectFrom('cases'), scope), window)
      .select(['cases.id', 'cases.school_id', 'cases.route', 'cases.started_at', 'cases.closed_at'])
      .execute();
    return rows.map((r) => ({ caseId: r.id, schoolId: r.school_id, route: r.route, startedAt: r.started_at, closedAt: r.closed_at }));
  }

  /** When each case first got an entry of each kind (signals and the steps' kinds): plain columns only. */
  private async firstEntries(scope: StatisticsScope, window: StatisticsWindow): Promise<FirstEntryRow[]> {
    const kinds = ['signal', 'consultation', 'veilig-thuis-advice', 'parent-conversation', 'weighing-answer', 'report', 'risk-index-registration'];
    const rows = await this.alive(this.inScope(this.db.selectFrom('case_entries').innerJoin('cases', 'cases.id', 'case_entries.case_id'), scope), window)
      .where('case_entries.kind', 'in', kinds)
      .select((eb) => ['case_entries.case_id', 'case_entries.kind', eb.fn.min('case_entries.recorded_at').as('first_at')])
      .groupBy(['case_entries.case_id', 'case_entries.kind'])
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, kind: r.kind, firstAt: String(r.first_at) }));
  }

  /** Advice requests, reports and verwijsindex registrations first recorded in the window. */
  private async events(scope: StatisticsScope, window: StatisticsWindow): Promise<EventRow[]> {
    const rows = await this.inScope(this.db.selectFrom('case_entries').innerJoin('cases', 'cases.id', 'case_entries.case_id'), scope)
      .where('case_entries.kind', 'in', COUNTED_KINDS)
      .where('case_entries.version', '=', 1)
      .where('case_entries.recorded_at', '>=', window.from)
      .where('case_entries.recorded_at', '<', window.until)
      .select(['cases.school_id', 'cases.route', 'case_entries.kind', 'case_entries.recorded_at'])
      .execute();
    return rows.map((r) => ({ schoolId: r.school_id, route: r.route, kind: r.kind, recordedAt: r.recorded_at }));
  }

  /** Signals first recorded in the window, with the items of their current version. */
  private async signals(scope: StatisticsScope, window: StatisticsWindow): Promise<SignalRow[]> {
    const rows = await this.inScope(this.db.selectFrom('case_entries').innerJoin('cases', 'cases.id', 'case_entries.case_id'), scope)
      .where('case_entries.kind', '=', 'signal')
      // Every version of a signal whose first version falls in the window (found through the case's own entries).
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_entries as first')
            .select('first.id')
            .whereRef('first.case_id', '=', 'case_entries.case_id')
            .whereRef('first.entry_id', '=', 'case_entries.entry_id')
            .where('first.version', '=', 1)
            .where('first.recorded_at', '>=', window.from)
            .where('first.recorded_at', '<', window.until),
        ),
      )
      .select(['case_entries.id', 'case_entries.entry_id', 'case_entries.case_id', 'case_entries.version', 'case_entries.recorded_at', 'case_entries.body', 'case_entries.data_key', 'cases.school_id', 'cases.route'])
      .execute();
    const byEntry = new Map<string, { first: (typeof rows)[number]; current: (typeof rows)[number] }>();
    for (const r of rows) {
      const seen = byEntry.get(r.entry_id);
      if (!seen) byEntry.set(r.entry_id, { first: r, current: r });
      else {
        if (Number(r.version) < Number(seen.first.version)) seen.first = r;
        if (Number(r.version) > Number(seen.current.version)) seen.current = r;
      }
    }
    return [...byEntry.values()].map(({ first, current }) => ({
      caseId: current.case_id,
      schoolId: current.school_id,
      route: current.route,
      recordedAt: first.recorded_at,
      signalItemIds: itemIdsOf(this.openBody(current)),
    }));
  }

  /** The reason of the last closing of each case closed in the window. */
  private async closings(scope: StatisticsScope, window: StatisticsWindow): Promise<ClosingRow[]> {
    const rows = await this.inScope(this.db.selectFrom('case_entries').innerJoin('cases', 'cases.id', 'case_entries.case_id'), scope)
      .where('case_entries.kind', '=', 'case-closed')
      .where('cases.closed_at', '>=', window.from)
      .where('cases.closed_at', '<', window.until)
      .select(['case_entries.id', 'case_entries.case_id', 'case_entries.recorded_at', 'case_entries.position', 'case_entries.body', 'case_entries.data_key'])
      .execute();
    const last = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const seen = last.get(r.case_id);
      if (!seen || r.recorded_at > seen.recorded_at || (r.recorded_at === seen.recorded_at && Number(r.position) > Number(seen.position))) last.set(r.case_id, r);
    }
    return [...last.values()].map((r) => ({ caseId: r.case_id, reason: reasonOf(this.openBody(r)) }));
  }

  private openBody(r: { id: string; body: string; data_key: string | null }): unknown {
    const opened = openFields(this.cipher, 'case_entries', r.id, r.data_key, { body: r.body });
    try {
      return JSON.parse(opened.body ?? 'null') as unknown;
    } catch {
      return null;
    }
  }
}

function itemIdsOf(body: unknown): string[] {
  const ids = (body as { signalItemIds?: unknown } | null)?.signalItemIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function reasonOf(body: unknown): string | null {
  const reason = (body as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : null;
}
