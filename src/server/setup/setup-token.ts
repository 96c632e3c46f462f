import { randomBytes } from 'node:crypto';
import type { Repositories } from '../../db/repositories.js';
import { hashToken } from '../auth/session-token.js';

const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * With an empty database, makes a one-time setup token and returns the link to print. Whoever
 * reaches a fresh server first cannot become its administrator without the link.
 */
export async function issueSetupLinkIfNeeded(repos: Repositories, publicUrl: URL, now: Date): Promise<string | null> {
  if (await repos.boards.anyBoardExists()) return null;
  const token = randomBytes(24).toString('base64url');
  await repos.setupTokens.store(hashToken(token), now, new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS));
  // In the fragment, so the token never reaches a server log or a Referer header.
  return new URL(`/setup#token=${token}`, publicUrl).toString();
}
