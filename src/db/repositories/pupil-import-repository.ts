import type { Kysely } from 'kysely';
import { guardianKey, householdsOf } from '../../domain/pupils/import/households.js';
import type { IncomingGuardian, PupilSex } from '../../domain/pupils/import/incoming.js';
import type { CurrentPupil } from '../../domain/pupils/import/plan.js';
import { fold } from '../../domain/pupils/import/text.js';
import type { Database, PupilTable } from '../schema.js';
import type { Scope } from '../scope.js';

/** Rows per multi-row insert: well under SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 400;

export interface ImportState {
  boardId: string;
  pupils: CurrentPupil[];
  groups: { id: string; name: string }[];
}

export type NewPupilRow = Omit<PupilTable, 'school_id'>;

export interface PupilUpdate {
  id: string;
  changes: Partial<Pick<PupilTable, 'given_names' | 'call_name' | 'surname_prefix' | 'surname' | 'date_of_birth' | 'sex' | 'group_id' | 'enrolled_on' | 'left_on' | 'search_text'>>;
}

export interface GuardianCounts {
  guardiansAdded: number;
  guardiansChanged: number;
  householdsAdded: number;
}

async function inChunks<T>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}

/**
 * Stores what a pupil import decided, inside the caller's transaction: pupils (never deleted; a
 * pupil who left gets a date), groups, teachers' groups, guardians and households. Every query is
 * bound to the scope's school (guardians and households to its board).
 */
