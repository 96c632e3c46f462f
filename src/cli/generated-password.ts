import { randomBytes } from 'node:crypto';

/** A password for an account made from the command line: 24 random characters, shown once. */
export function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}
