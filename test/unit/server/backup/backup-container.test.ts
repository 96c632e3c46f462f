import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackupFile, writeBackupFile } from '../../../../src/server/backup/backup-container.js';
import type { KdfParams } from '../../../../src/server/backup/passphrase-key.js';

// The smallest cost the format accepts: the tests are about the format, not the KDF's strength.
const CHEAP_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 };
const PASSPHRASE = 'correct horse battery staple';
const CHUNK = 1000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-backup-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function makeBackup(plain: Buffer, masterKey = randomBytes(32)) {
  const plainFile = path.join(dir, `plain-${randomBytes(4).toString('hex')}`);
  writeFileSync(plainFile, plain);
  const outFile = path.join(dir, `backup-${randomBytes(4).toString('hex')}`);
  await writeBackupFile({ plainFile, outFile, passphrase: PASSPHRASE, masterKey, engine: 'sqlite', createdAt: new Date('2026-11-29T06:00:00Z'), kdf: CHEAP_KDF, chunkBytes: CHUNK });
  return { outFile, masterKey };
}

async function restoreFrom(file: string, passphrase = PASSPHRASE): Promise<Buffer> {
  const opened = await openBackupFile(file, passphrase);
  const out = path.join(dir, `restored-${randomBytes(4).toString('hex')}`);
  await opened.decryptTo(out);
  return readFileSync(out);
}

/** The byte offsets of each frame, read the way the format lays them out. */
function frames(bytes: Buffer): { start: number; end: number }[] {
  let position = 8 + 1;
  position += 4 + bytes.readUInt32BE(position);
  position += 4 + bytes.readUInt32BE(position);
  const found = [];
  while (position < bytes.length) {
    const end = position + 5 + bytes.readUInt32BE(position + 1) + 16;
    found.push({ start: position, end });
    position = end;
  }
  return found;
}

