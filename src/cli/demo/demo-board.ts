import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/people/roles.js';
import type { AppContext } from '../../server/app-context.js';
import { newTotpSecret } from '../../server/auth/totp.js';
import { createAccount } from '../../server/people/accounts.js';
import { SecretBox } from '../../server/security/secret-box.js';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import { schoolDate } from '../../server/pupils/school-date.js';
import { generatedPassword } from '../generated-password.js';
import { createDemoCases } from './demo-cases.js';
import { createDemoPupils } from './demo-pupils.js';

/** One demo account as written to the accounts file. */
export interface DemoAccount {
  email: string;
  password: string;
  totpSecret: string;
  role: Role;
  /** The school the account acts for first; null for the board. */
  school: string | null;
  /** Every school where the account works (an SMW serves both). */
  schools: string[];
  /** For teachers: the groups they teach. */
  groups?: string[];
}

// Every name here is invented.
const BOARD = 'Stichting Fictief Onderwijs Maasstad';
const MAIL_DOMAIN = 'demo.meldpad.example';

interface DemoSchool {
  name: string;
  slug: string;
  settings: { brin: string; region: string; veiligThuisRegion: string; riskIndexName: string; wijkteam: string; youthProtection: string; smwOrganisation: string };
  groups: { name: string; yearGroups: number[] }[];
  staff: { role: Role; name: string; local: string; groups?: string[] }[];
}

const REGION = {
  region: 'Rotterdam-Rijnmond',
  veiligThuisRegion: 'Veilig Thuis Rotterdam Rijnmond',
  riskIndexName: 'SISA',
  youthProtection: 'Jeugdbescherming Rotterdam Rijnmond (JBRR)',
  smwOrganisation: 'Fictief Welzijn Maasstad',
};

const SCHOOLS: DemoSchool[] = [
  {
    name: 'OBS De Regenboog',
    slug: 'regenboog',
    settings: { brin: '99ZZ', wijkteam: 'Wijkteam Maasstad-Noord', ...REGION },
    groups: [
      { name: 'Groep 1/2 Otters', yearGroups: [1, 2] },
      { name: 'Groep 3 Vossen', yearGroups: [3] },
      { name: 'Groep 4 Egels', yearGroups: [4] },
      { name: 'Groep 5/6 Bevers', yearGroups: [5, 6] },
      { name: 'Groep 7 Herten', yearGroups: [7] },
      { name: 'Groep 8 Dolfijnen', yearGroups: [8] },
    ],
    staff: [
      { role: 'teacher', name: 'Sanne de Wit', local: 'leerkracht', groups: ['Groep 3 Vossen', 'Groep 4 Egels'] },
      { role: 'teacher', name: 'Bilal Öztürk', local: 'leerkracht2', groups: ['Groep 7 Herten'] },
      { role: 'ib', name: 'Yasmina El Amrani', local: 'ib' },
      { role: 'director', name: 'Marieke Jansen', local: 'directie' },
      { role: 'administrator', name: 'Ruud Verbeek', local: 'beheer' },
    ],
  },
  {
    name: 'Basisschool Het Kompas',
    slug: 'kompas',
    settings: { brin: '99YY', wijkteam: 'Wijkteam Maasstad-Zuid', ...REGION },
    groups: [
      { name: 'Groep 1/2 Zeesterren', yearGroups: [1, 2] },
      { name: 'Groep 3/4 Meeuwen', yearGroups: [3, 4] },
      { name: 'Groep 5 Reigers', yearGroups: [5] },
      { name: 'Groep 6 Zwaluwen', yearGroups: [6] },
      { name: 'Groep 7/8 Valken', yearGroups: [7, 8] },
    ],
    staff: [
      { role: 'teacher', name: 'Łukasz Nowak', local: 'leerkracht', groups: ['Groep 5 Reigers'] },
      { role: 'ib', name: 'Priya Ramdin', local: 'ib' },
      { role: 'director', name: 'Henk Bos', local: 'directie' },
      { role: 'administrator', name: 'Fleur van Dam', local: 'beheer' },
    ],
  },
];

const SHARED_SMW = { role: 'smw' as const, name: 'Kees Doğan', email: `smw@${MAIL_DOMAIN}` };
const BOARD_MEMBER = { role: 'board' as const, name: 'Anneloes Vermeulen', email: `bestuur@${MAIL_DOMAIN}` };

export class DatabaseNotEmptyError extends Error {}

/**
 * Fills an empty database with a fictional board: two schools with groups and pupils (families,
 * separated parents, start-of-year talks), one account per role at each, an SMW who serves both
 * schools and a board member — each already enrolled in TOTP, so that a person or a test can sign
 * in at once.
 */
