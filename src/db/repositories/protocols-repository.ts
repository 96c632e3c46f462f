import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_PROTOCOL } from '../../domain/cases/protocol/default-template.js';
import type { ProtocolContent, ProtocolVersion } from '../../domain/cases/protocol/protocol.js';
import type { Database, ProtocolVersionTable } from '../schema.js';
import type { Scope } from '../scope.js';

export interface ProtocolVersionSummary {
  id: string;
  version: number;
  changeNote: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** A school's route: a copy of Meldpad's default, then one row per saved change. */
export class ProtocolsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The school's current version. A school that never saved one gets version 1, a copy of the
   * default route, stored on first use so that a case can refer to it.
   */
  async current(scope: Scope, at: Date, executor: Kysely<Database> = this.db): Promise<ProtocolVersion> {
    const latest = await this.latestRow(scope.schoolId, executor);
    if (latest) return toVersion(latest);
    const row: ProtocolVersionTable = {
      id: randomUUID(),
      school_id: scope.schoolId,
      version: 1,
      content: JSON.stringify(DEFAULT_PROTOCOL),
      change_note: null,
      created_by: null,
      created_at: at.toISOString(),
    };
    // Two first uses at once: the unique (school, version) lets one win; the other reads it.
    await executor.insertInto('protocol_versions').values(row).onConflict((oc) => oc.columns(['school_id', 'version']).doNothing()).execute();
    return toVersion((await this.latestRow(scope.schoolId, executor))!);
  }

  /** Saves a new version after `basedOn`; null when someone else saved a version in between. */
  async saveNext(scope: Scope, basedOn: number, content: ProtocolContent, changeNote: string | null, at: Date, executor: Kysely<Database> = this.db): Promise<ProtocolVersion | null> {
    const row: ProtocolVersionTable = {
      id: randomUUID(),
      school_id: scope.schoolId,
      version: basedOn + 1,
      content: JSON.stringify(content),
      change_note: changeNote,
      created_by: scope.userId,
      created_at: at.toISOString(),
    };
    const result = await executor.insertInto('protocol_versions').values(row).onConflict((oc) => oc.columns(['school_id', 'version']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? toVersion(row) : null;
  }

  async byId(scope: Scope, id: string, executor: Kysely<Database> = this.db): Promise<ProtocolVersion | null> {
    const row = await executor.selectFrom('protocol_versions').selectAll().where('school_id', '=', scope.schoolId).where('id', '=', id).executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async byNumber(scope: Scope, version: number): Promise<ProtocolVersion | null> {
    const row = await this.db.selectFrom('protocol_versions').selectAll().where('school_id', '=', scope.schoolId).where('version', '=', version).executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  /** The latest version number without creating one (null before first use). */
  async latestNumber(schoolId: string): Promise<number | null> {
    const row = await this.db.selectFrom('protocol_versions').select((eb) => eb.fn.max('version').as('latest')).where('school_id', '=', schoolId).executeTakeFirst();
    return row?.latest == null ? null : Number(row.latest);
  }

  async versions(scope: Scope): Promise<ProtocolVersionSummary[]> {
    const rows = await this.db
      .selectFrom('protocol_versions')
      .leftJoin('users', 'users.id', 'protocol_versions.created_by')
      .select(['protocol_versions.id', 'protocol_versions.version', 'protocol_versions.change_note', 'protocol_versions.created_by', 'protocol_versions.created_at', 'users.name as created_by_name'])
      .where('protocol_versions.school_id', '=', scope.schoolId)
      .orderBy('protocol_versions.version', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, version: Number(r.version), changeNote: r.change_note, createdBy: r.created_by, createdByName: r.created_by_name, createdAt: r.created_at }));
  }

  private latestRow(schoolId: string, executor: Kysely<Database>) {
    return executor.selectFrom('protocol_versions').selectAll().where('school_id', '=', schoolId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  }
}

function toVersion(row: ProtocolVersionTable): ProtocolVersion {
  return {
    id: row.id,
    schoolId: row.school_id,
    version: Number(row.version),
    content: JSON.parse(row.content) as ProtocolContent,
    changeNote: row.change_note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
