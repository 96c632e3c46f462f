import { sql, type Kysely } from 'kysely';
import type { EntryKind, EntryVersion } from '../../domain/cases/case-entry.js';
import type { CasePhase } from '../../domain/cases/case-progress.js';
import type { CaseRoute } from '../../domain/cases/case-route.js';
import type { TeamMember, TeamRole } from '../../domain/cases/case-team.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import type { RecordCipher } from '../encryption/record-cipher.js';
import { openFields, sealFields } from '../encryption/sealed-fields.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

export interface CaseRecord {
  id: string;
  schoolId: string;
  schoolName: string;
  boardId: string;
  pupilId: string;
  route: CaseRoute;
  protocolVersionId: string | null;
  step: number;
  phase: CasePhase;
  casushouderId: string | null;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
}

export interface CaseWithAccess extends CaseRecord {
  team: (TeamMember & { name: string })[];
  breakGlass: { userId: string; name: string; reason: string; openedAt: string }[];
}

export interface CaseListItem extends CaseRecord {
  pupilName: string;
  groupName: string | null;
  casushouderName: string | null;
  teamUserIds: string[];
}

/** Who is looking for a case: a case is found in their school, or on the staff route in their board. */
export interface CaseLookup {
  schoolId: string | null;
  boardId: string;
}

export interface NewCase {
  id: string;
  schoolId: string;
  boardId: string;
  pupilId: string;
  route: CaseRoute;
  protocolVersionId: string | null;
  step: number;
  phase: CasePhase;
  startedBy: string;
  startedAt: string;
}

export interface NewEntryVersion {
  id: string;
  caseId: string;
  schoolId: string;
  entryId: string;
  version: number;
  kind: EntryKind;
  body: unknown;
  recordedBy: string;
  recordedAt: string;
  correctionReason: string | null;
}

type CaseRow = Database['cases'] & { school_name: string };

