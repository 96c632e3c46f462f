import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../domain/people/roles.js';
import type { AccountLinkTable, Database } from '../schema.js';
import type { Scope } from '../scope.js';

export type AccountLinkKind = 'invitation' | 'password-reset';

export interface AccountLinkRecord {
  id: string;
  kind: AccountLinkKind;
  boardId: string;
  schoolId: string;
  userId: string | null;
  email: string;
  name: string;
  roles: Role[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

function toRecord(row: AccountLinkTable): AccountLinkRecord {
  return {
    id: row.id,
    kind: row.kind === 'password-reset' ? 'password-reset' : 'invitation',
    boardId: row.board_id,
    schoolId: row.school_id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    roles: row.roles.split(',').filter(isRole),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}

/** Invitation and password-reset links. Only the hash of a link's token is stored. */
export class AccountLinksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    link: Omit<AccountLinkRecord, 'usedAt' | 'revokedAt'> & { tokenHash: string },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    await executor
      .insertInto('account_links')
      .values({
        id: link.id,
        kind: link.kind,
        token_hash: link.tokenHash,
        board_id: link.boardId,
        school_id: link.schoolId,
        user_id: link.userId,
        email: link.email,
        name: link.name,
        roles: link.roles.join(','),
        created_by: link.createdBy,
        created_at: link.createdAt.toISOString(),
        expires_at: link.expiresAt.toISOString(),
        used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  /** A link that may still be used: not used, not revoked, not expired. */
  async findUsable(tokenHash: string, now: Date): Promise<AccountLinkRecord | null> {
    const row = await this.db
      .selectFrom('account_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Uses the link once; false when another request used it first. */
  async markUsed(id: string, at: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor.updateTable('account_links').set({ used_at: at.toISOString() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Pending invitations of the scope's school. */
  async pendingInvitations(scope: Scope, now: Date): Promise<AccountLinkRecord[]> {
    const rows = await this.db
      .selectFrom('account_links')
      .selectAll()
      .where('school_id', '=', scope.schoolId)
      .where('kind', '=', 'invitation')
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toRecord);
  }

  async revoke(scope: Scope, id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('account_links')
      .set({ revoked_at: at.toISOString() })
      .where('id', '=', id)
      .where('school_id', '=', scope.schoolId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends every open link for a person's account (on deactivation, or when a new reset replaces it). */
  async revokeForUser(userId: string, kind: AccountLinkKind, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('account_links')
      .set({ revoked_at: at.toISOString() })
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
