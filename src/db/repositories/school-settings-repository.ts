import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

/**
 * A school's own facts and its local parties. Phone numbers and parties live here only, never in
 * a route version, so an old case always shows today's number.
 */
export interface SchoolSettings {
  name: string;
  brin: string | null;
  region: string | null;
  veiligThuisRegion: string | null;
  veiligThuisPhone: string | null;
  riskIndexName: string | null;
  wijkteam: string | null;
  youthProtection: string | null;
  smwOrganisation: string | null;
}

export class SchoolSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(scope: Scope): Promise<SchoolSettings | null> {
    const row = await this.db.selectFrom('schools').selectAll().where('id', '=', scope.schoolId).executeTakeFirst();
    if (!row) return null;
    return {
      name: row.name,
      brin: row.brin,
      region: row.region,
      veiligThuisRegion: row.veilig_thuis_region,
      veiligThuisPhone: row.veilig_thuis_phone,
      riskIndexName: row.risk_index_name,
      wijkteam: row.wijkteam,
      youthProtection: row.youth_protection,
      smwOrganisation: row.smw_organisation,
    };
  }

  async update(scope: Scope, settings: SchoolSettings, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('schools')
      .set({
        name: settings.name,
        brin: settings.brin,
        region: settings.region,
        veilig_thuis_region: settings.veiligThuisRegion,
        veilig_thuis_phone: settings.veiligThuisPhone,
        risk_index_name: settings.riskIndexName,
        wijkteam: settings.wijkteam,
        youth_protection: settings.youthProtection,
        smw_organisation: settings.smwOrganisation,
      })
      .where('id', '=', scope.schoolId)
      .execute();
  }
}
