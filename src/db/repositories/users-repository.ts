import type { Kysely, Selectable } from 'kysely';
import { isRole, type Role } from '../../domain/people/roles.js';
import type { Database, UserTable } from '../schema.js';

export interface UserRecord {
  id: string;
  boardId: string;
  email: string;
  name: string;
  passwordHash: string;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpConfirmedAt: string | null;
  totpLastStep: number | null;
  deactivatedAt: string | null;
}

export interface MembershipRecord {
  schoolId: string | null;
  schoolName: string | null;
  boardId: string;
  role: Role;
}

export interface NewUser {
  id: string;
  boardId: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}

function toRecord(row: Selectable<UserTable>): UserRecord {
  return {
    id: row.id,
    boardId: row.board_id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpConfirmedAt: row.totp_confirmed_at,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    deactivatedAt: row.deactivated_at,
  };
}

/** People with an account. Authentication reads them before any school scope exists. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Names of people by id, for showing who did what (ids not found are left out). */
  async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async create(user: NewUser, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('users')
      .values({
        id: user.id,
        board_id: user.boardId,
        email: user.email.trim().toLowerCase(),
        name: user.name,
        password_hash: user.passwordHash,
        totp_secret: null,
        totp_pending_secret: null,
        totp_confirmed_at: null,
        totp_last_step: null,
        deactivated_at: null,
        created_at: user.createdAt.toISOString(),
      })
      .execute();
  }

  async addMembership(
    membership: { id: string; userId: string; boardId: string; schoolId: string | null; role: Role; createdAt: Date },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    await executor
      .insertInto('memberships')
      .values({
        id: membership.id,
        user_id: membership.userId,
        board_id: membership.boardId,
        school_id: membership.schoolId,
        role: membership.role,
        created_at: membership.createdAt.toISOString(),
      })
      .execute();
  }

  async memberships(userId: string): Promise<MembershipRecord[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .leftJoin('schools', 'schools.id', 'memberships.school_id')
      .select(['memberships.school_id', 'memberships.board_id', 'memberships.role', 'schools.name as school_name'])
      .where('memberships.user_id', '=', userId)
      .orderBy('schools.name')
      .orderBy('memberships.role')
      .execute();
    return rows.flatMap((r) =>
      isRole(r.role) ? [{ schoolId: r.school_id, schoolName: r.school_name, boardId: r.board_id, role: r.role }] : [],
    );
  }

  async setPendingTotpSecret(userId: string, sealedSecret: string): Promise<void> {
    await this.db.updateTable('users').set({ totp_pending_secret: sealedSecret }).where('id', '=', userId).execute();
  }

  /** Makes the pending secret the person's second factor. */
  async confirmTotp(userId: string, sealedSecret: string, step: number, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('users')
      .set({ totp_secret: sealedSecret, totp_pending_secret: null, totp_confirmed_at: at.toISOString(), totp_last_step: step })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Records that the code of `step` was used, only if no later or equal step was used before.
   * Returns false when another request used this code first (a replay).
   */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setPasswordHash(userId: string, passwordHash: string, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  /** How often the person wants notifications by mail (a value the migration or the setting wrote). */
  async mailFrequency(userId: string, executor: Kysely<Database> = this.db): Promise<string | null> {
    const row = await executor.selectFrom('users').select('mail_frequency').where('id', '=', userId).executeTakeFirst();
    return row?.mail_frequency ?? null;
  }

  async setMailFrequency(userId: string, frequency: string): Promise<void> {
    await this.db.updateTable('users').set({ mail_frequency: frequency }).where('id', '=', userId).execute();
  }
}
