/**
 * The encrypted backup file. Layout:
 *
 *   "MELDPADB" · container version (1 byte) · header length (u32) · header (JSON, readable)
 *   · key block length (u32) · key block: nonce · AES-256-GCM(data key ‖ master key) · tag
 *   · frames: final flag (1 byte) · length (u32) · AES-256-GCM(chunk) · tag
 *
 * The key block is sealed by a key derived from the passphrase (argon2id, parameters and salt in
 * the header) with the header as associated data, so a changed header fails. Each chunk is sealed
 * by the random data key; its nonce is its index and its associated data holds a hash of
 * everything before the frames, its index and its final flag — so a changed, dropped, reordered or
 * cut-off chunk fails, and a chunk cannot be moved into another backup.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Engine } from '../../db/connection.js';
import { MASTER_KEY_BYTES } from '../security/master-key.js';
import { BackupFileError } from './backup-errors.js';
import { checkKdfParams, DEFAULT_KDF, passphraseKey, type KdfParams } from './passphrase-key.js';

const MAGIC = Buffer.from('MELDPADB', 'ascii');
const CONTAINER_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;
const KEY_BLOCK_BYTES = NONCE_BYTES + DATA_KEY_BYTES + MASTER_KEY_BYTES + TAG_BYTES;
const FRAME_HEAD_BYTES = 5;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** What a backup says about itself before the passphrase is given. */
export interface BackupHeader {
  format: 'meldpad-backup';
  version: 1;
  engine: Engine;
  createdAt: string;
  kdf: KdfParams & { salt: string };
  chunkBytes: number;
}

export interface WriteBackupOptions {
  /** The plaintext dump to encrypt (read in chunks, never whole). */
  plainFile: string;
  /** Created with mode 0600; must not exist yet. */
  outFile: string;
  passphrase: string;
  masterKey: Buffer;
  engine: Engine;
  createdAt: Date;
  kdf?: KdfParams;
  chunkBytes?: number;
}

