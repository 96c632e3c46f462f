import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RecordCipher, UnknownKeyError } from '../../../../src/db/encryption/record-cipher.js';
import { openFields, sealFields } from '../../../../src/db/encryption/sealed-fields.js';
import { MasterKey } from '../../../../src/server/security/master-key.js';
import { MasterKeyring } from '../../../../src/server/security/master-keyring.js';

const oldKey = MasterKey.fromBytes(randomBytes(32));
const newKey = MasterKey.fromBytes(randomBytes(32));
const SENTENCE = 'Sem vertelde dat papa gisteren heel boos was.';

describe('sealing narrative fields', () => {
  const cipher = new RecordCipher(MasterKeyring.of(oldKey));

  it('seals each field under a data key of its own record, and opens it again', () => {
    const sealed = sealFields(cipher, 'case_entries', 'e1', { body: SENTENCE, correction_reason: null });
    expect(sealed.body).not.toContain('papa');
    expect(sealed.correction_reason).toBeNull();
    expect(sealed.data_key.startsWith(`w1.${oldKey.id()}.`)).toBe(true);
    expect(openFields(cipher, 'case_entries', 'e1', sealed.data_key, { body: sealed.body, correction_reason: null }).body).toBe(SENTENCE);
    const other = sealFields(cipher, 'case_entries', 'e2', { body: SENTENCE, correction_reason: null });
    expect(other.data_key).not.toBe(sealed.data_key);
    expect(other.body).not.toBe(sealed.body);
  });

  it('refuses a sealed field moved to another record or column', () => {
    const sealed = sealFields(cipher, 'case_entries', 'e1', { body: SENTENCE, correction_reason: 'typo' });
    expect(() => openFields(cipher, 'case_entries', 'e2', sealed.data_key, { body: sealed.body, correction_reason: null })).toThrow();
    expect(() => openFields(cipher, 'case_entries', 'e1', sealed.data_key, { body: sealed.correction_reason, correction_reason: null })).toThrow();
  });

  it('returns a row from before sealing as it is', () => {
    expect(openFields(cipher, 'parent_contacts', 'x', null, { notes: 'oud' }).notes).toBe('oud');
  });

  it('re-wraps a data key under a new master key without touching the record, and then needs the new key', () => {
    const sealed = sealFields(cipher, 'case_entries', 'e1', { body: SENTENCE, correction_reason: null });
    const rotating = new RecordCipher(MasterKeyring.of(newKey, oldKey));
    const rewrapped = rotating.rewrap(sealed.data_key);
    expect(RecordCipher.wrappedUnder(rewrapped)).toBe(newKey.id());
    expect(openFields(rotating, 'case_entries', 'e1', rewrapped, { body: sealed.body, correction_reason: null }).body).toBe(SENTENCE);
    expect(() => cipher.unwrap(rewrapped)).toThrow(UnknownKeyError);
  });
});
