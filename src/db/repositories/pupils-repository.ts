import type { ExpressionBuilder, Kysely } from 'kysely';
import { hasLeft } from '../../domain/pupils/leaving.js';
import { displayName, searchText, type PupilNameParts } from '../../domain/pupils/pupil-name.js';
import type { HouseholdChild } from '../../domain/pupils/siblings.js';
import type { Database, PupilTable } from '../schema.js';
import type { Scope } from '../scope.js';

export interface PupilRecord extends PupilNameParts {
  id: string;
  schoolId: string;
  pupilNumber: string;
  dateOfBirth: string | null;
  sex: 'm' | 'f' | 'x' | null;
  groupId: string | null;
  groupName: string | null;
  enrolledOn: string | null;
  leftOn: string | null;
}

export interface PupilSearchHit {
  id: string;
  displayName: string;
  groupName: string | null;
  pupilNumber: string;
  /** Only for a pupil who has left (see hasLeft); null for a current one. */
  leftOn: string | null;
}

export interface GuardianRecord {
  id: string;
  householdId: string;
  name: string;
  phone: string | null;
  email: string | null;
  hasAuthority: boolean;
}

export interface NewPupil extends PupilNameParts {
  pupilNumber: string;
  dateOfBirth: string | null;
  sex: 'm' | 'f' | 'x' | null;
  groupId: string | null;
  enrolledOn: string | null;
}

function toSex(value: string | null): PupilRecord['sex'] {
  return value === 'm' || value === 'f' || value === 'x' ? value : null;
}

function toRecord(row: PupilTable & { group_name: string | null }): PupilRecord {
  return {
    id: row.id,
    schoolId: row.school_id,
    pupilNumber: row.pupil_number,
    givenNames: row.given_names,
    callName: row.call_name,
    surnamePrefix: row.surname_prefix,
    surname: row.surname,
    dateOfBirth: row.date_of_birth,
    sex: toSex(row.sex),
    groupId: row.group_id,
    groupName: row.group_name,
    enrolledOn: row.enrolled_on,
    leftOn: row.left_on,
  };
}

/**
 * Whether a pupil row is current on `today` (yyyy-mm-dd, the school's today): no leaving date, or
 * one not before today. The query form of hasLeft; dates are stored as yyyy-mm-dd text, so they compare as text.
 */
function isCurrent(today: string) {
  return (eb: ExpressionBuilder<Database, 'pupils'>) => eb.or([eb('pupils.left_on', 'is', null), eb('pupils.left_on', '>=', today)]);
}