function toRecord(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    boardId: r.board_id,
    pupilId: r.pupil_id,
    route: r.route as CaseRoute,
    protocolVersionId: r.protocol_version_id,
    step: Number(r.step),
    phase: r.phase as CasePhase,
    casushouderId: r.casushouder_user_id,
    startedBy: r.started_by,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Cases, their teams, emergency accesses and entries. A case is looked up within the acting school,
 * or — for the staff route only — within the board; every list is bound to a school, a board or a person.
 */
export class CasesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: RecordCipher,
  ) {}

  async create(c: NewCase, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('cases')
      .values({
        id: c.id,
        school_id: c.schoolId,
        board_id: c.boardId,
        pupil_id: c.pupilId,
        route: c.route,
        protocol_version_id: c.protocolVersionId,
        step: c.step,
        phase: c.phase,
        casushouder_user_id: null,
        started_by: c.startedBy,
        started_at: c.startedAt,
        updated_at: c.startedAt,
        closed_at: null,
      })
      .execute();
  }

  /** A case with what the access policy needs, or null when there is none within reach. */
  async find(lookup: CaseLookup, caseId: string, executor: Kysely<Database> = this.db): Promise<CaseWithAccess | null> {
    const row = await executor
      .selectFrom('cases')
      .innerJoin('schools', 'schools.id', 'cases.school_id')
      .selectAll('cases')
      .select('schools.name as school_name')
      .where('cases.id', '=', caseId)
      .where((eb) =>
        eb.or([
          ...(lookup.schoolId ? [eb('cases.school_id', '=', lookup.schoolId)] : []),
          eb.and([eb('cases.route', '=', 'staff'), eb('cases.board_id', '=', lookup.boardId)]),
        ]),
      )
      .executeTakeFirst();
    if (!row) return null;
    const [team, breakGlass] = await Promise.all([this.team(caseId, executor), this.breakGlass(caseId, executor)]);
    return { ...toRecord(row), team, breakGlass };
  }

  async team(caseId: string, executor: Kysely<Database> = this.db): Promise<(TeamMember & { name: string })[]> {
    const rows = await executor
      .selectFrom('case_team_members')
      .innerJoin('users', 'users.id', 'case_team_members.user_id')
      .select(['case_team_members.user_id', 'case_team_members.team_role', 'users.name'])
      .where('case_team_members.case_id', '=', caseId)
      .orderBy('case_team_members.added_at')
      .orderBy('users.name')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, teamRole: r.team_role as TeamRole, name: r.name }));
  }

  async breakGlass(caseId: string, executor: Kysely<Database> = this.db) {
    const rows = await executor
      .selectFrom('case_break_glass')
      .innerJoin('users', 'users.id', 'case_break_glass.user_id')
      .select(['case_break_glass.id', 'case_break_glass.user_id', 'users.name', 'case_break_glass.reason', 'case_break_glass.opened_at', 'case_break_glass.data_key'])
      .where('case_break_glass.case_id', '=', caseId)
      .orderBy('case_break_glass.opened_at')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      reason: openFields(this.cipher, 'case_break_glass', r.id, r.data_key, { reason: r.reason }).reason,
      openedAt: r.opened_at,
    }));
  }

  async addTeamMembers(caseId: string, members: readonly TeamMember[], addedBy: string, at: string, executor: Kysely<Database> = this.db): Promise<void> {
    if (members.length === 0) return;
    await executor
      .insertInto('case_team_members')
      .values(members.map((m) => ({ case_id: caseId, user_id: m.userId, team_role: m.teamRole, added_by: addedBy, added_at: at })))
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet((eb) => ({ team_role: eb.ref('excluded.team_role') })))
      .execute();
  }

  async removeTeamMembers(caseId: string, userIds: readonly string[], executor: Kysely<Database> = this.db): Promise<void> {
    if (userIds.length === 0) return;
    await executor.deleteFrom('case_team_members').where('case_id', '=', caseId).where('user_id', 'in', userIds).execute();
  }

  async setProgress(caseId: string, progress: { step: number; phase: CasePhase; casushouderId: string | null }, at: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('cases')
      .set({ step: progress.step, phase: progress.phase, casushouder_user_id: progress.casushouderId, updated_at: at })
      .where('id', '=', caseId)
      .execute();
  }

  /** When the case was closed (null when it is reopened). */
  async setClosedAt(caseId: string, at: string | null, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.updateTable('cases').set({ closed_at: at }).where('id', '=', caseId).execute();
  }

  async touch(caseId: string, at: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.updateTable('cases').set({ updated_at: at }).where('id', '=', caseId).execute();
  }

  async addBreakGlass(row: { id: string; caseId: string; userId: string; reason: string; openedAt: string }, executor: Kysely<Database> = this.db): Promise<void> {
    const sealed = sealFields(this.cipher, 'case_break_glass', row.id, { reason: row.reason });
    await executor.insertInto('case_break_glass').values({ id: row.id, case_id: row.caseId, user_id: row.userId, opened_at: row.openedAt, ...sealed }).execute();
  }

  async addEntryVersion(v: NewEntryVersion, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('case_entries')
      .values({
        id: v.id,
        case_id: v.caseId,
        school_id: v.schoolId,
        entry_id: v.entryId,
        version: v.version,
        kind: v.kind,
        ...sealFields(this.cipher, 'case_entries', v.id, { body: JSON.stringify(v.body), correction_reason: v.correctionReason }),
        recorded_by: v.recordedBy,
        recorded_at: v.recordedAt,
        position: sql<number>`(select coalesce(max(position), 0) + 1 from case_entries where case_id = ${v.caseId})`,
      })
      .execute();
  }

  /** Every version of every entry of a case, with the recorder's name. */
  async entryVersions(caseId: string, executor: Kysely<Database> = this.db): Promise<(EntryVersion & { recordedByName: string })[]> {
    const rows = await executor
      .selectFrom('case_entries')
      .innerJoin('users', 'users.id', 'case_entries.recorded_by')
      .selectAll('case_entries')
      .select('users.name as recorded_by_name')
      .where('case_entries.case_id', '=', caseId)
      .orderBy('case_entries.position')
      .execute();
    return rows.map((r) => ({ ...this.openEntry(r), recordedByName: r.recorded_by_name }));
  }

  /** The versions of one entry of a case (empty when the case holds no such entry). */
  async versionsOf(caseId: string, entryId: string, executor: Kysely<Database> = this.db): Promise<EntryVersion[]> {
    const rows = await executor.selectFrom('case_entries').selectAll().where('case_id', '=', caseId).where('entry_id', '=', entryId).orderBy('version').execute();
    return rows.map((r) => this.openEntry(r));
  }

  /** One stored entry version, its sealed fields opened. */
  private openEntry(r: Database['case_entries']): EntryVersion {
    const opened = openFields(this.cipher, 'case_entries', r.id, r.data_key, { body: r.body, correction_reason: r.correction_reason });
    return {
      entryId: r.entry_id,
      version: Number(r.version),
      kind: r.kind as EntryKind,
      body: JSON.parse(opened.body ?? 'null') as unknown,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
      correctionReason: opened.correction_reason,
    };
  }

  /**
   * The current version of each entry of the given kinds, for many cases in one query (home pages:
   * what falls due). Only the kinds asked for are opened.
   */
  async currentEntriesForCases(caseIds: readonly string[], kinds: readonly EntryKind[]): Promise<Map<string, { entryId: string; kind: EntryKind; body: unknown }[]>> {
    const byCase = new Map<string, { entryId: string; kind: EntryKind; body: unknown }[]>();
    if (caseIds.length === 0 || kinds.length === 0) return byCase;
    const rows: Database['case_entries'][] = [];
    // Bounded IN lists keep both engines within their parameter limits.
    for (let i = 0; i < caseIds.length; i += 500) {
      rows.push(...(await this.db.selectFrom('case_entries').selectAll().where('case_id', 'in', caseIds.slice(i, i + 500)).where('kind', 'in', kinds).execute()));
    }
    const latest = new Map<string, Database['case_entries']>();
    for (const r of rows) {
      const seen = latest.get(r.entry_id);
      if (!seen || Number(r.version) > Number(seen.version)) latest.set(r.entry_id, r);
    }
    for (const r of [...latest.values()].sort((a, b) => Number(a.position) - Number(b.position))) {
      const list = byCase.get(r.case_id) ?? [];
      const { entryId, kind, body } = this.openEntry(r);
      list.push({ entryId, kind, body });
      byCase.set(r.case_id, list);
    }
    return byCase;
  }

  /** Emergency accesses to the school's cases since a moment, newest first (directie's home page). */
  async breakGlassSince(schoolId: string, since: string): Promise<{ caseId: string; userId: string; name: string; reason: string; openedAt: string }[]> {
    const rows = await this.db
      .selectFrom('case_break_glass')
      .innerJoin('cases', 'cases.id', 'case_break_glass.case_id')
      .innerJoin('users', 'users.id', 'case_break_glass.user_id')
      .select(['case_break_glass.id', 'case_break_glass.case_id', 'case_break_glass.user_id', 'users.name', 'case_break_glass.reason', 'case_break_glass.opened_at', 'case_break_glass.data_key'])
      .where('cases.school_id', '=', schoolId)
      .where('case_break_glass.opened_at', '>=', since)
      .orderBy('case_break_glass.opened_at', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      userId: r.user_id,
      name: r.name,
      reason: openFields(this.cipher, 'case_break_glass', r.id, r.data_key, { reason: r.reason }).reason,
      openedAt: r.opened_at,
    }));
  }

  /** Cases not closed per school and step, across the board (the board's figures: counts only). */
  async openCountsByStep(boardId: string): Promise<{ schoolId: string; schoolName: string; route: string; step: number; phase: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('cases')
      .innerJoin('schools', 'schools.id', 'cases.school_id')
      .select(['cases.school_id', 'schools.name', 'cases.route', 'cases.step', 'cases.phase', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.board_id', '=', boardId)
      .where('cases.phase', '!=', 'closed')
      .groupBy(['cases.school_id', 'schools.name', 'cases.route', 'cases.step', 'cases.phase'])
      .execute();
    return rows.map((r) => ({ schoolId: r.school_id, schoolName: r.name, route: r.route, step: Number(r.step), phase: r.phase, count: Number(r.n) }));
  }

  /** The school's meldcode cases (never staff-route ones), newest change first. */
  listForSchool(scope: Scope): Promise<CaseListItem[]> {
    return this.list((q) => q.where('cases.school_id', '=', scope.schoolId).where('cases.route', '=', 'meldcode'));
  }

  /** Meldcode cases about one pupil of the school. */
  listForPupil(scope: Scope, pupilId: string): Promise<CaseListItem[]> {
    return this.list((q) => q.where('cases.school_id', '=', scope.schoolId).where('cases.pupil_id', '=', pupilId).where('cases.route', '=', 'meldcode'));
  }

  /** The cases a person started or is on, within their board. */
  listMine(userId: string, boardId: string): Promise<CaseListItem[]> {
    // The ids first, from the two indexes (team by user, cases by starter): not a walk over every case of the
    // board. The board check is wrapped in coalesce (board_id is never null) so that SQLite, which has no
    // statistics, does not pick the board's index and test every case of the board against the list.
    return this.list((q) =>
      q
        .where(sql<string>`coalesce(${sql.ref('cases.board_id')}, '')`, '=', boardId)
        .where('cases.id', 'in', (eb) =>
          eb
            .selectFrom('case_team_members')
            .select('case_team_members.case_id')
            .where('case_team_members.user_id', '=', userId)
            .union(eb.selectFrom('cases as started').select('started.id as case_id').where('started.started_by', '=', userId).where('started.board_id', '=', boardId)),
        ),
    );
  }

  /** The board's staff-route cases. */
  listStaffRoute(boardId: string): Promise<CaseListItem[]> {
    return this.list((q) => q.where('cases.board_id', '=', boardId).where('cases.route', '=', 'staff'));
  }

  /** How many cases not yet closed have this person as casushouder (in any school of the board). */
  async countOpenAsCasushouder(userId: string, executor: Kysely<Database> = this.db): Promise<number> {
    const row = await executor.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).where('casushouder_user_id', '=', userId).where('phase', '!=', 'closed').executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** People on an open meldcode case about the pupil (they may read the pupil page). */
  async memberUserIdsForPupil(schoolId: string, pupilId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cases')
      .leftJoin('case_team_members', 'case_team_members.case_id', 'cases.id')
      .select(['cases.started_by', 'case_team_members.user_id'])
      .where('cases.school_id', '=', schoolId)
      .where('cases.pupil_id', '=', pupilId)
      .where('cases.route', '=', 'meldcode')
      .where('cases.phase', '!=', 'closed')
      .execute();
    return [...new Set(rows.flatMap((r) => [r.started_by, ...(r.user_id ? [r.user_id] : [])]))];
  }

  private async list(filter: (q: ReturnType<CasesRepository['listQuery']>) => ReturnType<CasesRepository['listQuery']>): Promise<CaseListItem[]> {
    const rows = await filter(this.listQuery()).orderBy('cases.updated_at', 'desc').limit(500).execute();
    const ids = rows.map((r) => r.id);
    const members = ids.length === 0 ? [] : await this.db.selectFrom('case_team_members').select(['case_id', 'user_id']).where('case_id', 'in', ids).execute();
    const teams = new Map<string, string[]>();
    for (const m of members) teams.set(m.case_id, [...(teams.get(m.case_id) ?? []), m.user_id]);
    return rows.map((r) => ({
      ...toRecord(r),
      pupilName: displayName({ callName: r.call_name, givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname }),
      groupName: r.group_name,
      casushouderName: r.casushouder_name,
      teamUserIds: teams.get(r.id) ?? [],
    }));
  }

  private listQuery() {
    return this.db
      .selectFrom('cases')
      .innerJoin('schools', 'schools.id', 'cases.school_id')
      .innerJoin('pupils', 'pupils.id', 'cases.pupil_id')
      .leftJoin('groups', 'groups.id', 'pupils.group_id')
      .leftJoin('users as casushouder', 'casushouder.id', 'cases.casushouder_user_id')
      .selectAll('cases')
      .select(['schools.name as school_name', 'pupils.call_name', 'pupils.given_names', 'pupils.surname_prefix', 'pupils.surname', 'groups.name as group_name', 'casushouder.name as casushouder_name']);
  }
}
