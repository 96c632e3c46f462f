import type { Kysely } from 'kysely';
import type { LegalHold, LegalHoldGround } from '../../domain/retention/legal-hold.js';
import { DEFAULT_TERM, type RetentionTerm } from '../../domain/retention/retention-term.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import type { Database } from '../schema.js';

/** A closed meldcode case as retention sees it: dates and the pupil's name for the school's list. */
export interface ClosedCaseRecord {
  caseId: string;
  schoolId: string;
  pupilName: string;
  startedAt: string;
  /** ISO time the case was closed. */
  closedAt: string;
  pupilLeftOn: string | null;
  legalHold: boolean;
}

export interface DestructionRecord {
  caseId: string;
  schoolId: string;
  boardId: string;
  route: 'meldcode' | 'staff';
  startedOn: string;
  closedOn: string;
  dueOn: string;
  termYears: number;
  termSetBy: string | null;
  termSetByName: string | null;
  termSetAt: string | null;
  confirmedBy: string;
  confirmedByName: string;
  destroyedAt: string;
}

export type NewDestructionRecord = Omit<DestructionRecord, 'termSetByName' | 'confirmedByName'>;

export interface TermWithName extends RetentionTerm {
  setByName: string | null;
}

export interface HoldWithName extends LegalHold {
  setByName: string;
}

/**
 * Retention: a school's term, legal holds, the closed cases a school keeps and the records of those
 * destroyed. Every query names its school or its case; `schoolIds` serves the daily job.
 */
