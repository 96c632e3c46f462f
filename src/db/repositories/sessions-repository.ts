import type { Kysely } from 'kysely';
import { isSessionStage, type SessionStage } from '../../domain/auth/session-stage.js';
import type { Database, SessionTable } from '../schema.js';

export interface SessionRecord {
  id: string;
  userId: string;
  stage: SessionStage;
  schoolId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  failedCodes: number;
  elevatedUntil: Date | null;
}

function toRecord(row: SessionTable): SessionRecord | null {
  if (!isSessionStage(row.stage)) return null;
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage,
    schoolId: row.school_id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    failedCodes: Number(row.failed_codes),
    elevatedUntil: row.elevated_until ? new Date(row.elevated_until) : null,
  };
}

/** Sessions, found by the hash of their token; the token itself is never stored. */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: {
    id: string;
    tokenHash: string;
    userId: string;
    stage: SessionStage;
    schoolId: string | null;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        token_hash: session.tokenHash,
        user_id: session.userId,
        stage: session.stage,
        school_id: session.schoolId,
        created_at: session.at.toISOString(),
        last_seen_at: session.at.toISOString(),
        failed_codes: 0,
        elevated_until: null,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
  }

  /** Moves a session to its next stage under a new token, so a token seen before sign-in is worthless after. */
  async advance(
    id: string,
    next: { stage: SessionStage; tokenHash: string; schoolId: string | null; at: Date },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    const at = next.at.toISOString();
    // The absolute lifetime counts from the completed sign-in, hence created_at moves too.
    await executor
      .updateTable('sessions')
      .set({ stage: next.stage, token_hash: next.tokenHash, school_id: next.schoolId, last_seen_at: at, failed_codes: 0, created_at: at })
      .where('id', '=', id)
      .execute();
  }

  async recordFailedCode(id: string): Promise<number> {
    await this.db
      .updateTable('sessions')
      .set((eb) => ({ failed_codes: eb('failed_codes', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const row = await this.db.selectFrom('sessions').select('failed_codes').where('id', '=', id).executeTakeFirst();
    return Number(row?.failed_codes ?? 0);
  }

  async elevate(id: string, until: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ elevated_until: until.toISOString() }).where('id', '=', id).execute();
  }

  /** The person's live sessions, newest first (for the administrator's list). */
  async listForUser(userId: string): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
    return rows.flatMap((row) => toRecord(row) ?? []);
  }

  async deleteOfUser(id: string, userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async setSchool(id: string, schoolId: string | null): Promise<void> {
    await this.db.updateTable('sessions').set({ school_id: schoolId }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
}
