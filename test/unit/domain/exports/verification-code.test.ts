import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, exportIdFromBytes, exportIdFromCode, findVerificationCode, verificationCode } from '../../../../src/domain/exports/verification-code.js';

describe('the verification code of a dossier PDF', () => {
  it('groups the twelve-character export id as MP-XXXX-XXXX-XXXX, in an alphabet without I, L, O and U', () => {
    const id = exportIdFromBytes(new Uint8Array([0, 1, 2, 3, 31, 30, 29, 28, 32, 255, 64, 100]));
    expect(id).toBe('0123ZYXW0Z04');
    expect(verificationCode(id)).toBe('MP-0123-ZYXW-0Z04');
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('reads a code back leniently: lower case, spaces, no dashes, O for 0 and I or L for 1', () => {
    expect(exportIdFromCode('MP-0123-ZYXW-0Z04')).toBe('0123ZYXW0Z04');
    expect(exportIdFromCode('mp 0123 zyxw 0z04')).toBe('0123ZYXW0Z04');
    expect(exportIdFromCode('MP-O1I3-ZYXW-OZ04')).toBe('0113ZYXW0Z04');
    expect(exportIdFromCode('0123ZYXW0Z04')).toBe('0123ZYXW0Z04');
    expect(exportIdFromCode('MP-0123-ZYXW-0Z0')).toBeNull();
    expect(exportIdFromCode('MP-0123-ZYXW-0Z0U')).toBeNull();
    expect(exportIdFromCode('')).toBeNull();
  });

  it('round-trips every id drawn from random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        const id = exportIdFromBytes(bytes);
        expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
        expect(exportIdFromCode(verificationCode(id))).toBe(id);
        expect(findVerificationCode(`Subject (Meldpad ${verificationCode(id)}) >>`)).toBe(verificationCode(id));
      }),
    );
  });

  it('needs twelve random bytes', () => {
    expect(() => exportIdFromBytes(new Uint8Array(11))).toThrow();
  });

  it('finds no code in a text without one', () => {
    expect(findVerificationCode('%PDF-1.7 niets hier MP-123')).toBeNull();
  });
});
