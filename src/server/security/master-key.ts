import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config/config.js';

export const MASTER_KEY_BYTES = 32;

/** The key that wraps every secret Meldpad stores. Never logged; only its fingerprint is stored. */
export class MasterKey {
  private constructor(private readonly key: Buffer) {}

  static fromBytes(bytes: Buffer): MasterKey {
    if (bytes.length !== MASTER_KEY_BYTES) throw new Error('a master key is 32 bytes');
    return new MasterKey(Buffer.from(bytes));
  }

  /** A one-way fingerprint, stored in the database so that a wrong key refuses start-up. */
  fingerprint(): string {
    return createHmac('sha256', this.key).update('meldpad master key fingerprint v1').digest('hex');
  }

  /** The short id stored with every data key this key wraps (a prefix of the fingerprint). */
  id(): string {
    return this.fingerprint().slice(0, 16);
  }

  /** The key that wraps per-record data keys (encryption at rest). */
  wrappingKey(): { id: string; key: Buffer } {
    // Derived once: every sealed record opened asks for it, and deriving costs two HMACs.
    this.wrapping ??= { id: this.id(), key: this.derive('data-key-wrap') };
    return this.wrapping;
  }

  private wrapping: { id: string; key: Buffer } | null = null;

  /** The raw bytes, for wrapping inside a backup or re-using as the secrets key of an older database. */
  exportBytes(): Buffer {
    return Buffer.from(this.key);
  }

  /** A key for one purpose, so one key never serves two uses. */
  derive(purpose: string): Buffer {
    return createHmac('sha256', this.key).update(`meldpad:${purpose}`).digest();
  }
}

function decode(variable: string, text: string): MasterKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== MASTER_KEY_BYTES) {
    throw new ConfigError(variable, `must be ${MASTER_KEY_BYTES} bytes, base64 or hex (e.g. from "openssl rand -base64 32")`);
  }
  return MasterKey.fromBytes(bytes);
}

/** Loads the master key, or for a single SQLite instance generates it on first start (mode 0600). */
export function loadMasterKey(source: Config['masterKey']): { key: MasterKey; generated: boolean } {
  switch (source.kind) {
    case 'env':
      return { key: decode('MASTER_KEY', source.value), generated: false };
    case 'file':
      return { key: decode('MASTER_KEY_FILE', readKeyFile('MASTER_KEY_FILE', source.file)), generated: false };
    case 'generated-file': {
      if (existsSync(source.file)) {
        return { key: decode('DATA_DIR', readKeyFile('DATA_DIR', source.file)), generated: false };
      }
      mkdirSync(path.dirname(source.file), { recursive: true, mode: 0o700 });
      const bytes = randomBytes(MASTER_KEY_BYTES);
      writeFileSync(source.file, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return { key: MasterKey.fromBytes(bytes), generated: true };
    }
  }
}

/** Reads a key from an existing file (MASTER_KEY_PREVIOUS_FILE, master.key.previous, a new key for rotation). */
export function readMasterKeyFile(variable: string, file: string): MasterKey {
  return decode(variable, readKeyFile(variable, file));
}

/** Decodes a key given in the environment (base64 or hex). */
export function decodeMasterKey(variable: string, text: string): MasterKey {
  return decode(variable, text);
}

/** Writes a new random key to a file that must not exist yet (mode 0600). */
export function generateMasterKeyFile(file: string): MasterKey {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const bytes = randomBytes(MASTER_KEY_BYTES);
  writeFileSync(file, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return MasterKey.fromBytes(bytes);
}

function readKeyFile(variable: string, file: string): string {
  try {
    if (!statSync(file).isFile()) throw new ConfigError(variable, `${file} is not a file`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(variable, `cannot read the master key file ${file}`);
  }
}
