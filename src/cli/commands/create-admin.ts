import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../server/config/config.js';
import { createAccount } from '../../server/people/accounts.js';
import { createContext, openDataStore } from '../../server/start.js';
import { generatedPassword } from '../generated-password.js';
import { UsageError } from '../usage-error.js';

/**
 * Adds a functional administrator, for the first one without a browser or when nobody can sign in
 * as administrator any more. The password is generated and printed once; the person enrols a
 * second factor at first sign-in.
 */
export async function createAdminCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      school: { type: 'string' },
      'board-name': { type: 'string' },
      'school-name': { type: 'string' },
    },
  });
  const email = z.string().trim().toLowerCase().email().safeParse(values.email ?? '');
  if (!email.success) throw new UsageError('--email must be an e-mail address');
  const name = values.name?.trim();
  if (!name || name.length < 2) throw new UsageError('--name is required');

  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const ctx = createContext(config, db, keys);
    const now = ctx.now();
    if (await ctx.repos.users.findByEmail(email.data)) throw new UsageError(`an account with ${email.data} exists already`);
    const password = generatedPassword();
    const setUp = await ctx.repos.boards.anyBoardExists();
    await db.kysely.transaction().execute(async (tx) => {
      let boardId: string;
      let schoolId: string;
      if (!setUp) {
        const boardName = values['board-name']?.trim();
        const schoolName = values['school-name']?.trim();
        if (!boardName || !schoolName) throw new UsageError('the database is empty: give --board-name and --school-name too');
        boardId = randomUUID();
        schoolId = randomUUID();
        await ctx.repos.boards.createBoard({ id: boardId, name: boardName, at: now }, tx);
        await ctx.repos.boards.createSchool({ id: schoolId, boardId, name: schoolName, at: now }, tx);
        await ctx.repos.setupTokens.deleteAll(tx);
      } else {
        const school = values.school ? await ctx.repos.boards.findSchoolByName(values.school.trim()) : await ctx.repos.boards.firstSchool();
        if (!school) throw new UsageError(`no school named "${values.school ?? ''}"`);
        boardId = school.boardId;
        schoolId = school.id;
      }
      const userId = await createAccount(ctx.repos, { boardId, email: email.data, name, password, memberships: [{ schoolId, role: 'administrator' }] }, now, tx);
      await ctx.repos.audit.append({ occurredAt: now, action: 'cli.create-admin', outcome: 'success', boardId, schoolId, subjectId: userId }, tx);
    });
    console.log(`Functioneel beheerder ${email.data} is aangemaakt. / Functional administrator created.`);
    console.log(`Eenmalig wachtwoord / one-time password: ${password}`);
    console.log('Bij de eerste aanmelding stelt deze persoon tweestapsverificatie in. / Two-step verification is set up at first sign-in.');
    return 0;
  } finally {
    await db.close();
  }
}
