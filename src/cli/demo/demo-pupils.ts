import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../server/app-context.js';

// Fictional names, as varied as a Rotterdam school's. Combined at random; any resemblance is chance.
export const GIVEN = [
  'Noah', 'Emma', 'Mohammed', 'Sara', 'Daan', 'Yara', 'Sem', 'Fatima', 'Liam', 'Nora', 'Ayoub', 'Julia', 'Levi', 'Amira', 'Finn',
  'Tess', 'Bilal', 'Zoë', 'Milan', 'Hiba', 'Luuk', 'Elif', 'Jayden', 'Sophie', 'Yusuf', 'Mila', 'Kerem', 'Lotte', 'Rayan', 'Isa',
  'Aylin', 'Jesse', 'Maryam', 'Bram', 'Naomi', 'Omar', 'Fenna', 'Ilias', 'Roos', 'Adam', 'Zeynep', 'Thijs', 'Lina', 'Oliwia', 'Jakub',
  'Shanaya', 'Dinesh', 'Kiara', 'Wessel', 'Anouk', 'Mehmet', 'Senna', 'Nikola', 'Djenna', 'Ruben', 'Ivy', 'Amin', 'Saar', 'Lucas', 'Esra',
];
export const SURNAMES: [string | null, string][] = [
  [null, 'Bakker'], ['de', 'Vries'], ['van den', 'Berg'], [null, 'El Idrissi'], [null, 'Yılmaz'], [null, 'Doğan'], [null, 'Şahin'], [null, 'Kowalski'],
  [null, 'Nowak'], [null, 'Ramdin'], [null, 'Soekhai'], [null, 'Martina'], [null, 'Tavares'], [null, 'Mendes'], ['van', 'Dijk'], ['de', 'Jong'],
  [null, 'Jansen'], [null, 'Bouzid'], [null, 'Amrani'], [null, 'Öztürk'], [null, 'Kaya'], [null, 'Wiśniewski'], ['ter', 'Horst'], [null, 'Visser'],
  [null, 'Smit'], [null, 'Chaouch'], [null, 'Pinas'], [null, 'Koster'], ['van der', 'Meer'], [null, 'Nguyen'], [null, 'Haddou'], [null, 'Brouwer'],
  [null, 'Mahabier'], [null, 'Lopes'], ['de', 'Graaf'], [null, 'Aydın'], [null, 'Zieliński'], [null, 'Benali'], [null, 'Kartosen'], [null, 'Veenstra'],
];
export const PARENT_INITIALS = ['A.', 'B.', 'C.', 'D.', 'F.', 'H.', 'J.', 'K.', 'L.', 'M.', 'N.', 'R.', 'S.', 'Y.', 'Z.'];

/** A small seeded generator, so the demo is the same every time. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A demo pupil, as the demo cases need them. */
export interface DemoPupil {
  id: string;
  schoolId: string;
  groupId: string;
  callName: string;
}

interface DemoSchoolForPupils {
  schoolId: string;
  /** Groups by id with their year groups, in order. */
  groups: { id: string; yearGroups: number[]; teacherIds: string[] }[];
  /** Who records talks in groups without a teacher of their own. */
  fallbackStaffId: string;
}

/**
 * About `perSchool` fictional pupils per school: families with one to three children (now and then
 * with a child at the other school), separated parents in two households, and start-of-year talks
 * and contacts with parents for this school year.
 */
export async function createDemoPupils(
  ctx: AppContext,
  boardId: string,
  schools: DemoSchoolForPupils[],
  perSchool: number,
  schoolYear: { label: string; startsOn: string },
  tx: Kysely<Database>,
): Promise<DemoPupil[]> {
  const random = seeded(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = ctx.now();
  let pupilNumber = 4101;
  let parentNumber = 0;
  const created: DemoPupil[] = [];

  const addGuardian = async (surname: string, hasAuthority = true): Promise<string> => {
    const id = randomUUID();
    parentNumber += 1;
    await ctx.repos.households.createGuardian(
      boardId,
      {
        id,
        name: `${pick(PARENT_INITIALS)} ${surname}`,
        phone: `06-${String(10000000 + ((parentNumber * 7919) % 89999999)).padStart(8, '0')}`,
        email: `ouder${parentNumber}@mail.example`,
        hasAuthority,
      },
      now,
      tx,
    );
    return id;
  };

  const addChild = async (school: DemoSchoolForPupils, surname: [string | null, string]): Promise<string> => {
    const group = pick(school.groups);
    const year = group.yearGroups[Math.floor(random() * group.yearGroups.length)]!;
    const birthYear = Number(schoolYear.startsOn.slice(0, 4)) - 4 - year;
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const callName = pick(GIVEN);
    const id = randomUUID();
    await ctx.repos.pupils.create(
      { schoolId: school.schoolId, userId: '' },
      id,
      {
        pupilNumber: String(pupilNumber++),
        givenNames: random() < 0.3 ? `${callName} ${pick(GIVEN)}` : callName,
        callName,
        surnamePrefix: surname[0],
        surname: surname[1],
        dateOfBirth: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        sex: random() < 0.5 ? 'f' : 'm',
        groupId: group.id,
        enrolledOn: `${birthYear + 4}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      },
      now,
      tx,
    );
    created.push({ id, schoolId: school.schoolId, groupId: group.id, callName });
    // Most talks of this year are done by November; some are still to do.
    if (random() < 0.65) {
      const staff = group.teacherIds[0] ?? school.fallbackStaffId;
      await ctx.repos.preventive.saveTalk(
        { schoolId: school.schoolId, userId: staff },
        { id: randomUUID(), pupilId: id, schoolYear: schoolYear.label, heldOn: `${schoolYear.startsOn.slice(0, 4)}-09-${String(2 + Math.floor(random() * 26)).padStart(2, '0')}`, staffUserId: staff, guardianIds: [], notes: null, at: now },
        tx,
      );
    }
    return id;
  };

  for (const [index, school] of schools.entries()) {
    let count = 0;
    while (count < perSchool) {
      const surname = pick(SURNAMES);
      const children = 1 + Math.floor(random() * random() * 3.2);
      const pupilIds: string[] = [];
      for (let c = 0; c < children && count < perSchool; c++, count++) pupilIds.push(await addChild(school, surname));
      // Now and then a brother or sister attends the other school of the board.
      const other = schools[(index + 1) % schools.length];
      if (other && other !== school && random() < 0.04) pupilIds.push(await addChild(other, surname));
      if (random() < 0.15) {
        // Separated parents: the children live in two households, each with one parent.
        await ctx.repos.households.create(boardId, { id: randomUUID(), pupilIds, guardianIds: [await addGuardian(surname[1])] }, now, tx);
        await ctx.repos.households.create(boardId, { id: randomUUID(), pupilIds, guardianIds: [await addGuardian(pick(SURNAMES)[1], random() < 0.8)] }, now, tx);
      } else {
        const guardians = [await addGuardian(surname[1])];
        if (random() < 0.75) guardians.push(await addGuardian(random() < 0.6 ? surname[1] : pick(SURNAMES)[1]));
        await ctx.repos.households.create(boardId, { id: randomUUID(), pupilIds, guardianIds: guardians }, now, tx);
      }
    }
  }
  return created;
}
