import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One-time tokens that allow the first administrator to set Meldpad up. Only hashes are stored. */
export class SetupTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async store(tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto('setup_tokens')
      .values({ token_hash: tokenHash, created_at: at.toISOString(), expires_at: expiresAt.toISOString() })
      .execute();
  }

  async isValid(tokenHash: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('setup_tokens')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Uses the token up; false when it was not there (any more) or has expired. */
  async consume(tokenHash: string, now: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .deleteFrom('setup_tokens')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Ends every setup token: setup happens once. */
  async deleteAll(executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('setup_tokens').execute();
  }
}
