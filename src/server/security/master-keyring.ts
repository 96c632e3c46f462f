import { existsSync } from 'node:fs';
import type { Keyring, WrappingKey } from '../../db/encryption/record-cipher.js';
import type { Config } from '../config/config.js';
import { decodeMasterKey, loadMasterKey, readMasterKeyFile, type MasterKey } from './master-key.js';

const LOOK_AGAIN_MS = 10_000;

/** Where a generated key keeps its predecessor after `meldpad rotate-key`. */
export function previousKeyFile(file: string): string {
  return `${file}.previous`;
}

/** Where `meldpad rotate-key` puts a generated key's successor while it re-wraps. */
export function nextKeyFile(file: string): string {
  return `${file}.next`;
}

/**
 * The master keys of this process: the primary one (new data keys are wrapped under it) and any older
 * one it still reads during a rotation. A generated key is looked up again on `refresh`, so a running
 * single instance follows `meldpad rotate-key` without a restart.
 */
export class MasterKeyring implements Keyring {
  private readonly known = new Map<string, MasterKey>();
  private primary: MasterKey;
  private lastLook = Date.now();

  private constructor(
    private readonly source: Config['masterKey'],
    primary: MasterKey,
    others: MasterKey[],
  ) {
    this.primary = primary;
    for (const key of [primary, ...others]) this.known.set(key.id(), key);
  }

  /** Loads (or, for a single SQLite instance, generates) the primary key and any previous one. */
  static load(config: Pick<Config, 'masterKey' | 'masterKeyPrevious'>): { keyring: MasterKeyring; generated: boolean } {
    const { key, generated } = loadMasterKey(config.masterKey);
    const others: MasterKey[] = [];
    const previous = config.masterKeyPrevious;
    if (previous?.kind === 'env') others.push(decodeMasterKey('MASTER_KEY_PREVIOUS', previous.value));
    if (previous?.kind === 'file') others.push(readMasterKeyFile('MASTER_KEY_PREVIOUS_FILE', previous.file));
    if (config.masterKey.kind === 'generated-file') {
      // An interrupted rotation leaves its new key in .next; the stored fingerprint may already be its.
      for (const file of [previousKeyFile(config.masterKey.file), nextKeyFile(config.masterKey.file)]) {
        if (existsSync(file)) others.push(readMasterKeyFile('DATA_DIR', file));
      }
    }
    return { keyring: new MasterKeyring(config.masterKey, key, others), generated };
  }

  /** A keyring of given keys (rotation: the new key first, then the one it replaces). */
  static of(primary: MasterKey, ...others: MasterKey[]): MasterKeyring {
    return new MasterKeyring({ kind: 'env', value: '' }, primary, others);
  }

  primaryKey(): MasterKey {
    return this.primary;
  }

  keys(): MasterKey[] {
    return [...this.known.values()];
  }

  current(): WrappingKey {
    // A running single instance takes up a rotated generated key within seconds, without a restart.
    if (this.source.kind === 'generated-file' && Date.now() - this.lastLook > LOOK_AGAIN_MS) this.refresh();
    return this.primary.wrappingKey();
  }

  byId(id: string): WrappingKey | undefined {
    return this.known.get(id)?.wrappingKey();
  }

  refresh(): void {
    if (this.source.kind !== 'generated-file') return;
    this.lastLook = Date.now();
    const file = this.source.file;
    for (const candidate of [file, previousKeyFile(file), nextKeyFile(file)]) {
      if (!existsSync(candidate)) continue;
      try {
        const key = readMasterKeyFile('DATA_DIR', candidate);
        this.known.set(key.id(), key);
        if (candidate === file) this.primary = key;
      } catch {
        // A file being written by a rotation right now: the next refresh reads it.
      }
    }
  }
}
