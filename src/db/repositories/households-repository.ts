import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface NewGuardian {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  hasAuthority: boolean;
}

/** Households: pupils and the guardians they live with, across the schools of one board. */
export class HouseholdsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createGuardian(boardId: string, guardian: NewGuardian, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    const now = at.toISOString();
    await executor
      .insertInto('guardians')
      .values({ id: guardian.id, board_id: boardId, name: guardian.name, phone: guardian.phone, email: guardian.email, has_authority: guardian.hasAuthority ? 1 : 0, created_at: now, updated_at: now })
      .execute();
  }

  /** A household of these pupils and guardians (both already stored). */
  async create(boardId: string, household: { id: string; pupilIds: readonly string[]; guardianIds: readonly string[] }, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.insertInto('households').values({ id: household.id, board_id: boardId, created_at: at.toISOString() }).execute();
    if (household.pupilIds.length) {
      await executor.insertInto('household_pupils').values(household.pupilIds.map((pupilId) => ({ household_id: household.id, pupil_id: pupilId }))).execute();
    }
    if (household.guardianIds.length) {
      await executor.insertInto('household_guardians').values(household.guardianIds.map((guardianId) => ({ household_id: household.id, guardian_id: guardianId }))).execute();
    }
  }
}
