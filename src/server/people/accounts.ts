import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Repositories } from '../../db/repositories.js';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/people/roles.js';
import { hashPassword } from '../auth/password-hashing.js';

export interface NewAccount {
  boardId: string;
  email: string;
  name: string;
  password: string;
  memberships: { schoolId: string | null; role: Role }[];
}

/** Creates a person with their memberships. The password is hashed here; the caller has judged it. */
export async function createAccount(repos: Repositories, account: NewAccount, at: Date, executor: Kysely<Database>): Promise<string> {
  const id = randomUUID();
  const passwordHash = await hashPassword(account.password);
  await repos.users.create({ id, boardId: account.boardId, email: account.email, name: account.name, passwordHash, createdAt: at }, executor);
  for (const membership of account.memberships) {
    await repos.users.addMembership({ id: randomUUID(), userId: id, boardId: account.boardId, ...membership, createdAt: at }, executor);
  }
  return id;
}