export class PupilImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async loadState(scope: Scope, executor: Kysely<Database> = this.db): Promise<ImportState> {
    const school = await executor.selectFrom('schools').select('board_id').where('id', '=', scope.schoolId).executeTakeFirstOrThrow();
    const [pupils, groups] = await Promise.all([
      executor
        .selectFrom('pupils')
        .leftJoin('groups', 'groups.id', 'pupils.group_id')
        .select([
          'pupils.id',
          'pupils.pupil_number',
          'pupils.given_names',
          'pupils.call_name',
          'pupils.surname_prefix',
          'pupils.surname',
          'pupils.date_of_birth',
          'pupils.sex',
          'pupils.enrolled_on',
          'pupils.left_on',
          'groups.name as group_name',
        ])
        .where('pupils.school_id', '=', scope.schoolId)
        .execute(),
      executor.selectFrom('groups').select(['id', 'name']).where('school_id', '=', scope.schoolId).where('archived_at', 'is', null).orderBy('created_at').execute(),
    ]);
    return {
      boardId: school.board_id,
      groups,
      pupils: pupils.map((p) => ({
        id: p.id,
        pupilNumber: p.pupil_number,
        givenNames: p.given_names,
        callName: p.call_name,
        surnamePrefix: p.surname_prefix,
        surname: p.surname,
        dateOfBirth: p.date_of_birth,
        sex: p.sex as PupilSex | null,
        groupName: p.group_name,
        enrolledOn: p.enrolled_on,
        leftOn: p.left_on,
      })),
    };
  }

  async createGroups(scope: Scope, groups: readonly { id: string; name: string; yearGroups: number[] }[], at: Date, executor: Kysely<Database>): Promise<void> {
    await inChunks(groups, CHUNK, (chunk) =>
      executor
        .insertInto('groups')
        .values(chunk.map((g) => ({ id: g.id, school_id: scope.schoolId, name: g.name, year_groups: g.yearGroups.join(','), created_at: at.toISOString(), archived_at: null })))
        .execute(),
    );
  }

  async insertPupils(scope: Scope, rows: readonly NewPupilRow[], executor: Kysely<Database>): Promise<void> {
    await inChunks(rows, CHUNK, (chunk) =>
      executor
        .insertInto('pupils')
        .values(chunk.map((row) => ({ ...row, school_id: scope.schoolId })))
        .execute(),
    );
  }

  async updatePupils(scope: Scope, updates: readonly PupilUpdate[], at: Date, executor: Kysely<Database>): Promise<void> {
    for (const update of updates) {
      await executor
        .updateTable('pupils')
        .set({ ...update.changes, updated_at: at.toISOString() })
        .where('id', '=', update.id)
        .where('school_id', '=', scope.schoolId)
        .execute();
    }
  }

  /**
   * Gives these pupils a leaving date, or brings a later one forward to it. Nobody is deleted: the
   * retention of their files starts from this date.
   */
  async markLeft(scope: Scope, pupilIds: readonly string[], leftOn: string, at: Date, executor: Kysely<Database>): Promise<void> {
    await inChunks(pupilIds, CHUNK, (chunk) =>
      executor
        .updateTable('pupils')
        .set({ left_on: leftOn, updated_at: at.toISOString() })
        .where('school_id', '=', scope.schoolId)
        .where('id', 'in', chunk)
        .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', leftOn)]))
        .execute(),
    );
  }

  /**
   * Links teachers to groups by e-mail: only accounts with the teacher role at this school (still
   * active) are linked; links that exist stay. Returns how many links were added and which
   * addresses matched no teacher here.
   */
  async linkTeachers(
    scope: Scope,
    wanted: readonly { email: string; groupIds: string[] }[],
    at: Date,
    executor: Kysely<Database>,
  ): Promise<{ linked: number; unmatched: string[] }> {
    if (wanted.length === 0) return { linked: 0, unmatched: [] };
    const emails = [...new Set(wanted.map((w) => w.email))];
    const teachers = await executor
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'users.email'])
      .where('memberships.school_id', '=', scope.schoolId)
      .where('memberships.role', '=', 'teacher')
      .where('users.deactivated_at', 'is', null)
      .where('users.email', 'in', emails)
      .execute();
    const userByEmail = new Map(teachers.map((t) => [t.email.toLowerCase(), t.id]));
    const existing = await executor.selectFrom('group_teachers').select(['group_id', 'user_id']).where('school_id', '=', scope.schoolId).execute();
    const have = new Set(existing.map((e) => `${e.group_id}|${e.user_id}`));
    const rows: { group_id: string; user_id: string; school_id: string; created_at: string }[] = [];
    const unmatched: string[] = [];
    for (const { email, groupIds } of wanted) {
      const userId = userByEmail.get(email);
      if (!userId) {
        if (!unmatched.includes(email)) unmatched.push(email);
        continue;
      }
      for (const groupId of groupIds) {
        const key = `${groupId}|${userId}`;
        if (have.has(key)) continue;
        have.add(key);
        rows.push({ group_id: groupId, user_id: userId, school_id: scope.schoolId, created_at: at.toISOString() });
      }
    }
    await inChunks(rows, CHUNK, (chunk) => executor.insertInto('group_teachers').values(chunk).execute());
    return { linked: rows.length, unmatched };
  }

  /**
   * Stores the guardians of each pupil and their households. A guardian is matched with one the
   * board knows by e-mail, else by name and phone, else (neither given) by name within the pupil's
   * household; only what differs is updated. The pupil and the guardians on their row share a
   * household, and pupils who share a guardian share it too (siblings). Links that exist stay.
   */
  async saveGuardians(
    scope: Scope,
    boardId: string,
    rows: readonly { pupilId: string; guardians: readonly IncomingGuardian[] }[],
    newId: () => string,
    at: Date,
    executor: Kysely<Database>,
  ): Promise<GuardianCounts> {
    const counts: GuardianCounts = { guardiansAdded: 0, guardiansChanged: 0, householdsAdded: 0 };
    if (rows.length === 0) return counts;
    const now = at.toISOString();
    const [guardians, householdPupils, householdGuardians] = await Promise.all([
      executor.selectFrom('guardians').select(['id', 'name', 'phone', 'email', 'has_authority']).where('board_id', '=', boardId).execute(),
      executor
        .selectFrom('household_pupils')
        .innerJoin('households', 'households.id', 'household_pupils.household_id')
        .select(['household_pupils.household_id', 'household_pupils.pupil_id'])
        .where('households.board_id', '=', boardId)
        .execute(),
      executor
        .selectFrom('household_guardians')
        .innerJoin('households', 'households.id', 'household_guardians.household_id')
        .select(['household_guardians.household_id', 'household_guardians.guardian_id'])
        .where('households.board_id', '=', boardId)
        .execute(),
    ]);
    const byKey = new Map<string, (typeof guardians)[number]>();
    const byId = new Map(guardians.map((g) => [g.id, g]));
    for (const g of guardians) {
      const key = guardianKey(g);
      if (key && !byKey.has(key)) byKey.set(key, g);
    }
    const householdsOfPupil = new Map<string, string[]>();
    for (const hp of householdPupils) householdsOfPupil.set(hp.pupil_id, [...(householdsOfPupil.get(hp.pupil_id) ?? []), hp.household_id]);
    const householdsOfGuardian = new Map<string, string[]>();
    const guardiansOfHousehold = new Map<string, string[]>();
    for (const hg of householdGuardians) {
      householdsOfGuardian.set(hg.guardian_id, [...(householdsOfGuardian.get(hg.guardian_id) ?? []), hg.household_id]);
      guardiansOfHousehold.set(hg.household_id, [...(guardiansOfHousehold.get(hg.household_id) ?? []), hg.guardian_id]);
    }

    const inserts: Database['guardians'][] = [];
    const updates = new Map<string, { name: string; phone: string | null; email: string | null; has_authority: number }>();
    const links: { pupilKey: string; guardianKeys: string[] }[] = [];
    for (const row of rows) {
      const ids: string[] = [];
      for (const guardian of row.guardians) {
        const key = guardianKey(guardian);
        let found = key ? byKey.get(key) : undefined;
        if (!found && !key) {
          // Neither e-mail nor phone: the same name in the pupil's own household is the same person.
          const inHousehold = (householdsOfPupil.get(row.pupilId) ?? []).flatMap((h) => guardiansOfHousehold.get(h) ?? []);
          found = inHousehold.map((id) => byId.get(id)).find((g) => g && !g.email && !g.phone && fold(g.name) === fold(guardian.name));
        }
        const wanted = { name: guardian.name, phone: guardian.phone, email: guardian.email, has_authority: guardian.hasAuthority ? 1 : 0 };
        if (found) {
          if (found.name !== wanted.name || found.phone !== wanted.phone || found.email !== wanted.email || Number(found.has_authority) !== wanted.has_authority) {
            if (!updates.has(found.id) && !inserts.some((i) => i.id === found.id)) counts.guardiansChanged += 1;
            Object.assign(found, wanted);
            updates.set(found.id, wanted);
          }
          ids.push(found.id);
          continue;
        }
        const created = { id: newId(), board_id: boardId, ...wanted, created_at: now, updated_at: now };
        inserts.push(created);
        byId.set(created.id, created);
        if (key) byKey.set(key, created);
        counts.guardiansAdded += 1;
        ids.push(created.id);
      }
      links.push({ pupilKey: row.pupilId, guardianKeys: ids });
    }
    await inChunks(inserts, CHUNK, (chunk) => executor.insertInto('guardians').values(chunk).execute());
    for (const [id, values] of updates) {
      if (inserts.some((i) => i.id === id)) continue;
      await executor.updateTable('guardians').set({ ...values, updated_at: now }).where('id', '=', id).where('board_id', '=', boardId).execute();
    }

    // Households: one per group of pupils linked through their guardians; an existing one is kept.
    const guardiansOfPupil = new Map(links.map((l) => [l.pupilKey, l.guardianKeys]));
    const newHouseholds: Database['households'][] = [];
    const pupilLinks: Database['household_pupils'][] = [];
    const guardianLinks: Database['household_guardians'][] = [];
    const hasPupil = new Set(householdPupils.map((hp) => `${hp.household_id}|${hp.pupil_id}`));
    const hasGuardian = new Set(householdGuardians.map((hg) => `${hg.household_id}|${hg.guardian_id}`));
    for (const pupilIds of householdsOf(links)) {
      const guardianIds = [...new Set(pupilIds.flatMap((id) => guardiansOfPupil.get(id) ?? []))];
      if (guardianIds.length === 0) continue;
      const known = [...new Set([...pupilIds.flatMap((id) => householdsOfPupil.get(id) ?? []), ...guardianIds.flatMap((id) => householdsOfGuardian.get(id) ?? [])])].sort();
      let householdId = known[0];
      if (!householdId) {
        householdId = newId();
        newHouseholds.push({ id: householdId, board_id: boardId, created_at: now });
        counts.householdsAdded += 1;
      }
      for (const pupilId of pupilIds) {
        if (hasPupil.has(`${householdId}|${pupilId}`)) continue;
        hasPupil.add(`${householdId}|${pupilId}`);
        pupilLinks.push({ household_id: householdId, pupil_id: pupilId });
      }
      for (const guardianId of guardianIds) {
        if (hasGuardian.has(`${householdId}|${guardianId}`)) continue;
        hasGuardian.add(`${householdId}|${guardianId}`);
        guardianLinks.push({ household_id: householdId, guardian_id: guardianId });
      }
    }
    await inChunks(newHouseholds, CHUNK, (chunk) => executor.insertInto('households').values(chunk).execute());
    await inChunks(pupilLinks, CHUNK, (chunk) => executor.insertInto('household_pupils').values(chunk).execute());
    await inChunks(guardianLinks, CHUNK, (chunk) => executor.insertInto('household_guardians').values(chunk).execute());
    return counts;
  }
}
