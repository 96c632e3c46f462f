import type { Kysely } from 'kysely';
import { REQUESTER_CAPACITIES, type RequesterCapacity } from '../../domain/access-requests/requester.js';
import { isWithholdingGround, type WithholdingGround } from '../../domain/access-requests/withholding-grounds.js';
import type { Withholding } from '../../domain/access-requests/withholdings.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

export interface AccessRequestRecord {
  id: string;
  schoolId: string;
  pupilId: string;
  capacity: RequesterCapacity;
  guardianId: string | null;
  requesterName: string | null;
  receivedOn: string;
  registeredBy: { userId: string; name: string };
  registeredAt: string;
  exportedBy: { userId: string; name: string } | null;
  exportedAt: string | null;
  withholdings: (Withholding & { recordedBy: string; recordedAt: string })[];
}

export interface NewAccessRequest {
  id: string;
  pupilId: string;
  capacity: RequesterCapacity;
  guardianId: string | null;
  requesterName: string | null;
  receivedOn: string;
  at: Date;
}

function toCapacity(value: string): RequesterCapacity {
  return (REQUESTER_CAPACITIES as readonly string[]).includes(value) ? (value as RequesterCapacity) : 'other';
}

/** A ground no longer on the list still withheld the part: it reads as the stricter one. */
function toGround(value: string): WithholdingGround {
  return isWithholdingGround(value) ? value : 'child-protection';
}

/**
 * Access requests about the pupils of one school and the parts withheld from them. Every query is
 * bound to the scope's school; nothing here holds or reads what a case says.
 */
export class AccessRequestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(scope: Scope, request: NewAccessRequest, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('access_requests')
      .values({
        id: request.id,
        school_id: scope.schoolId,
        pupil_id: request.pupilId,
        requester_capacity: request.capacity,
        requester_guardian_id: request.guardianId,
        requester_name: request.requesterName,
        received_on: request.receivedOn,
        registered_by: scope.userId,
        registered_at: request.at.toISOString(),
        exported_by: null,
        exported_at: null,
      })
      .execute();
  }

  async find(scope: Scope, requestId: string, executor: Kysely<Database> = this.db): Promise<AccessRequestRecord | null> {
    const [found] = await this.list(scope, (q) => q.where('access_requests.id', '=', requestId), executor);
    return found ?? null;
  }

  /** The pupil's requests, newest received first. */
  forPupil(scope: Scope, pupilId: string): Promise<AccessRequestRecord[]> {
    return this.list(scope, (q) => q.where('access_requests.pupil_id', '=', pupilId));
  }

  /** Replaces the request's withholdings with these, in this order. */
  async replaceWithholdings(scope: Scope, requestId: string, withholdings: readonly (Withholding & { id: string })[], at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor.deleteFrom('access_request_withholdings').where('access_request_id', '=', requestId).execute();
    if (withholdings.length === 0) return;
    await executor
      .insertInto('access_request_withholdings')
      .values(
        withholdings.map((w, position) => ({
          id: w.id,
          access_request_id: requestId,
          case_id: w.caseId,
          entry_id: w.entryId,
          ground: w.ground,
          recorded_by: scope.userId,
          recorded_at: at.toISOString(),
          position,
        })),
      )
      .execute();
  }

  /** Records the first export; a later export leaves the first one on record. */
  async markExported(scope: Scope, requestId: string, at: Date, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('access_requests')
      .set({ exported_by: scope.userId, exported_at: at.toISOString() })
      .where('id', '=', requestId)
      .where('school_id', '=', scope.schoolId)
      .where('exported_at', 'is', null)
      .execute();
  }

  /** The school years in which the pupil has preventive records (talks or contacts), for reading them all. */
  async preventiveSchoolYears(scope: Scope, pupilId: string): Promise<string[]> {
    const [talks, contacts] = await Promise.all([
      this.db.selectFrom('start_of_year_talks').select('school_year').distinct().where('school_id', '=', scope.schoolId).where('pupil_id', '=', pupilId).execute(),
      this.db.selectFrom('parent_contacts').select('school_year').distinct().where('school_id', '=', scope.schoolId).where('pupil_id', '=', pupilId).execute(),
    ]);
    return [...new Set([...talks, ...contacts].map((r) => r.school_year))].sort();
  }

  private async list(
    scope: Scope,
    filter: (q: ReturnType<AccessRequestsRepository['query']>) => ReturnType<AccessRequestsRepository['query']>,
    executor: Kysely<Database> = this.db,
  ): Promise<AccessRequestRecord[]> {
    const rows = await filter(this.query(scope, executor)).orderBy('access_requests.received_on', 'desc').orderBy('access_requests.registered_at', 'desc').execute();
    const ids = rows.map((r) => r.id);
    const withheld =
      ids.length === 0
        ? []
        : await executor.selectFrom('access_request_withholdings').selectAll().where('access_request_id', 'in', ids).orderBy('access_request_id').orderBy('position').execute();
    return rows.map((r) => ({
      id: r.id,
      schoolId: r.school_id,
      pupilId: r.pupil_id,
      capacity: toCapacity(r.requester_capacity),
      guardianId: r.requester_guardian_id,
      requesterName: r.requester_name,
      receivedOn: r.received_on,
      registeredBy: { userId: r.registered_by, name: r.registered_by_name },
      registeredAt: r.registered_at,
      exportedBy: r.exported_by ? { userId: r.exported_by, name: r.exported_by_name ?? '—' } : null,
      exportedAt: r.exported_at,
      withholdings: withheld
        .filter((w) => w.access_request_id === r.id)
        .map((w) => ({ caseId: w.case_id, entryId: w.entry_id, ground: toGround(w.ground), recordedBy: w.recorded_by, recordedAt: w.recorded_at })),
    }));
  }

  private query(scope: Scope, executor: Kysely<Database>) {
    return executor
      .selectFrom('access_requests')
      .innerJoin('users as registrar', 'registrar.id', 'access_requests.registered_by')
      .leftJoin('users as exporter', 'exporter.id', 'access_requests.exported_by')
      .selectAll('access_requests')
      .select(['registrar.name as registered_by_name', 'exporter.name as exported_by_name'])
      .where('access_requests.school_id', '=', scope.schoolId);
  }
}
