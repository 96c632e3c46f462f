import type { Kysely, Selectable } from 'kysely';
import type { NotificationKind } from '../../domain/notifications/notification-kinds.js';
import type { Database, NotificationTable } from '../schema.js';
import type { Scope } from '../scope.js';

/**
 * Whose notifications: a person at the school they act for, or — for a member of the board itself,
 * who acts for no school — all of theirs (the staff route reaches the board from any school).
 */
export type NotificationScope = Scope | { schoolId: null; userId: string };

export interface NotificationRecord {
  id: string;
  schoolId: string;
  userId: string;
  kind: string;
  caseId: string | null;
  subjectId: string | null;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  id: string;
  schoolId: string;
  /** Whom it is for. */
  userId: string;
  kind: NotificationKind;
  caseId?: string | null;
  subjectId?: string | null;
  /** yyyy-mm-dd */
  dueOn?: string | null;
  at: Date;
}

function toRecord(row: Selectable<NotificationTable>): NotificationRecord {
  return {
    id: row.id,
    schoolId: row.school_id,
    userId: row.user_id,
    kind: row.kind,
    caseId: row.case_id,
    subjectId: row.subject_id,
    dueOn: row.due_on,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * In-app notifications ("berichten"): kind and ids only, no names or content. A person reads their
 * own, of the school they act for; `create` is for whoever notifies them (a route, a job).
 */
export class NotificationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Pass the caller's transaction so that the notification commits with the change it is about. */
  async create(notification: NewNotification, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('notifications')
      .values({
        id: notification.id,
        school_id: notification.schoolId,
        user_id: notification.userId,
        kind: notification.kind,
        case_id: notification.caseId ?? null,
        subject_id: notification.subjectId ?? null,
        due_on: notification.dueOn ?? null,
        created_at: notification.at.toISOString(),
        read_at: null,
      })
      .execute();
  }

  /** The person's latest notifications at the acting school, newest first. */
  async listForUser(scope: NotificationScope, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', scope.userId)
      .where((eb) => (scope.schoolId === null ? eb.lit(true) : eb('school_id', '=', scope.schoolId)))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async unreadCount(scope: NotificationScope): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', scope.userId)
      .where((eb) => (scope.schoolId === null ? eb.lit(true) : eb('school_id', '=', scope.schoolId)))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Marks one of the person's notifications read (a second time keeps the first time). False when it is not theirs here. */
  async markRead(scope: NotificationScope, id: string, at: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('user_id', '=', scope.userId)
      .where((eb) => (scope.schoolId === null ? eb.lit(true) : eb('school_id', '=', scope.schoolId)))
      .executeTakeFirst();
    if (!row) return false;
    if (row.read_at === null) {
      await this.db
        .updateTable('notifications')
        .set({ read_at: at.toISOString() })
        .where('id', '=', id)
        .where('user_id', '=', scope.userId)
        .where((eb) => (scope.schoolId === null ? eb.lit(true) : eb('school_id', '=', scope.schoolId)))
        .where('read_at', 'is', null)
        .execute();
    }
    return true;
  }

  /** Marks all of the person's unread notifications at the acting school read; returns how many. */
  async markAllRead(scope: NotificationScope, at: Date): Promise<number> {
    const result = await this.db
      .updateTable('notifications')
      .set({ read_at: at.toISOString() })
      .where('user_id', '=', scope.userId)
      .where((eb) => (scope.schoolId === null ? eb.lit(true) : eb('school_id', '=', scope.schoolId)))
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Claims the person's notifications still waiting for mail, in a commit of its own, before the mail
   * leaves: a claimed notification is never claimed again, so it is mailed at most once (by whichever
   * instance claimed it). Ones already read in Meldpad are not mailed at all. Returns the claimed ids.
   */
  async claimForMail(userId: string, at: Date): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      await tx.updateTable('notifications').set({ mail_state: 'skipped' }).where('user_id', '=', userId).where('mail_state', '=', 'pending').where('read_at', 'is not', null).execute();
      const rows = await tx
        .updateTable('notifications')
        .set({ mail_state: 'sending', mailed_at: at.toISOString() })
        .where('user_id', '=', userId)
        .where('mail_state', '=', 'pending')
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    });
  }

  /** After a failed send: the claimed notifications wait for the next attempt. */
  async releaseMail(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('notifications').set({ mail_state: 'pending', mailed_at: null }).where('id', 'in', ids).where('mail_state', '=', 'sending').execute();
  }

  async markMail(ids: readonly string[], state: 'sent' | 'skipped', executor: Kysely<Database> = this.db): Promise<void> {
    if (ids.length === 0) return;
    await executor.updateTable('notifications').set({ mail_state: state }).where('id', 'in', ids).execute();
  }
}
