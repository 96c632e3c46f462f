import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/people/roles.js';
import type { AppContext } from '../../server/app-context.js';
import { newTotpSecret } from '../../server/auth/totp.js';
import { createAccount } from '../../server/people/accounts.js';
import { SecretBox } from '../../server/security/secret-box.js';
import { generatedPassword } from '../generated-password.js';

/** One demo account as written to the accounts file. */
export interface DemoAccount {
  email: string;
  password: string;
  totpSecret: string;
  role: Role;
  school: string | null;
}

// Every name here is invented.
const BOARD = 'Stichting Fictief Onderwijs Maasstad';
const SCHOOLS = ['OBS De Regenboog', 'Basisschool Het Kompas'] as const;
const PEOPLE: { role: Role; name: string; local: string; school: (typeof SCHOOLS)[number] | null }[] = [
  { role: 'teacher', name: 'Sanne de Wit', local: 'leerkracht', school: SCHOOLS[0] },
  { role: 'ib', name: 'Yasmina El Amrani', local: 'ib', school: SCHOOLS[0] },
  { role: 'smw', name: 'Kees Doğan', local: 'smw', school: SCHOOLS[0] },
  { role: 'director', name: 'Marieke Jansen', local: 'directie', school: SCHOOLS[0] },
  { role: 'administrator', name: 'Ruud Verbeek', local: 'beheer', school: SCHOOLS[0] },
  { role: 'board', name: 'Anneloes Vermeulen', local: 'bestuur', school: null },
];
const MAIL_DOMAIN = 'demo.meldpad.example';

export class DatabaseNotEmptyError extends Error {}

/**
 * Fills an empty database with a fictional board: two schools and one account per role, each
 * already enrolled in TOTP, so that a person or a test can sign in at once.
 */
export async function createDemoBoard(ctx: AppContext): Promise<DemoAccount[]> {
  if (await ctx.repos.boards.anyBoardExists()) throw new DatabaseNotEmptyError('the database is not empty; the demo needs an empty one');
  const now = ctx.now();
  const box = new SecretBox(ctx.masterKey, 'totp-secret');
  const boardId = randomUUID();
  const schoolIds = new Map<string, string>(SCHOOLS.map((name) => [name, randomUUID()]));
  const accounts: DemoAccount[] = [];
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await ctx.repos.boards.createBoard({ id: boardId, name: BOARD, at: now }, tx);
    for (const [name, id] of schoolIds) await ctx.repos.boards.createSchool({ id, boardId, name, at: now }, tx);
    await ctx.repos.setupTokens.deleteAll(tx);
    for (const person of PEOPLE) {
      const password = generatedPassword();
      const totpSecret = newTotpSecret();
      const email = `${person.local}@${MAIL_DOMAIN}`;
      const schoolId = person.school ? schoolIds.get(person.school)! : null;
      const userId = await createAccount(ctx.repos, { boardId, email, name: person.name, password, memberships: [{ schoolId, role: person.role }] }, now, tx);
      // Step 0: any real code is later, so the first sign-in with a current code is accepted.
      await ctx.repos.users.confirmTotp(userId, box.seal(totpSecret), 0, now, tx);
      accounts.push({ email, password, totpSecret, role: person.role, school: person.school });
    }
    await ctx.repos.audit.append({ occurredAt: now, action: 'cli.demo', outcome: 'success', boardId }, tx);
  });
  return accounts;
}