export async function createDemoBoard(ctx: AppContext, options: { pupilsPerSchool?: number; cases?: boolean } = {}): Promise<DemoAccount[]> {
  const pupilsPerSchool = options.pupilsPerSchool ?? 200;
  const withCases = options.cases ?? true;
  if (await ctx.repos.boards.anyBoardExists()) throw new DatabaseNotEmptyError('the database is not empty; the demo needs an empty one');
  const now = ctx.now();
  const box = new SecretBox(ctx.secretsKey, 'totp-secret');
  const boardId = randomUUID();
  const accounts: DemoAccount[] = [];

  async function addPerson(
    tx: Kysely<Database>,
    person: { name: string; email: string },
    memberships: { schoolId: string | null; role: Role }[],
  ): Promise<{ userId: string; password: string; totpSecret: string }> {
    const password = generatedPassword();
    const totpSecret = newTotpSecret();
    const userId = await createAccount(ctx.repos, { boardId, email: person.email, name: person.name, password, memberships }, now, tx);
    // Step 0: any real code is later, so the first sign-in with a current code is accepted.
    await ctx.repos.users.confirmTotp(userId, box.seal(totpSecret), 0, now, tx);
    return { userId, password, totpSecret };
  }

  await ctx.db.kysely.transaction().execute(async (tx) => {
    await ctx.repos.boards.createBoard({ id: boardId, name: BOARD, at: now }, tx);
    await ctx.repos.setupTokens.deleteAll(tx);
    const schoolIds: string[] = [];
    const forPupils: Parameters<typeof createDemoPupils>[2] = [];
    const people = new Map<string, string>();
    for (const school of SCHOOLS) {
      const schoolId = randomUUID();
      schoolIds.push(schoolId);
      const scope = { schoolId, userId: '' };
      await ctx.repos.boards.createSchool({ id: schoolId, boardId, name: school.name, at: now }, tx);
      await ctx.repos.schoolSettings.update(scope, { name: school.name, veiligThuisPhone: null, ...school.settings }, tx);
      const groupIds = new Map<string, string>();
      for (const group of school.groups) {
        const id = randomUUID();
        groupIds.set(group.name, id);
        await ctx.repos.groups.create(scope, { id, name: group.name, yearGroups: group.yearGroups, at: now }, tx);
      }
      const teachersOfGroup = new Map<string, string[]>();
      let ibOfSchool = '';
      for (const member of school.staff) {
        const email = `${member.local}.${school.slug}@${MAIL_DOMAIN}`;
        const created = await addPerson(tx, { name: member.name, email }, [{ schoolId, role: member.role }]);
        for (const groupName of member.groups ?? []) {
          const groupId = groupIds.get(groupName)!;
          // Everything inside the transaction goes through `tx`: SQLite has one connection.
          const teachers = [...(teachersOfGroup.get(groupId) ?? []), created.userId];
          teachersOfGroup.set(groupId, teachers);
          await ctx.repos.groups.setTeachers(scope, groupId, teachers, now, tx);
        }
        accounts.push({ email, password: created.password, totpSecret: created.totpSecret, role: member.role, school: school.name, schools: [school.name], ...(member.groups ? { groups: member.groups } : {}) });
        if (member.role === 'ib') ibOfSchool = created.userId;
        people.set(`${school.slug}:${member.local}`, created.userId);
      }
      forPupils.push({
        schoolId,
        groups: school.groups.map((g) => ({ id: groupIds.get(g.name)!, yearGroups: g.yearGroups, teacherIds: teachersOfGroup.get(groupIds.get(g.name)!) ?? [] })),
        fallbackStaffId: ibOfSchool,
      });
    }
    const pupils = await createDemoPupils(ctx, boardId, forPupils, pupilsPerSchool, schoolYearOf(schoolDate(now)), tx);
    const smw = await addPerson(tx, SHARED_SMW, schoolIds.map((schoolId) => ({ schoolId, role: 'smw' as const })));
    // The school acted for first is the first by name, as at every sign-in.
    const smwSchools = SCHOOLS.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    accounts.push({ email: SHARED_SMW.email, password: smw.password, totpSecret: smw.totpSecret, role: 'smw', school: smwSchools[0]!, schools: smwSchools });
    const board = await addPerson(tx, BOARD_MEMBER, [{ schoolId: null, role: 'board' }]);
    accounts.push({ email: BOARD_MEMBER.email, password: board.password, totpSecret: board.totpSecret, role: 'board', school: null, schools: [] });
    if (withCases) {
      for (const [index, school] of SCHOOLS.entries()) {
        const schoolId = schoolIds[index]!;
        const groupsOf = (local: string) => new Set(school.staff.find((m) => m.local === local)?.groups ?? []);
        const groupIdsOf = (local: string) => forPupils[index]!.groups.filter((g, i) => groupsOf(local).has(school.groups[i]!.name)).map((g) => g.id);
        const pupilsIn = (groupIds: string[]) => pupils.filter((p) => p.schoolId === schoolId && groupIds.includes(p.groupId));
        await createDemoCases(
          ctx,
          {
            schoolId,
            boardId,
            teacherId: people.get(`${school.slug}:leerkracht`)!,
            teacher2Id: people.get(`${school.slug}:leerkracht2`) ?? null,
            ibId: people.get(`${school.slug}:ib`)!,
            directorId: people.get(`${school.slug}:directie`)!,
            smwId: smw.userId,
            boardMemberIds: [board.userId],
            pupilsOfTeacher: pupilsIn(groupIdsOf('leerkracht')),
            pupilsOfTeacher2: pupilsIn(groupIdsOf('leerkracht2')),
          },
          tx,
          // The first school gets a case in every state; the other one a single fresh case.
          { full: index === 0 },
        );
      }
    }
    await ctx.repos.audit.append({ occurredAt: now, action: 'cli.demo', outcome: 'success', boardId }, tx);
  });
  return accounts;
}
