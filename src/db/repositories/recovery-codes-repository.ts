import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One-time recovery codes, stored as hashes. */
export class RecoveryCodesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces every code of the person with new ones (used at enrolment). */
  async replaceAll(userId: string, codes: { id: string; hash: string }[], at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (codes.length === 0) return;
    await executor
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ id: c.id, user_id: userId, code_hash: c.hash, used_at: null, created_at: at.toISOString() })))
      .execute();
  }

  /** Uses a code once: true when an unused code with this hash existed and is now used. */
  async use(userId: string, hash: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at.toISOString() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countUnused(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}
