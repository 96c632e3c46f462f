import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A key that wraps data keys, named by an id that is stored with every key it wraps. */
export interface WrappingKey {
  id: string;
  key: Buffer;
}

/**
 * The master keys a process knows: the one it wraps new data keys with, and older ones it can still
 * unwrap while a rotation runs. `refresh` looks again where the keys live (a rotation may have added one).
 */
export interface Keyring {
  current(): WrappingKey;
  byId(id: string): WrappingKey | undefined;
  refresh(): void;
}

export class UnknownKeyError extends Error {
  constructor(id: string) {
    super(`a record was sealed under master key ${id}, which this instance does not have`);
  }
}

const DATA_KEY_BYTES = 32;

/**
 * Encryption at rest of narrative fields: AES-256-GCM with a fresh data key per record, the data key
 * wrapped by the master key. Formats, base64url parts:
 *   wrapped data key  w1.<master key id>.<iv>.<tag>.<ciphertext>
 *   sealed field      c1.<iv>.<tag>.<ciphertext>
 * Every field is bound to its place (table, record, column) as associated data, so a ciphertext cannot
 * be moved to another record or column unnoticed.
 */
export class RecordCipher {
  constructor(private readonly keyring: Keyring) {}

  /** A new data key for one record, and that key wrapped for storage. */
  newDataKey(): { key: Buffer; wrapped: string } {
    const key = randomBytes(DATA_KEY_BYTES);
    return { key, wrapped: this.wrap(key) };
  }

  wrap(dataKey: Buffer, under: WrappingKey = this.keyring.current()): string {
    const [iv, tag, body] = gcmSeal(under.key, dataKey, `data-key:${under.id}`);
    return ['w1', under.id, iv, tag, body].join('.');
  }

  unwrap(wrapped: string): Buffer {
    const [format, id, iv, tag, body] = wrapped.split('.');
    if (format !== 'w1' || !id || !iv || !tag || body === undefined) throw new Error('not a wrapped data key');
    let wrapping = this.keyring.byId(id);
    if (!wrapping) {
      this.keyring.refresh();
      wrapping = this.keyring.byId(id);
    }
    if (!wrapping) throw new UnknownKeyError(id);
    return gcmOpen(wrapping.key, iv, tag, body, `data-key:${id}`);
  }

  /** The id of the master key a wrapped data key is under. */
  static wrappedUnder(wrapped: string): string {
    return wrapped.split('.')[1] ?? '';
  }

  /** Re-wraps a data key under the current master key (key rotation); the record itself is untouched. */
  rewrap(wrapped: string): string {
    return this.wrap(this.unwrap(wrapped));
  }

  currentKeyId(): string {
    return this.keyring.current().id;
  }

  seal(dataKey: Buffer, plaintext: string, place: string): string {
    return ['c1', ...gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'), place)].join('.');
  }

  open(dataKey: Buffer, sealed: string, place: string): string {
    const [format, iv, tag, body] = sealed.split('.');
    if (format !== 'c1' || !iv || !tag || body === undefined) throw new Error('not a sealed field');
    return gcmOpen(dataKey, iv, tag, body, place).toString('utf8');
  }
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): [string, string, string] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')];
}

function gcmOpen(key: Buffer, iv: string, tag: string, body: string, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}