export class RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async term(schoolId: string, executor: Kysely<Database> = this.db): Promise<TermWithName> {
    const row = await executor
      .selectFrom('retention_terms')
      .leftJoin('users', 'users.id', 'retention_terms.set_by')
      .select(['retention_terms.years', 'retention_terms.set_by', 'retention_terms.set_at', 'users.name'])
      .where('retention_terms.school_id', '=', schoolId)
      .executeTakeFirst();
    if (!row) return { ...DEFAULT_TERM, setByName: null };
    return { years: Number(row.years), setBy: row.set_by, setAt: row.set_at, setByName: row.name };
  }

  async setTerm(schoolId: string, years: number, setBy: string, at: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('retention_terms')
      .values({ school_id: schoolId, years, set_by: setBy, set_at: at })
      .onConflict((oc) => oc.column('school_id').doUpdateSet({ years, set_by: setBy, set_at: at }))
      .execute();
  }

  /** The hold that is on for a case, or null. */
  async activeHold(caseId: string, executor: Kysely<Database> = this.db): Promise<HoldWithName | null> {
    const row = await executor
      .selectFrom('case_legal_holds')
      .innerJoin('users', 'users.id', 'case_legal_holds.set_by')
      .select(['case_legal_holds.ground', 'case_legal_holds.set_by', 'case_legal_holds.set_at', 'users.name'])
      .where('case_legal_holds.case_id', '=', caseId)
      .where('case_legal_holds.lifted_at', 'is', null)
      .executeTakeFirst();
    return row ? { ground: row.ground as LegalHoldGround, setBy: row.set_by, setAt: row.set_at, setByName: row.name } : null;
  }

  async setHold(hold: { id: string; caseId: string; schoolId: string; ground: LegalHoldGround; setBy: string; at: string }, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('case_legal_holds')
      .values({ id: hold.id, case_id: hold.caseId, school_id: hold.schoolId, ground: hold.ground, set_by: hold.setBy, set_at: hold.at, lifted_by: null, lifted_at: null })
      .execute();
  }

  /** Lifts the hold that is on; false when there was none. */
  async liftHold(caseId: string, liftedBy: string, at: string, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor.updateTable('case_legal_holds').set({ lifted_by: liftedBy, lifted_at: at }).where('case_id', '=', caseId).where('lifted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The school's closed meldcode cases, with what their retention depends on. */
  async closedCases(schoolId: string, executor: Kysely<Database> = this.db): Promise<ClosedCaseRecord[]> {
    const rows = await executor
      .selectFrom('cases')
      .innerJoin('pupils', 'pupils.id', 'cases.pupil_id')
      .select(['cases.id', 'cases.school_id', 'cases.started_at', 'cases.closed_at', 'pupils.left_on', 'pupils.call_name', 'pupils.given_names', 'pupils.surname_prefix', 'pupils.surname'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('case_legal_holds').select('case_legal_holds.id').whereRef('case_legal_holds.case_id', '=', 'cases.id').where('case_legal_holds.lifted_at', 'is', null))
          .as('held'),
      )
      .where('cases.school_id', '=', schoolId)
      .where('cases.route', '=', 'meldcode')
      .where('cases.phase', '=', 'closed')
      .where('cases.closed_at', 'is not', null)
      .orderBy('cases.closed_at')
      .execute();
    return rows.map((r) => ({
      caseId: r.id,
      schoolId: r.school_id,
      pupilName: displayName({ callName: r.call_name, givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname }),
      startedAt: r.started_at,
      closedAt: r.closed_at!,
      pupilLeftOn: r.left_on,
      // SQLite answers 0/1, PostgreSQL a boolean.
      legalHold: Boolean(Number(r.held)) || r.held === true,
    }));
  }

  /** The pupil's leaving date of a case (for the case page's retention status). */
  async pupilLeftOn(caseId: string, executor: Kysely<Database> = this.db): Promise<string | null> {
    const row = await executor.selectFrom('cases').innerJoin('pupils', 'pupils.id', 'cases.pupil_id').select('pupils.left_on').where('cases.id', '=', caseId).executeTakeFirst();
    return row?.left_on ?? null;
  }

  async closedAt(caseId: string, executor: Kysely<Database> = this.db): Promise<string | null> {
    const row = await executor.selectFrom('cases').select('closed_at').where('id', '=', caseId).executeTakeFirst();
    return row?.closed_at ?? null;
  }

  /** Every school (the daily job goes through them one by one). */
  async schoolIds(): Promise<string[]> {
    return (await this.db.selectFrom('schools').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  async addDestruction(record: NewDestructionRecord, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('case_destructions')
      .values({
        case_id: record.caseId,
        school_id: record.schoolId,
        board_id: record.boardId,
        route: record.route,
        started_on: record.startedOn,
        closed_on: record.closedOn,
        due_on: record.dueOn,
        term_years: record.termYears,
        term_set_by: record.termSetBy,
        term_set_at: record.termSetAt,
        confirmed_by: record.confirmedBy,
        destroyed_at: record.destroyedAt,
      })
      .execute();
  }

  /** The school's destruction records, newest first. */
  async destructions(schoolId: string, limit = 200): Promise<DestructionRecord[]> {
    const rows = await this.db
      .selectFrom('case_destructions')
      .innerJoin('users as confirmer', 'confirmer.id', 'case_destructions.confirmed_by')
      .leftJoin('users as setter', 'setter.id', 'case_destructions.term_set_by')
      .selectAll('case_destructions')
      .select(['confirmer.name as confirmer_name', 'setter.name as setter_name'])
      .where('case_destructions.school_id', '=', schoolId)
      .orderBy('case_destructions.destroyed_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      schoolId: r.school_id,
      boardId: r.board_id,
      route: r.route as 'meldcode' | 'staff',
      startedOn: r.started_on,
      closedOn: r.closed_on,
      dueOn: r.due_on,
      termYears: Number(r.term_years),
      termSetBy: r.term_set_by,
      termSetByName: r.setter_name,
      termSetAt: r.term_set_at,
      confirmedBy: r.confirmed_by,
      confirmedByName: r.confirmer_name,
      destroyedAt: r.destroyed_at,
    }));
  }

  /** The latest destruction this person confirmed (one fresh code serves one destruction). */
  async lastConfirmedBy(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('case_destructions').select('destroyed_at').where('confirmed_by', '=', userId).orderBy('destroyed_at', 'desc').limit(1).executeTakeFirst();
    return row?.destroyed_at ?? null;
  }

  /** Whether this person was already told this about this case (the daily job tells once). */
  async wasNotified(userId: string, kind: string, caseId: string, executor: Kysely<Database> = this.db): Promise<boolean> {
    const row = await executor.selectFrom('notifications').select('id').where('user_id', '=', userId).where('kind', '=', kind).where('subject_id', '=', caseId).limit(1).executeTakeFirst();
    return row !== undefined;
  }
}
