/**
 * Recovery codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * two groups of five. People type them by hand, so case, spaces and dashes do not matter.
 */
export const RECOVERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

/** Builds a code from random bytes supplied by the caller (one byte per character). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error(`need ${RECOVERY_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) {
    // 256 is not a multiple of 31; the slight bias is irrelevant at 49 bits of entropy.
    code += RECOVERY_CODE_ALPHABET[bytes[i]! % RECOVERY_CODE_ALPHABET.length];
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The canonical form of what a person typed, or null if it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const canonical = input.toUpperCase().replace(/[\s-]/g, '');
  if (canonical.length !== RECOVERY_CODE_LENGTH) return null;
  for (const ch of canonical) if (!RECOVERY_CODE_ALPHABET.includes(ch)) return null;
  return canonical;
}

/** Whether the input looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}
