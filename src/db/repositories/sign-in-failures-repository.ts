import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Failed sign-ins, counted per account and per address; kept in the database so all instances agree. */
export class SignInFailuresRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(subjects: readonly string[], at: Date): Promise<void> {
    if (subjects.length === 0) return;
    await this.db
      .insertInto('sign_in_failures')
      .values(subjects.map((subject) => ({ subject, at: at.toISOString() })))
      .execute();
  }

  /** How many failures each subject had since `since`, and the oldest of them. */
  async countSince(subject: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const row = await this.db
      .selectFrom('sign_in_failures')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
      .where('subject', '=', subject)
      .where('at', '>=', since.toISOString())
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  async clear(subject: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('subject', '=', subject).execute();
  }

  async pruneBefore(before: Date): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('at', '<', before.toISOString()).execute();
  }
}
