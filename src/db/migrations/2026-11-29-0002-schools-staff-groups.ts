import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * School settings (the local parties the route names), groups and the teachers of each,
 * invitation and password-reset links, and elevated sessions.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  for (const column of ['brin', 'region', 'veilig_thuis_region', 'veilig_thuis_phone', 'risk_index_name', 'wijkteam', 'youth_protection', 'smw_organisation']) {
    await db.schema.alterTable('schools').addColumn(column, 'text').execute();
  }

  await db.schema.alterTable('sessions').addColumn('elevated_until', 'text').execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** Year groups (groep 1–8) as a comma-separated list: "1,2" for a combined group 1/2. */
    .addColumn('year_groups', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('groups_school').on('groups').columns(['school_id', 'name']).execute();

  await db.schema
    .createTable('group_teachers')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_teachers_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_teachers_user').on('group_teachers').columns(['user_id', 'school_id']).execute();

  await db.schema
    .createTable('account_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** `invitation` (a new person sets a password) or `password-reset`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** For an invitation: the roles at school_id, comma-separated. */
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('account_links_school').on('account_links').columns(['school_id', 'kind']).execute();
}
