import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../domain/people/roles.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

export interface StaffMemberRecord {
  userId: string;
  name: string;
  email: string;
  /** Roles at the scope's school. */
  roles: Role[];
  deactivatedAt: string | null;
  secondFactorEnrolled: boolean;
  /** Other schools of the board where the person also works (names only). */
  otherSchools: string[];
}

/** The people who work at one school, as the school's administrator sees them. */
export class StaffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(scope: Scope): Promise<StaffMemberRecord[]> {
    const here = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'users.email', 'users.deactivated_at', 'users.totp_confirmed_at', 'memberships.role'])
      .where('memberships.school_id', '=', scope.schoolId)
      .orderBy('users.name')
      .execute();
    const userIds = [...new Set(here.map((r) => r.id))];
    const elsewhere = userIds.length
      ? await this.db
          .selectFrom('memberships')
          .innerJoin('schools', 'schools.id', 'memberships.school_id')
          .select(['memberships.user_id', 'schools.name'])
          .where('memberships.user_id', 'in', userIds)
          .where('memberships.school_id', '!=', scope.schoolId)
          .execute()
      : [];
    const byUser = new Map<string, StaffMemberRecord>();
    for (const row of here) {
      const member = byUser.get(row.id) ?? {
        userId: row.id,
        name: row.name,
        email: row.email,
        roles: [],
        deactivatedAt: row.deactivated_at,
        secondFactorEnrolled: row.totp_confirmed_at !== null,
        otherSchools: [...new Set(elsewhere.filter((e) => e.user_id === row.id).map((e) => e.name))].sort(),
      };
      if (isRole(row.role)) member.roles.push(row.role);
      byUser.set(row.id, member);
    }
    return [...byUser.values()];
  }

  /** The active members of the board itself (role `board`): who the staff route reaches. */
  async boardMembers(boardId: string): Promise<{ userId: string; name: string }[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name'])
      .where('memberships.board_id', '=', boardId)
      .where('memberships.school_id', 'is', null)
      .where('memberships.role', '=', 'board')
      .where('users.deactivated_at', 'is', null)
      .orderBy('users.name')
      .execute();
    return rows.map((r) => ({ userId: r.id, name: r.name }));
  }

  async find(scope: Scope, userId: string): Promise<StaffMemberRecord | null> {
    return (await this.list(scope)).find((m) => m.userId === userId) ?? null;
  }

  /** Replaces the person's roles at the scope's school. */
  async setRoles(scope: Scope, userId: string, boardId: string, roles: readonly Role[], ids: () => string, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('memberships').where('user_id', '=', userId).where('school_id', '=', scope.schoolId).execute();
    if (roles.length === 0) return;
    await executor
      .insertInto('memberships')
      .values(roles.map((role) => ({ id: ids(), user_id: userId, board_id: boardId, school_id: scope.schoolId, role, created_at: at.toISOString() })))
      .execute();
  }

  /** Removes the person from every group of the scope's school (when they stop teaching there). */
  async removeFromGroups(scope: Scope, userId: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('group_teachers').where('user_id', '=', userId).where('school_id', '=', scope.schoolId).execute();
  }

  async setDeactivated(userId: string, at: Date | null, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.updateTable('users').set({ deactivated_at: at ? at.toISOString() : null }).where('id', '=', userId).execute();
  }

  /** Forgets the second factor: the person enrols again at the next sign-in. */
  async resetSecondFactor(userId: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('users')
      .set({ totp_secret: null, totp_pending_secret: null, totp_confirmed_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await executor.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }
}
