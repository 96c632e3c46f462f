import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountLinkKind } from '../../db/repositories/account-links-repository.js';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/people/roles.js';
import type { AppContext } from '../app-context.js';
import { hashToken } from '../auth/session-token.js';

/** Invitation and password-reset links are valid for seven days. */
export const ACCOUNT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const PAGES: Record<AccountLinkKind, string> = { invitation: '/uitnodiging', 'password-reset': '/wachtwoord-instellen' };

export interface IssuedLink {
  id: string;
  /** The full link; the token sits in the fragment, so it reaches no server log or Referer. */
  url: string;
  expiresAt: Date;
}

export async function issueAccountLink(
  ctx: AppContext,
  link: { kind: AccountLinkKind; boardId: string; schoolId: string; userId: string | null; email: string; name: string; roles: Role[]; createdBy: string },
  executor: Kysely<Database>,
): Promise<IssuedLink> {
  const token = randomBytes(24).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_LIFETIME_MS);
  const id = randomUUID();
  await ctx.repos.accountLinks.create({ id, tokenHash: hashToken(token), createdAt: now, expiresAt, ...link }, executor);
  return { id, url: new URL(`${PAGES[link.kind]}#token=${token}`, ctx.config.publicUrl).toString(), expiresAt };
}

/**
 * Sends the link by mail when a mail server is configured; otherwise (or when sending fails) the
 * administrator gets it to pass on. The mail names the school and the person, nothing more.
 */
export async function deliverAccountLink(
  ctx: AppContext,
  link: IssuedLink,
  to: { email: string; name: string; schoolName: string; kind: AccountLinkKind },
): Promise<{ delivered: 'email' | 'manual'; link?: string; expiresAt: string }> {
  const expiresAt = link.expiresAt.toISOString();
  if (!ctx.mailer) return { delivered: 'manual', link: link.url, expiresAt };
  const days = Math.round(ACCOUNT_LINK_LIFETIME_MS / (24 * 60 * 60 * 1000));
  const message =
    to.kind === 'invitation'
      ? {
          subject: `Uitnodiging voor Meldpad van ${to.schoolName}`,
          text: `Beste ${to.name},\n\nU bent uitgenodigd om Meldpad te gebruiken voor ${to.schoolName}. Open deze link om uw account aan te maken (${days} dagen geldig):\n\n${link.url}\n\nHeeft u deze uitnodiging niet verwacht? Dan kunt u dit bericht negeren.\n\n— Meldpad`,
        }
      : {
          subject: 'Nieuw wachtwoord instellen voor Meldpad',
          text: `Beste ${to.name},\n\nDe functioneel beheerder van ${to.schoolName} heeft een nieuw wachtwoord voor u aangevraagd. Open deze link om het in te stellen (${days} dagen geldig):\n\n${link.url}\n\n— Meldpad`,
        };
  try {
    await ctx.mailer.send({ to: to.email, ...message });
    return { delivered: 'email', expiresAt };
  } catch {
    // The link exists and works; the administrator passes it on by hand.
    return { delivered: 'manual', link: link.url, expiresAt };
  }
}
