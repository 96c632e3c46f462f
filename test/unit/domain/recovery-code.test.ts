import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeTotpCode, normaliseRecoveryCode, recoveryCodeFromBytes } from '../../../src/domain/auth/recovery-code.js';

describe('recovery codes', () => {
  it('are two groups of five characters without look-alikes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = recoveryCodeFromBytes(bytes);
        expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
        expect(normaliseRecoveryCode(code.toLowerCase().replace('-', ' '))).toBe(code.replace('-', ''));
      }),
    );
  });

  it('rejects what cannot be a recovery code', () => {
    expect(normaliseRecoveryCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJO')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
  });

  it('tells a TOTP code from a recovery code', () => {
    expect(looksLikeTotpCode('123 456')).toBe(true);
    expect(looksLikeTotpCode('12345')).toBe(false);
    expect(looksLikeTotpCode('ABCDE-FGHJK')).toBe(false);
  });
});
