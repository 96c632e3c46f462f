import type { Kysely } from 'kysely';
import { isIdentityProviderKind, type IdentityProviderKind } from '../../domain/auth/sso-identity.js';
import type { Database, IdentityProviderTable } from '../schema.js';

export interface IdentityProviderRecord {
  id: string;
  boardId: string;
  name: string;
  kind: IdentityProviderKind;
  issuer: string;
  clientId: string;
  /** Sealed; only the sign-in code opens it, and no answer ever carries it. */
  sealedClientSecret: string;
  enforcesMfa: boolean;
  enabledAt: string | null;
  createdAt: string;
}

export interface IdentityProviderSettings {
  name: string;
  kind: IdentityProviderKind;
  issuer: string;
  clientId: string;
  enforcesMfa: boolean;
}

/** A sign-in started at an identity provider, as stored: hashes only. */
export interface SsoRequestRecord {
  providerId: string;
  nonceHash: string;
  codeVerifierHash: string;
  browserHash: string;
}

function toRecord(row: IdentityProviderTable): IdentityProviderRecord | null {
  if (!isIdentityProviderKind(row.kind)) return null;
  return {
    id: row.id,
    boardId: row.board_id,
    name: row.name,
    kind: row.kind,
    issuer: row.issuer,
    clientId: row.client_id,
    sealedClientSecret: row.client_secret,
    enforcesMfa: Number(row.enforces_mfa) === 1,
    enabledAt: row.enabled_at,
    createdAt: row.created_at,
  };
}

/**
 * The board's OpenID Connect identity providers and the sign-ins started at them. Administration
 * always names the board; the sign-in page reads enabled providers before anyone is known.
 */
export class IdentityProvidersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Enabled providers, for the sign-in page (one board per installation in practice). */
  async listEnabled(): Promise<IdentityProviderRecord[]> {
    const rows = await this.db.selectFrom('identity_providers').selectAll().where('enabled_at', 'is not', null).orderBy('name').orderBy('id').execute();
    return rows.flatMap((row) => toRecord(row) ?? []);
  }

  async findEnabled(id: string): Promise<IdentityProviderRecord | null> {
    const row = await this.db.selectFrom('identity_providers').selectAll().where('id', '=', id).where('enabled_at', 'is not', null).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async listForBoard(boardId: string): Promise<IdentityProviderRecord[]> {
    const rows = await this.db.selectFrom('identity_providers').selectAll().where('board_id', '=', boardId).orderBy('name').orderBy('id').execute();
    return rows.flatMap((row) => toRecord(row) ?? []);
  }

  async findForBoard(boardId: string, id: string): Promise<IdentityProviderRecord | null> {
    const row = await this.db.selectFrom('identity_providers').selectAll().where('id', '=', id).where('board_id', '=', boardId).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** A new provider, enabled at once. */
  async create(
    provider: IdentityProviderSettings & { id: string; boardId: string; sealedClientSecret: string; at: Date },
    executor: Kysely<Database> = this.db,
  ): Promise<void> {
    await executor
      .insertInto('identity_providers')
      .values({
        id: provider.id,
        board_id: provider.boardId,
        name: provider.name,
        kind: provider.kind,
        issuer: provider.issuer,
        client_id: provider.clientId,
        client_secret: provider.sealedClientSecret,
        enforces_mfa: provider.enforcesMfa ? 1 : 0,
        enabled_at: provider.at.toISOString(),
        created_at: provider.at.toISOString(),
      })
      .execute();
  }

  /** Changes a provider of the board; a null secret keeps the one stored. */
  async update(boardId: string, id: string, settings: IdentityProviderSettings, sealedClientSecret: string | null, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('identity_providers')
      .set({
        name: settings.name,
        kind: settings.kind,
        issuer: settings.issuer,
        client_id: settings.clientId,
        enforces_mfa: settings.enforcesMfa ? 1 : 0,
        ...(sealedClientSecret !== null ? { client_secret: sealedClientSecret } : {}),
      })
      .where('id', '=', id)
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setEnabled(boardId: string, id: string, at: Date | null, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('identity_providers')
      .set({ enabled_at: at ? at.toISOString() : null })
      .where('id', '=', id)
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async storeRequest(request: SsoRequestRecord & { stateHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('sso_requests')
      .values({
        state_hash: request.stateHash,
        provider_id: request.providerId,
        nonce_hash: request.nonceHash,
        code_verifier_hash: request.codeVerifierHash,
        browser_hash: request.browserHash,
        created_at: request.at.toISOString(),
        expires_at: request.expiresAt.toISOString(),
      })
      .execute();
  }

  /**
   * Uses a started sign-in up: it is found once, and only before it expires. Of two requests with
   * the same state at once, only the one whose delete removed the row gets it.
   */
  async consumeRequest(stateHash: string, now: Date): Promise<SsoRequestRecord | null> {
    const row = await this.db.selectFrom('sso_requests').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
    if (!row) return null;
    const deleted = await this.db.deleteFrom('sso_requests').where('state_hash', '=', stateHash).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1 || row.expires_at <= now.toISOString()) return null;
    return { providerId: row.provider_id, nonceHash: row.nonce_hash, codeVerifierHash: row.code_verifier_hash, browserHash: row.browser_hash };
  }

  /** Forgets sign-ins that were started and never finished. */
  async deleteExpiredRequests(now: Date): Promise<void> {
    await this.db.deleteFrom('sso_requests').where('expires_at', '<=', now.toISOString()).execute();
  }
}
