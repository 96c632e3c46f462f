import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Single sign-on: the board's OpenID Connect identity providers, and the sign-ins started at one of
 * them (single use, ten minutes). Nothing here is usable on its own: the client secret is sealed
 * with the master key, and a started sign-in is found by the hash of its state only.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('identity_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** `entra`, `google` or `oidc`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    /** Sealed (SecretBox, purpose `oidc-client-secret`). */
    .addColumn('client_secret', 'text', (c) => c.notNull())
    /** 1 when the administrator says the provider always asks a second factor. */
    .addColumn('enforces_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_providers_board').on('identity_providers').column('board_id').execute();

  await db.schema
    .createTable('sso_requests')
    /** SHA-256 of the `state` sent to the provider. */
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('identity_providers.id'))
    /** SHA-256 of the nonce and of the PKCE code verifier; both are derived from the state with a key of the master key. */
    .addColumn('nonce_hash', 'text', (c) => c.notNull())
    .addColumn('code_verifier_hash', 'text', (c) => c.notNull())
    /** SHA-256 of the cookie that ties the sign-in to the browser that started it. */
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_requests_expires').on('sso_requests').column('expires_at').execute();
}