/** The pupils of one school: found by name, read, and edited by hand. Every query is bound to the scope's school. */
export class PupilsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Pupils whose name parts start with each of the words, or whose number starts with the query;
   * at most `limit`, by surname. Current pupils on `today` only, unless `includeLeft`. The words are
   * folded (letters and digits only), so they carry no LIKE wildcards.
   */
  async search(scope: Scope, words: readonly string[], limit: number, options: { today: string; includeLeft: boolean }): Promise<PupilSearchHit[]> {
    if (words.length === 0) return [];
    let query = this.db
      .selectFrom('pupils')
      .leftJoin('groups', 'groups.id', 'pupils.group_id')
      .select(['pupils.id', 'pupils.call_name', 'pupils.given_names', 'pupils.surname_prefix', 'pupils.surname', 'pupils.pupil_number', 'pupils.left_on', 'groups.name as group_name'])
      .where('pupils.school_id', '=', scope.schoolId);
    if (!options.includeLeft) query = query.where(isCurrent(options.today));
    const number = words.length === 1 && /^\d+$/.test(words[0]!) ? words[0]! : null;
    query = query.where((eb) =>
      eb.or([
        eb.and(words.map((word) => eb('pupils.search_text', 'like', `% ${word}%`))),
        ...(number ? [eb('pupils.pupil_number', 'like', `${number}%`)] : []),
      ]),
    );
    const rows = await query.orderBy('pupils.surname').orderBy('pupils.call_name').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      displayName: displayName({ callName: r.call_name, givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname }),
      groupName: r.group_name,
      pupilNumber: r.pupil_number,
      leftOn: hasLeft(r.left_on, options.today) ? r.left_on : null,
    }));
  }

  /** Pupils of the scope's school with their group's name: the start of every full read. */
  private withGroup(scope: Scope) {
    return this.db
      .selectFrom('pupils')
      .leftJoin('groups', 'groups.id', 'pupils.group_id')
      .selectAll('pupils')
      .select('groups.name as group_name')
      .where('pupils.school_id', '=', scope.schoolId);
  }

  async find(scope: Scope, pupilId: string): Promise<PupilRecord | null> {
    const row = await this.withGroup(scope).where('pupils.id', '=', pupilId).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByNumber(scope: Scope, pupilNumber: string): Promise<PupilRecord | null> {
    const row = await this.withGroup(scope).where('pupils.pupil_number', '=', pupilNumber).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Pupils of some groups (or of the whole school) who are current on `today`, by group and surname. */
  async inGroups(scope: Scope, groupIds: readonly string[] | 'all', today: string): Promise<PupilRecord[]> {
    if (groupIds !== 'all' && groupIds.length === 0) return [];
    let query = this.withGroup(scope).where(isCurrent(today));
    if (groupIds !== 'all') query = query.where('pupils.group_id', 'in', groupIds);
    const rows = await query.orderBy('pupils.surname').orderBy('pupils.call_name').execute();
    return rows.map(toRecord);
  }

  /** Every child who shares a household with the pupil, at any school of the board, and is current on `today`. */
  async householdChildren(pupilId: string, today: string): Promise<HouseholdChild[]> {
    const rows = await this.db
      .selectFrom('household_pupils as mine')
      .innerJoin('household_pupils as other', 'other.household_id', 'mine.household_id')
      .innerJoin('pupils', 'pupils.id', 'other.pupil_id')
      .innerJoin('schools', 'schools.id', 'pupils.school_id')
      .leftJoin('groups', 'groups.id', 'pupils.group_id')
      .select(['pupils.id', 'pupils.school_id', 'schools.name as school_name', 'pupils.call_name', 'pupils.given_names', 'pupils.surname_prefix', 'pupils.surname', 'groups.name as group_name'])
      .where('mine.pupil_id', '=', pupilId)
      .where(isCurrent(today))
      .execute();
    return rows.map((r) => ({
      pupilId: r.id,
      schoolId: r.school_id,
      schoolName: r.school_name,
      displayName: displayName({ callName: r.call_name, givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname }),
      groupName: r.group_name,
    }));
  }

  async guardians(pupilId: string): Promise<GuardianRecord[]> {
    const rows = await this.db
      .selectFrom('household_pupils')
      .innerJoin('household_guardians', 'household_guardians.household_id', 'household_pupils.household_id')
      .innerJoin('guardians', 'guardians.id', 'household_guardians.guardian_id')
      .select(['guardians.id', 'household_pupils.household_id', 'guardians.name', 'guardians.phone', 'guardians.email', 'guardians.has_authority'])
      .where('household_pupils.pupil_id', '=', pupilId)
      .orderBy('household_pupils.household_id')
      .orderBy('guardians.name')
      .execute();
    return rows.map((r) => ({ id: r.id, householdId: r.household_id, name: r.name, phone: r.phone, email: r.email, hasAuthority: Number(r.has_authority) === 1 }));
  }

  async create(scope: Scope, id: string, pupil: NewPupil, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    const now = at.toISOString();
    await executor
      .insertInto('pupils')
      .values({
        id,
        school_id: scope.schoolId,
        pupil_number: pupil.pupilNumber,
        given_names: pupil.givenNames,
        call_name: pupil.callName,
        surname_prefix: pupil.surnamePrefix,
        surname: pupil.surname,
        date_of_birth: pupil.dateOfBirth,
        sex: pupil.sex,
        group_id: pupil.groupId,
        enrolled_on: pupil.enrolledOn,
        left_on: null,
        search_text: searchText(pupil),
        source: 'manual',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async update(scope: Scope, id: string, pupil: NewPupil, at: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('pupils')
      .set({
        pupil_number: pupil.pupilNumber,
        given_names: pupil.givenNames,
        call_name: pupil.callName,
        surname_prefix: pupil.surnamePrefix,
        surname: pupil.surname,
        date_of_birth: pupil.dateOfBirth,
        sex: pupil.sex,
        group_id: pupil.groupId,
        enrolled_on: pupil.enrolledOn,
        search_text: searchText(pupil),
        updated_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('school_id', '=', scope.schoolId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks the pupil as left from `leftOn` (or back as current with null); a pupil is never deleted here. */
  async setLeft(scope: Scope, id: string, leftOn: string | null, at: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('pupils')
      .set({ left_on: leftOn, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('school_id', '=', scope.schoolId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countCurrent(scope: Scope, today: string): Promise<number> {
    const row = await this.db
      .selectFrom('pupils')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('pupils.school_id', '=', scope.schoolId)
      .where(isCurrent(today))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}

