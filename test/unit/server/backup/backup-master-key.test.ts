import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planKeyPlacement, readConfiguredMasterKey, writeMasterKeyFile } from '../../../../src/server/backup/backup-master-key.js';
import { checkNewPassphrase, readPassphrase } from '../../../../src/server/backup/backup-passphrase.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-backup-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('where a restored master key goes', () => {
  const key = randomBytes(32);

  it('writes it to a key file that does not exist yet, as Meldpad reads it, mode 0600', () => {
    const file = path.join(dir, 'sub', 'master.key');
    for (const source of [{ kind: 'generated-file', file } as const, { kind: 'file', file } as const]) {
      expect(planKeyPlacement(source, key)).toEqual({ kind: 'write', file });
    }
    writeMasterKeyFile(file, key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfiguredMasterKey({ kind: 'file', file })!.exportBytes().equals(key)).toBe(true);
    expect(() => writeMasterKeyFile(file, randomBytes(32))).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe(`${key.toString('base64')}\n`);
  });

  it('writes nothing when the configured key is the backup\'s (base64 or hex)', () => {
    expect(planKeyPlacement({ kind: 'env', value: key.toString('base64') }, key)).toEqual({ kind: 'already-configured', variable: 'MASTER_KEY' });
    const file = path.join(dir, 'k');
    writeFileSync(file, key.toString('hex'));
    expect(planKeyPlacement({ kind: 'file', file }, key)).toEqual({ kind: 'already-configured', variable: 'MASTER_KEY_FILE' });
  });

  it('refuses when another key is configured, and never names either key', () => {
    const other = randomBytes(32);
    const file = path.join(dir, 'master.key');
    writeFileSync(file, other.toString('base64'));
    for (const source of [{ kind: 'env', value: other.toString('base64') } as const, { kind: 'generated-file', file } as const]) {
      let message = '';
      try {
        planKeyPlacement(source, key);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/holds a different master key than the backup/);
      for (const secret of [key, other]) for (const encoding of ['base64', 'hex'] as const) expect(message).not.toContain(secret.toString(encoding));
    }
  });
});

describe('the backup passphrase', () => {
  it('comes from the file (without its newline) before BACKUP_PASSPHRASE', () => {
    const file = path.join(dir, 'p');
    writeFileSync(file, 'uit het bestand komt hij\n');
    expect(readPassphrase(file, { BACKUP_PASSPHRASE: 'uit de omgeving komt hij' })).toBe('uit het bestand komt hij');
    expect(readPassphrase(undefined, { BACKUP_PASSPHRASE: 'uit de omgeving komt hij' })).toBe('uit de omgeving komt hij');
    expect(() => readPassphrase(undefined, {})).toThrow('give the passphrase in BACKUP_PASSPHRASE or with --passphrase-file FILE');
    expect(() => readPassphrase(path.join(dir, 'missing'), {})).toThrow(/^cannot read the passphrase file/);
  });

  it('must be at least 12 characters for a new backup', () => {
    expect(() => checkNewPassphrase('elf tekens!')).toThrow('the passphrase is too short');
    expect(() => checkNewPassphrase('twaalf tekens')).not.toThrow();
  });
});
