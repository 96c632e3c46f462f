import { hashRaw } from '@node-rs/argon2';
import { BackupFileError } from './backup-errors.js';

/** argon2id's cost, stored in the backup's header so that a later version can read an older backup. */
export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

// Well above the password hashes' 19 MiB: a backup is derived once per run, and it is the one secret
// that unlocks every case if the file leaks.
export const DEFAULT_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

// A crafted header must not make restore allocate gigabytes or spin for an hour.
const LIMITS = { memoryKiB: [8 * 1024, 1024 * 1024], iterations: [1, 20], parallelism: [1, 16] } as const;

export function checkKdfParams(params: unknown): KdfParams {
  const p = params as Partial<KdfParams> | null;
  if (!p || p.algorithm !== 'argon2id') throw new BackupFileError('unsupported');
  for (const [name, [min, max]] of Object.entries(LIMITS)) {
    const value = p[name as keyof typeof LIMITS];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new BackupFileError('unsupported');
  }
  return { algorithm: 'argon2id', memoryKiB: p.memoryKiB!, iterations: p.iterations!, parallelism: p.parallelism! };
}

/** The 32-byte key that wraps a backup's own keys, from the operator's passphrase. */
export function passphraseKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  // `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
  return hashRaw(passphrase, { algorithm: 2, memoryCost: params.memoryKiB, timeCost: params.iterations, parallelism: params.parallelism, outputLen: 32, salt });
}
