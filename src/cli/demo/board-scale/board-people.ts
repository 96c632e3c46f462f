import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, UserTable } from '../../../db/schema.js';
import { DEFAULT_PROTOCOL } from '../../../domain/cases/protocol/default-template.js';
import type { Role } from '../../../domain/people/roles.js';
import type { AppContext } from '../../../server/app-context.js';
import { hashPassword } from '../../../server/auth/password-hashing.js';
import { newTotpSecret } from '../../../server/auth/totp.js';
import { SecretBox } from '../../../server/security/secret-box.js';
import { generatedPassword } from '../../generated-password.js';
import type { DemoAccount } from '../demo-board.js';
import { insertRows } from './bulk-insert.js';

// Every name here is invented.
export const BOARD_NAME = 'Stichting Fictief Onderwijs Groot-Maasstad';
const MAIL_DOMAIN = 'demo.meldpad.example';
const PREFIXES = ['OBS', 'Basisschool', 'CBS', 'IKC', 'RKBS'];
const NAMES = [
  'De Regenboog', 'Het Kompas', 'De Vlinder', 'De Zonnebloem', 'Het Anker', 'De Springplank', 'De Klimop', 'Het Palet', 'De Wilgen', 'De Meander',
  'De Horizon', 'Het Baken', 'De Toermalijn', 'De Kameleon', 'De Notenkraker', 'Het Speelwerk', 'De Vuurtoren', 'De Piramide', 'Het Mozaïek', 'De Boomgaard',
];
const DISTRICTS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Haven', 'Polder', 'Dijk', 'Park', 'Veld'];
const STAFF_GIVEN = ['Sanne', 'Bilal', 'Yasmina', 'Marieke', 'Ruud', 'Priya', 'Henk', 'Fleur', 'Łukasz', 'Kees', 'Anneloes', 'Esther', 'Mourad', 'Ingrid', 'Dewi', 'Joost', 'Naima', 'Pieter'];
const STAFF_SURNAMES = ['de Wit', 'Öztürk', 'El Amrani', 'Jansen', 'Verbeek', 'Ramdin', 'Bos', 'van Dam', 'Nowak', 'Doğan', 'Vermeulen', 'Kramer', 'Bakkali', 'de Boer', 'Sitompul', 'Hendriks', 'Ouali', 'Mulder'];
const GROUPS: { name: string; yearGroups: number[] }[] = [
  { name: 'Groep 1/2 A', yearGroups: [1, 2] },
  { name: 'Groep 1/2 B', yearGroups: [1, 2] },
  { name: 'Groep 3', yearGroups: [3] },
  { name: 'Groep 4', yearGroups: [4] },
  { name: 'Groep 5', yearGroups: [5] },
  { name: 'Groep 6', yearGroups: [6] },
  { name: 'Groep 7', yearGroups: [7] },
  { name: 'Groep 8', yearGroups: [8] },
];
/** One SMW serves this many neighbouring schools. */
const SCHOOLS_PER_SMW = 10;

export interface BoardGroup {
  id: string;
  yearGroups: number[];
  teacherId: string;
}

export interface BoardSchool {
  id: string;
  name: string;
  groups: BoardGroup[];
  ibId: string;
  directorId: string;
  smwId: string;
  protocolVersionId: string;
}

export interface BoardPeople {
  boardId: string;
  schools: BoardSchool[];
  boardMemberId: string;
  accounts: DemoAccount[];
}

/**
 * The board, its schools with groups and settings, and their staff: a teacher per group, an IB'er,
 * a director and an administrator per school, an SMW per ten schools and one board member. The people
 * of the first school, its SMW and the board member are real demo accounts (password and confirmed
 * TOTP, written to the accounts file); everyone else shares one password hash of a password nobody
 * knows (hashing 2,000 passwords would take minutes and tell nothing) and has not enrolled in TOTP.
 */
