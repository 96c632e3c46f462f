import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Settings of this Meldpad installation as a whole (not of a school). */
export class InstanceSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  /** Stores `value` unless the key already has one; returns the value that is stored now. */
  async setIfAbsent(key: string, value: string): Promise<string> {
    await this.db.insertInto('instance_settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await this.get(key)) ?? value;
  }

  /** Replaces a value only if it is still `expected` (a concurrent change wins); returns whether it did. */
  async replace(key: string, expected: string, value: string, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor.updateTable('instance_settings').set({ value }).where('key', '=', key).where('value', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
