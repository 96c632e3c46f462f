/**
 * The verification code printed on every page of a dossier PDF: the export's id in a form a person
 * can read aloud and type (`MP-7K3Q-9XH2-B4RD`). Crockford's base-32 alphabet leaves out I, L, O
 * and U, so a code read back with 1/I or 0/O mixed up still finds its export.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const EXPORT_ID_LENGTH = 12;

/** An export id from random bytes (the caller draws them: the domain has no randomness of its own). */
export function exportIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < EXPORT_ID_LENGTH) throw new Error(`an export id needs ${EXPORT_ID_LENGTH} random bytes`);
  let id = '';
  // 32 divides 256: each byte's low five bits are uniformly random.
  for (let i = 0; i < EXPORT_ID_LENGTH; i++) id += CODE_ALPHABET[bytes[i]! & 31];
  return id;
}

/** `MP-XXXX-XXXX-XXXX` for an export id. */
export function verificationCode(exportId: string): string {
  return `MP-${exportId.slice(0, 4)}-${exportId.slice(4, 8)}-${exportId.slice(8, 12)}`;
}

/** The export id a code names, read leniently (case, spaces, dashes, 0/O, 1/I/L); null when it is no code. */
export function exportIdFromCode(code: string): string | null {
  let id = code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (id.startsWith('MP')) id = id.slice(2);
  if (id.length !== EXPORT_ID_LENGTH) return null;
  for (const ch of id) if (!CODE_ALPHABET.includes(ch)) return null;
  return id;
}

const CODE_IN_TEXT = /MP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;

/** The first verification code in a text (a PDF's bytes read as Latin-1 will do), or null. */
export function findVerificationCode(text: string): string | null {
  return CODE_IN_TEXT.exec(text)?.[0] ?? null;
}
