import type { Kysely } from 'kysely';
import type { RecordCipher } from '../encryption/record-cipher.js';
import { openFields, sealFields } from '../encryption/sealed-fields.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

export interface StartOfYearTalkRecord {
  id: string;
  pupilId: string;
  schoolYear: string;
  heldOn: string;
  staffUserId: string;
  staffName: string;
  guardianIds: string[];
  notes: string | null;
  recordedAt: string;
}

export type ParentContactKind = 'conversation' | 'phone' | 'message' | 'other';

export interface ParentContactRecord {
  id: string;
  pupilId: string;
  contactedOn: string;
  kind: ParentContactKind;
  staffUserId: string;
  staffName: string;
  notes: string | null;
}

/** The preventive layer: start-of-year talks and informal contacts with parents, per pupil per school year. */
export class PreventiveRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: RecordCipher,
  ) {}

  async talks(scope: Scope, schoolYear: string, pupilIds?: readonly string[]): Promise<StartOfYearTalkRecord[]> {
    if (pupilIds && pupilIds.length === 0) return [];
    let query = this.db
      .selectFrom('start_of_year_talks')
      .innerJoin('users', 'users.id', 'start_of_year_talks.staff_user_id')
      .selectAll('start_of_year_talks')
      .select('users.name as staff_name')
      .where('start_of_year_talks.school_id', '=', scope.schoolId)
      .where('start_of_year_talks.school_year', '=', schoolYear);
    if (pupilIds) query = query.where('start_of_year_talks.pupil_id', 'in', pupilIds);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      pupilId: r.pupil_id,
      schoolYear: r.school_year,
      heldOn: r.held_on,
      staffUserId: r.staff_user_id,
      staffName: r.staff_name,
      guardianIds: r.guardian_ids.split(',').filter(Boolean),
      notes: openFields(this.cipher, 'start_of_year_talks', r.id, r.data_key, { notes: r.notes }).notes,
      recordedAt: r.recorded_at,
    }));
  }

  /** Records (or corrects) the pupil's start-of-year talk of a school year: there is one per year. */
  async saveTalk(
    scope: Scope,
    talk: { id: string; pupilId: string; schoolYear: string; heldOn: string; staffUserId: string; guardianIds: readonly string[]; notes: string | null; at: Date },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    await executor
      .deleteFrom('start_of_year_talks')
      .where('school_id', '=', scope.schoolId)
      .where('pupil_id', '=', talk.pupilId)
      .where('school_year', '=', talk.schoolYear)
      .execute();
    await executor
      .insertInto('start_of_year_talks')
      .values({
        id: talk.id,
        school_id: scope.schoolId,
        pupil_id: talk.pupilId,
        school_year: talk.schoolYear,
        held_on: talk.heldOn,
        staff_user_id: talk.staffUserId,
        guardian_ids: talk.guardianIds.join(','),
        ...sealFields(this.cipher, 'start_of_year_talks', talk.id, { notes: talk.notes }),
        recorded_by: scope.userId,
        recorded_at: talk.at.toISOString(),
      })
      .execute();
  }

  async contacts(scope: Scope, pupilId: string, schoolYear: string): Promise<ParentContactRecord[]> {
    const rows = await this.db
      .selectFrom('parent_contacts')
      .innerJoin('users', 'users.id', 'parent_contacts.staff_user_id')
      .selectAll('parent_contacts')
      .select('users.name as staff_name')
      .where('parent_contacts.school_id', '=', scope.schoolId)
      .where('parent_contacts.pupil_id', '=', pupilId)
      .where('parent_contacts.school_year', '=', schoolYear)
      .orderBy('parent_contacts.contacted_on', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      pupilId: r.pupil_id,
      contactedOn: r.contacted_on,
      kind: (['conversation', 'phone', 'message', 'other'].includes(r.kind) ? r.kind : 'other') as ParentContactKind,
      staffUserId: r.staff_user_id,
      staffName: r.staff_name,
      notes: openFields(this.cipher, 'parent_contacts', r.id, r.data_key, { notes: r.notes }).notes,
    }));
  }

  async addContact(
    scope: Scope,
    contact: { id: string; pupilId: string; schoolYear: string; contactedOn: string; kind: ParentContactKind; notes: string | null; at: Date },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    await executor
      .insertInto('parent_contacts')
      .values({
        id: contact.id,
        school_id: scope.schoolId,
        pupil_id: contact.pupilId,
        school_year: contact.schoolYear,
        contacted_on: contact.contactedOn,
        staff_user_id: scope.userId,
        kind: contact.kind,
        ...sealFields(this.cipher, 'parent_contacts', contact.id, { notes: contact.notes }),
        recorded_at: contact.at.toISOString(),
      })
      .execute();
  }
}