/** Encrypts a dump into a backup file that carries the master key, sealed by the passphrase. */
export async function writeBackupFile(options: WriteBackupOptions): Promise<void> {
  if (options.masterKey.length !== MASTER_KEY_BYTES) throw new Error('a master key is 32 bytes');
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const kdf = options.kdf ?? DEFAULT_KDF;
  const salt = randomBytes(16);
  const header: BackupHeader = {
    format: 'meldpad-backup',
    version: 1,
    engine: options.engine,
    createdAt: options.createdAt.toISOString(),
    kdf: { ...kdf, salt: salt.toString('base64') },
    chunkBytes,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.concat([MAGIC, Buffer.of(CONTAINER_VERSION), u32(headerBytes.length), headerBytes]);

  const dataKey = randomBytes(DATA_KEY_BYTES);
  const wrappingKey = await passphraseKey(options.passphrase, salt, kdf);
  const keyNonce = randomBytes(NONCE_BYTES);
  const keyCipher = createCipheriv('aes-256-gcm', wrappingKey, keyNonce).setAAD(prefix);
  const keyBlock = Buffer.concat([keyNonce, keyCipher.update(Buffer.concat([dataKey, options.masterKey])), keyCipher.final(), keyCipher.getAuthTag()]);
  const framed = Buffer.concat([prefix, u32(keyBlock.length), keyBlock]);
  const binding = createHash('sha256').update(framed).digest();

  const input = await open(options.plainFile, 'r');
  const output = await open(options.outFile, 'wx', 0o600).catch(async (error: unknown) => {
    await input.close();
    throw error;
  });
  try {
    await output.write(framed);
    let position = 0;
    let index = 0n;
    let current = await readAt(input, position, chunkBytes);
    for (;;) {
      position += current.length;
      // Read one chunk ahead: only then is it known whether this one is the last.
      const next = current.length === chunkBytes ? await readAt(input, position, chunkBytes) : Buffer.alloc(0);
      const final = next.length === 0;
      const cipher = createCipheriv('aes-256-gcm', dataKey, chunkNonce(index)).setAAD(chunkAad(binding, index, final));
      const sealed = Buffer.concat([cipher.update(current), cipher.final()]);
      await output.write(Buffer.concat([Buffer.of(final ? 1 : 0), u32(sealed.length), sealed, cipher.getAuthTag()]));
      if (final) break;
      current = next;
      index += 1n;
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
}

/** A backup whose passphrase was right: its header, its master key, and its contents on demand. */
export interface OpenedBackup {
  header: BackupHeader;
  masterKey: Buffer;
  /** Decrypts the dump into `outFile` (mode 0600, must not exist); throws at the first failed chunk. */
  decryptTo(outFile: string): Promise<void>;
}

/** Reads the header and unseals the keys; a wrong passphrase or a changed header throws here. */
export async function openBackupFile(file: string, passphrase: string): Promise<OpenedBackup> {
  const handle = await open(file, 'r');
  let header: BackupHeader;
  let framed: Buffer;
  try {
    const start = await readAt(handle, 0, MAGIC.length + 5);
    if (start.length < MAGIC.length + 5 || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFileError('not-a-backup');
    if (start[MAGIC.length] !== CONTAINER_VERSION) throw new BackupFileError('unsupported');
    const headerLength = start.readUInt32BE(MAGIC.length + 1);
    if (headerLength > MAX_HEADER_BYTES) throw new BackupFileError('unsupported');
    const headerBytes = await readExactly(handle, start.length, headerLength);
    header = parseHeader(headerBytes);
    const keyLength = await readExactly(handle, start.length + headerLength, 4);
    if (keyLength.readUInt32BE(0) !== KEY_BLOCK_BYTES) throw new BackupFileError('damaged');
    const keyBlock = await readExactly(handle, start.length + headerLength + 4, KEY_BLOCK_BYTES);
    framed = Buffer.concat([start, headerBytes, keyLength, keyBlock]);
  } finally {
    await handle.close();
  }

  const prefix = framed.subarray(0, framed.length - 4 - KEY_BLOCK_BYTES);
  const keyBlock = framed.subarray(framed.length - KEY_BLOCK_BYTES);
  const wrappingKey = await passphraseKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  let keys: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, keyBlock.subarray(0, NONCE_BYTES)).setAAD(prefix);
    decipher.setAuthTag(keyBlock.subarray(KEY_BLOCK_BYTES - TAG_BYTES));
    keys = Buffer.concat([decipher.update(keyBlock.subarray(NONCE_BYTES, KEY_BLOCK_BYTES - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new BackupFileError('wrong-passphrase');
  }
  const dataKey = keys.subarray(0, DATA_KEY_BYTES);
  const binding = createHash('sha256').update(framed).digest();
  return {
    header,
    masterKey: Buffer.from(keys.subarray(DATA_KEY_BYTES)),
    decryptTo: (outFile) => decryptFrames(file, framed.length, header.chunkBytes, dataKey, binding, outFile),
  };
}

async function decryptFrames(file: string, start: number, chunkBytes: number, dataKey: Buffer, binding: Buffer, outFile: string): Promise<void> {
  const input = await open(file, 'r');
  const output = await open(outFile, 'wx', 0o600).catch(async (error: unknown) => {
    await input.close();
    throw error;
  });
  try {
    let position = start;
    for (let index = 0n; ; index += 1n) {
      const head = await readExactly(input, position, FRAME_HEAD_BYTES);
      const flag = head[0];
      const length = head.readUInt32BE(1);
      if ((flag !== 0 && flag !== 1) || length > chunkBytes) throw new BackupFileError('damaged');
      const body = await readExactly(input, position + FRAME_HEAD_BYTES, length + TAG_BYTES);
      const final = flag === 1;
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', dataKey, chunkNonce(index)).setAAD(chunkAad(binding, index, final));
        decipher.setAuthTag(body.subarray(length));
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw new BackupFileError('damaged');
      }
      await output.write(plain);
      position += FRAME_HEAD_BYTES + length + TAG_BYTES;
      if (final) {
        if ((await readAt(input, position, 1)).length > 0) throw new BackupFileError('damaged');
        return;
      }
    }
  } finally {
    await input.close();
    await output.close();
  }
}

function parseHeader(bytes: Buffer): BackupHeader {
  let raw: Partial<BackupHeader>;
  try {
    raw = JSON.parse(bytes.toString('utf8')) as Partial<BackupHeader>;
  } catch {
    throw new BackupFileError('damaged');
  }
  if (raw.format !== 'meldpad-backup') throw new BackupFileError('not-a-backup');
  if (raw.version !== 1) throw new BackupFileError('unsupported');
  if (raw.engine !== 'sqlite' && raw.engine !== 'postgres') throw new BackupFileError('unsupported');
  if (typeof raw.createdAt !== 'string' || typeof raw.kdf?.salt !== 'string') throw new BackupFileError('damaged');
  const chunkBytes = raw.chunkBytes;
  if (typeof chunkBytes !== 'number' || !Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new BackupFileError('unsupported');
  const kdf = checkKdfParams(raw.kdf);
  if (Buffer.from(raw.kdf.salt, 'base64').length < 16) throw new BackupFileError('damaged');
  return { format: 'meldpad-backup', version: 1, engine: raw.engine, createdAt: raw.createdAt, kdf: { ...kdf, salt: raw.kdf.salt }, chunkBytes };
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value, 0);
  return buffer;
}

function chunkNonce(index: bigint): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeBigUInt64BE(index, NONCE_BYTES - 8);
  return nonce;
}

function chunkAad(binding: Buffer, index: bigint, final: boolean): Buffer {
  const position = Buffer.alloc(9);
  position.writeBigUInt64BE(index, 0);
  position[8] = final ? 1 : 0;
  return Buffer.concat([binding, position]);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** Reads exactly `length` bytes; fewer means the file was cut short. */
async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = await readAt(handle, position, length);
  if (buffer.length < length) throw new BackupFileError('truncated');
  return buffer;
}
