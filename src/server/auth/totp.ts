import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as authenticator apps expect: base32 secret, SHA-1, 6 digits, 30 seconds. */
const PERIOD_SECONDS = 30;
// One step either side: a phone clock a little off, or a code typed as it changed.
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: 'Meldpad', label: accountName, secret });
}

/** The time step the code belongs to, or null when it is not valid now (or not after `afterStep`). */
export async function verifyTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
