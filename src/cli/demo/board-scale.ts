import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import type { AppContext } from '../../server/app-context.js';
import { schoolDate } from '../../server/pupils/school-date.js';
import { seeded } from './demo-pupils.js';
import { DatabaseNotEmptyError, type DemoAccount } from './demo-board.js';
import { createAuditHistory } from './board-scale/audit-history.js';
import { createBoardCases } from './board-scale/board-cases.js';
import { createBoardPeople } from './board-scale/board-people.js';
import { createBoardPupils } from './board-scale/board-pupils.js';

export interface BoardScale {
  schools: number;
  pupils: number;
  cases: number;
  entriesPerCase: number;
  auditEvents: number;
}

/** The board of issue 9: two hundred schools, a hundred thousand pupils, twenty thousand cases. */
export const BOARD_SCALE: BoardScale = { schools: 200, pupils: 100_000, cases: 20_000, entriesPerCase: 40, auditEvents: 2_000_000 };

export interface BoardScaleReport {
  accounts: DemoAccount[];
  /** Seconds per phase. */
  timings: Record<string, number>;
  counts: { schools: number; pupils: number; cases: number; entries: number; auditEvents: number };
}

/**
 * Fills an empty database with a fictional board at scale, for benchmarks: schools with staff, pupils in
 * households, cases in every state with their sealed entries, and a long audit chain. Written with
 * prepared multi-row inserts in large transactions (no round trip per row), but sealed and chained
 * exactly as Meldpad itself seals and chains. The people of the first school, one SMW and the board
 * member are real accounts with TOTP, returned for the accounts file.
 */
export async function createBoardScaleDemo(ctx: AppContext, scale: BoardScale = BOARD_SCALE, log: (line: string) => void = () => {}): Promise<BoardScaleReport> {
  if (await ctx.repos.boards.anyBoardExists()) throw new DatabaseNotEmptyError('the database is not empty; the demo needs an empty one');
  // Random inserts into the audit and entry indexes need more than SQLite's 2 MB page cache (this connection only).
  if (ctx.db.engine === 'sqlite') await sql`pragma cache_size = -262144`.execute(ctx.db.kysely);
  const random = seeded(20261129);
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const t = performance.now();
    timings[phase] = Math.round(t - mark) / 1000;
    mark = t;
    log(`${phase}: ${timings[phase]!.toFixed(1)} s`);
  };

  const people = await ctx.db.kysely.transaction().execute((tx) => createBoardPeople(ctx, tx, scale.schools));
  lap('schools and staff');
  const schoolYear = schoolYearOf(schoolDate(ctx.now()));
  const pupils = await createBoardPupils(ctx, ctx.db.kysely, people.boardId, people.schools, Math.ceil(scale.pupils / scale.schools), schoolYear, random);
  lap(`pupils (${pupils.length})`);
  let entries = 0;
  const cases = await createBoardCases(ctx, people, pupils, Math.ceil(scale.cases / scale.schools), scale.entriesPerCase, random, (done, count) => {
    entries = count;
    if (done % 50 === 0) log(`  cases: ${done}/${scale.schools} schools, ${count} entries`);
  });
  lap(`cases (${cases.length}, ${entries} sealed entry versions)`);
  const events = await createAuditHistory(ctx, people, cases, Math.max(0, scale.auditEvents - 1), random, (done) => {
    if (done % 500_000 === 0) log(`  audit: ${done} events`);
  });
  await ctx.repos.audit.append({ occurredAt: ctx.now(), action: 'cli.demo', outcome: 'success', boardId: people.boardId });
  lap(`audit chain (${events + 1} events)`);
  return { accounts: people.accounts, timings, counts: { schools: people.schools.length, pupils: pupils.length, cases: cases.length, entries, auditEvents: events + 1 } };
}