export async function createBoardPeople(ctx: AppContext, tx: Kysely<Database>, schoolCount: number): Promise<BoardPeople> {
  const now = ctx.now();
  const at = now.toISOString();
  const box = new SecretBox(ctx.secretsKey, 'totp-secret');
  const boardId = randomUUID();
  await ctx.repos.boards.createBoard({ id: boardId, name: BOARD_NAME, at: now }, tx);
  await ctx.repos.setupTokens.deleteAll(tx);
  const unknownPasswordHash = await hashPassword(generatedPassword());
  const users: Insertable<UserTable>[] = [];
  const memberships: Insertable<Database['memberships']>[] = [];
  const accounts: DemoAccount[] = [];
  let staffNumber = 0;

  const addUser = async (email: string, role: Role, schoolIds: (string | null)[], account: { schools: string[]; school: string | null; groups?: string[] } | null): Promise<string> => {
    const id = randomUUID();
    staffNumber += 1;
    const name = `${STAFF_GIVEN[staffNumber % STAFF_GIVEN.length]} ${STAFF_SURNAMES[(staffNumber * 7) % STAFF_SURNAMES.length]}`;
    let passwordHash = unknownPasswordHash;
    let totp: Pick<UserTable, 'totp_secret' | 'totp_confirmed_at' | 'totp_last_step'> = { totp_secret: null, totp_confirmed_at: null, totp_last_step: null };
    if (account) {
      const password = generatedPassword();
      const totpSecret = newTotpSecret();
      passwordHash = await hashPassword(password);
      // Step 0: any real code is later, so the first sign-in with a current code is accepted.
      totp = { totp_secret: box.seal(totpSecret), totp_confirmed_at: at, totp_last_step: 0 };
      accounts.push({ email, password, totpSecret, role, school: account.school, schools: account.schools, ...(account.groups ? { groups: account.groups } : {}) });
    }
    users.push({ id, board_id: boardId, email, name, password_hash: passwordHash, totp_pending_secret: null, deactivated_at: null, created_at: at, ...totp });
    for (const schoolId of schoolIds) memberships.push({ id: randomUUID(), user_id: id, board_id: boardId, school_id: schoolId, role, created_at: at });
    return id;
  };

  const schools: BoardSchool[] = [];
  const schoolRows: Insertable<Database['schools']>[] = [];
  const groupRows: Insertable<Database['groups']>[] = [];
  const groupTeachers: Insertable<Database['group_teachers']>[] = [];
  const protocolRows: Insertable<Database['protocol_versions']>[] = [];
  const protocolContent = JSON.stringify(DEFAULT_PROTOCOL);
  let smwId = '';
  let smwSchools: { id: string; name: string }[] = [];
  const smwBlocks: { id: string; schools: { id: string; name: string }[] }[] = [];

  for (let s = 0; s < schoolCount; s++) {
    const id = randomUUID();
    const name = s === 0 ? 'OBS De Regenboog' : `${PREFIXES[s % PREFIXES.length]} ${NAMES[s % NAMES.length]} ${DISTRICTS[Math.floor(s / NAMES.length) % DISTRICTS.length]}${s >= NAMES.length * DISTRICTS.length ? ` ${s}` : ''}`;
    const slug = s === 0 ? 'regenboog' : `school${String(s).padStart(3, '0')}`;
    const real = s === 0;
    schoolRows.push({
      id, board_id: boardId, name, created_at: at, brin: `${String(10 + (s % 90))}ZZ`, region: 'Rotterdam-Rijnmond', veilig_thuis_region: 'Veilig Thuis Rotterdam Rijnmond',
      veilig_thuis_phone: null, risk_index_name: 'SISA', wijkteam: `Wijkteam Maasstad-${DISTRICTS[s % DISTRICTS.length]}`, youth_protection: 'Jeugdbescherming Rotterdam Rijnmond (JBRR)', smw_organisation: 'Fictief Welzijn Maasstad',
    });
    if (s % SCHOOLS_PER_SMW === 0) {
      smwSchools = [];
      smwId = randomUUID();
      smwBlocks.push({ id: smwId, schools: smwSchools });
    }
    smwSchools.push({ id, name });
    const groups: BoardGroup[] = [];
    for (const [g, group] of GROUPS.entries()) {
      const groupId = randomUUID();
      // The first school's teacher of groep 3 is a real account; every other teacher is a staff row.
      const email = real && g === 2 ? `leerkracht.${slug}@${MAIL_DOMAIN}` : `leerkracht${g + 1}.${slug}@${MAIL_DOMAIN}`;
      const teacherId = await addUser(email, 'teacher', [id], real && g === 2 ? { school: name, schools: [name], groups: [group.name] } : null);
      groupRows.push({ id: groupId, school_id: id, name: group.name, year_groups: group.yearGroups.join(','), created_at: at, archived_at: null });
      groupTeachers.push({ group_id: groupId, user_id: teacherId, school_id: id, created_at: at });
      groups.push({ id: groupId, yearGroups: group.yearGroups, teacherId });
    }
    const one = real ? { school: name, schools: [name] } : null;
    const ibId = await addUser(`ib.${slug}@${MAIL_DOMAIN}`, 'ib', [id], one);
    const directorId = await addUser(`directie.${slug}@${MAIL_DOMAIN}`, 'director', [id], one);
    await addUser(`beheer.${slug}@${MAIL_DOMAIN}`, 'administrator', [id], one);
    const protocolVersionId = randomUUID();
    protocolRows.push({ id: protocolVersionId, school_id: id, version: 1, content: protocolContent, change_note: null, created_by: null, created_at: at });
    schools.push({ id, name, groups, ibId, directorId, smwId, protocolVersionId });
  }
  for (const [index, block] of smwBlocks.entries()) {
    const names = block.schools.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    const email = index === 0 ? `smw@${MAIL_DOMAIN}` : `smw${index + 1}@${MAIL_DOMAIN}`;
    const userId = await addUser(email, 'smw', block.schools.map((s) => s.id), index === 0 ? { school: names[0]!, schools: names } : null);
    for (const school of schools) if (school.smwId === block.id) school.smwId = userId;
  }
  const boardMemberId = await addUser(`bestuur@${MAIL_DOMAIN}`, 'board', [null], { school: null, schools: [] });

  await insertRows(tx, 'schools', schoolRows);
  await insertRows(tx, 'users', users);
  await insertRows(tx, 'memberships', memberships);
  await insertRows(tx, 'groups', groupRows);
  await insertRows(tx, 'group_teachers', groupTeachers);
  await insertRows(tx, 'protocol_versions', protocolRows);
  return { boardId, schools, boardMemberId, accounts };
}
