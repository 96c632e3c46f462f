import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

export interface GroupRecord {
  id: string;
  schoolId: string;
  name: string;
  /** Year groups (1–8); a combined group 1/2 has two. */
  yearGroups: number[];
  teacherIds: string[];
}

function parseYearGroups(text: string): number[] {
  return text
    .split(',')
    .map((n) => Number.parseInt(n, 10))
    .filter((n) => Number.isInteger(n));
}

/** Groups (klassen) of one school and the teachers of each. Every query is bound to the scope's school. */
export class GroupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async groupIdsOfTeacher(userId: string, schoolId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('group_teachers')
      .innerJoin('groups', 'groups.id', 'group_teachers.group_id')
      .select('group_teachers.group_id')
      .where('group_teachers.user_id', '=', userId)
      .where('group_teachers.school_id', '=', schoolId)
      .where('groups.archived_at', 'is', null)
      .execute();
    return rows.map((r) => r.group_id);
  }

  async list(scope: Scope): Promise<GroupRecord[]> {
    const [groups, teachers] = await Promise.all([
      this.db.selectFrom('groups').selectAll().where('school_id', '=', scope.schoolId).where('archived_at', 'is', null).orderBy('year_groups').orderBy('name').execute(),
      this.db.selectFrom('group_teachers').select(['group_id', 'user_id']).where('school_id', '=', scope.schoolId).execute(),
    ]);
    return groups.map((g) => ({
      id: g.id,
      schoolId: g.school_id,
      name: g.name,
      yearGroups: parseYearGroups(g.year_groups),
      teacherIds: teachers.filter((t) => t.group_id === g.id).map((t) => t.user_id),
    }));
  }

  async find(scope: Scope, groupId: string): Promise<GroupRecord | null> {
    return (await this.list(scope)).find((g) => g.id === groupId) ?? null;
  }

  async create(scope: Scope, group: { id: string; name: string; yearGroups: number[]; at: Date }, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('groups')
      .values({ id: group.id, school_id: scope.schoolId, name: group.name, year_groups: group.yearGroups.join(','), created_at: group.at.toISOString(), archived_at: null })
      .execute();
  }

  async update(scope: Scope, groupId: string, changes: { name: string; yearGroups: number[] }, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('groups')
      .set({ name: changes.name, year_groups: changes.yearGroups.join(',') })
      .where('id', '=', groupId)
      .where('school_id', '=', scope.schoolId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async archive(scope: Scope, groupId: string, at: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('groups')
      .set({ archived_at: at.toISOString() })
      .where('id', '=', groupId)
      .where('school_id', '=', scope.schoolId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Sets exactly these teachers for the group. */
  async setTeachers(scope: Scope, groupId: string, userIds: readonly string[], at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('group_teachers').where('group_id', '=', groupId).where('school_id', '=', scope.schoolId).execute();
    if (userIds.length === 0) return;
    await executor
      .insertInto('group_teachers')
      .values(userIds.map((userId) => ({ group_id: groupId, user_id: userId, school_id: scope.schoolId, created_at: at.toISOString() })))
      .execute();
  }
}
