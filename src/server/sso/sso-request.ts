import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import type { MasterKey } from '../security/master-key.js';

/** How long a person has at the identity provider before the sign-in must start again. */
export const SSO_REQUEST_MS = 10 * 60 * 1000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * The nonce and the PKCE code verifier of a sign-in, derived from its state with a key of the
 * master key. Only their hashes are stored: a copy of the database cannot finish anyone's sign-in,
 * and the browser carries nothing but the state.
 */
export function requestSecrets(masterKey: MasterKey, state: string): { nonce: string; codeVerifier: string } {
  const key = masterKey.derive('sso-request');
  const derive = (label: string) => createHmac('sha256', key).update(`${label}:${state}`).digest('base64url');
  // 43 characters of base64url: the shortest verifier RFC 7636 allows, with 256 bits.
  return { nonce: derive('nonce'), codeVerifier: derive('pkce') };
}

/** A new random state (256 bits). */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The cookie that ties a sign-in to the browser that started it, so that nobody can send another
 * person's browser to the callback with their own code (login CSRF). SameSite=Lax: the provider
 * sends the browser back with a cross-site navigation, which carries Lax cookies but not Strict ones.
 */
const COOKIE_PATH = '/api/auth/sso/';

function cookieName(config: Config): string {
  return config.publicUrl.protocol === 'https:' ? '__Secure-meldpad-sso' : 'meldpad-sso';
}

export function setBrowserCookie(reply: FastifyReply, config: Config): string {
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.protocol === 'https:',
    path: COOKIE_PATH,
    maxAge: SSO_REQUEST_MS / 1000,
  });
  return token;
}

/** The browser's sign-in cookie, if any; it is cleared: a sign-in finishes once. */
export function takeBrowserCookie(request: FastifyRequest, reply: FastifyReply, config: Config): string | null {
  const value = request.cookies[cookieName(config)];
  if (value !== undefined) {
    reply.clearCookie(cookieName(config), { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.protocol === 'https:', path: COOKIE_PATH });
  }
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