describe('the encrypted backup file', () => {
  it.each([
    ['empty', 0],
    ['shorter than a chunk', 10],
    ['exactly one chunk', CHUNK],
    ['exactly three chunks', 3 * CHUNK],
    ['several chunks and a bit', 5 * CHUNK + 123],
  ])('gives back the same bytes and master key (%s)', async (_name, size) => {
    const plain = randomBytes(size);
    const { outFile, masterKey } = await makeBackup(plain);
    expect(statSync(outFile).mode & 0o777).toBe(0o600);
    const opened = await openBackupFile(outFile, PASSPHRASE);
    expect(opened.masterKey.equals(masterKey)).toBe(true);
    expect(opened.header).toMatchObject({ format: 'meldpad-backup', version: 1, engine: 'sqlite', createdAt: '2026-11-29T06:00:00.000Z', chunkBytes: CHUNK, kdf: { algorithm: 'argon2id', memoryKiB: 8192 } });
    expect((await restoreFrom(outFile)).equals(plain)).toBe(true);
    expect(frames(readFileSync(outFile))).toHaveLength(Math.max(1, Math.ceil(size / CHUNK)));
  });

  it('holds neither the contents nor the master key in the clear', async () => {
    const plain = Buffer.from('SQLite format 3\0'.repeat(200));
    const { outFile, masterKey } = await makeBackup(plain);
    const bytes = readFileSync(outFile);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(masterKey)).toBe(false);
    expect(bytes.includes(Buffer.from(masterKey.toString('base64')))).toBe(false);
  });

  it('refuses a wrong passphrase before writing anything', async () => {
    const { outFile } = await makeBackup(randomBytes(3000));
    await expect(openBackupFile(outFile, 'correct horse battery stapler')).rejects.toThrow('the passphrase is wrong, or the backup file is damaged');
  });

  it('refuses a file that is not a backup', async () => {
    const other = path.join(dir, 'other');
    writeFileSync(other, 'SQLite format 3\0 and then some');
    await expect(openBackupFile(other, PASSPHRASE)).rejects.toThrow('this is not a Meldpad backup file');
  });

  it('notices a flipped byte in the header, the key block or any chunk', async () => {
    const plain = randomBytes(3 * CHUNK + 10);
    const { outFile } = await makeBackup(plain);
    const original = readFileSync(outFile);
    const [first, second, , last] = frames(original);
    // A byte of the header's JSON (the creation date), of the wrapped keys, and of several chunks.
    const headerByte = original.indexOf('2026-11-29') + 3;
    const keyByte = first!.start - 20;
    for (const offset of [headerByte, keyByte]) {
      const damaged = Buffer.from(original);
      damaged[offset]! ^= 0x01;
      writeFileSync(outFile, damaged);
      await expect(openBackupFile(outFile, PASSPHRASE)).rejects.toThrow('the passphrase is wrong, or the backup file is damaged');
    }
    for (const offset of [first!.start + 10, second!.end - 1, last!.start + 7, last!.start]) {
      const damaged = Buffer.from(original);
      damaged[offset]! ^= 0x01;
      writeFileSync(outFile, damaged);
      await expect(restoreFrom(outFile)).rejects.toThrow(/damaged/);
    }
  });

  it('notices a file cut short, at a chunk boundary or inside a chunk, and a last chunk that is missing', async () => {
    const { outFile } = await makeBackup(randomBytes(3 * CHUNK + 10));
    const original = readFileSync(outFile);
    const all = frames(original);
    for (const length of [all[3]!.start, all[2]!.start + 100, original.length - 1, all[0]!.start, 20]) {
      writeFileSync(outFile, original.subarray(0, length));
      const attempt = restoreFrom(outFile);
      await expect(attempt).rejects.toThrow(length === 20 ? 'incomplete' : /incomplete|damaged/);
    }
    // Cut exactly before the final frame: every remaining chunk is intact, yet the end is missing.
    writeFileSync(outFile, original.subarray(0, all[3]!.start));
    await expect(restoreFrom(outFile)).rejects.toThrow('the backup file is incomplete (it was cut short)');
  });

  it('notices chunks in another order, a chunk dropped, a chunk from another backup, and bytes added at the end', async () => {
    const { outFile } = await makeBackup(randomBytes(3 * CHUNK + 10));
    const original = readFileSync(outFile);
    const [a, b, c, d] = frames(original).map((f) => original.subarray(f.start, f.end));
    const prefix = original.subarray(0, frames(original)[0]!.start);
    const attempts = [
      Buffer.concat([prefix, b!, a!, c!, d!]),
      Buffer.concat([prefix, a!, c!, b!, d!]),
      Buffer.concat([prefix, a!, c!, d!]),
      Buffer.concat([original, Buffer.from('x')]),
    ];
    const other = readFileSync((await makeBackup(randomBytes(3 * CHUNK + 10))).outFile);
    const otherFrames = frames(other);
    attempts.push(Buffer.concat([prefix, a!, other.subarray(otherFrames[1]!.start, otherFrames[1]!.end), c!, d!]));
    for (const bytes of attempts) {
      writeFileSync(outFile, bytes);
      await expect(restoreFrom(outFile)).rejects.toThrow('the backup file is damaged');
    }
  });

  it('never overwrites: neither an existing backup nor an existing restore target', async () => {
    const { outFile } = await makeBackup(randomBytes(10));
    const plainFile = path.join(dir, 'plain');
    writeFileSync(plainFile, 'x');
    await expect(writeBackupFile({ plainFile, outFile, passphrase: PASSPHRASE, masterKey: randomBytes(32), engine: 'sqlite', createdAt: new Date(), kdf: CHEAP_KDF })).rejects.toThrow(/EEXIST/);
    const opened = await openBackupFile(outFile, PASSPHRASE);
    await expect(opened.decryptTo(plainFile)).rejects.toThrow(/EEXIST/);
    expect(existsSync(plainFile)).toBe(true);
  });
});
