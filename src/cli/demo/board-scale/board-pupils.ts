import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { sealFields } from '../../../db/encryption/sealed-fields.js';
import type { Database } from '../../../db/schema.js';
import { searchText } from '../../../domain/pupils/pupil-name.js';
import type { AppContext } from '../../../server/app-context.js';
import { GIVEN, PARENT_INITIALS, SURNAMES } from '../demo-pupils.js';
import type { BoardSchool } from './board-people.js';
import { insertRows } from './bulk-insert.js';

/** A pupil as the board's cases need them. */
export interface BoardPupil {
  id: string;
  schoolIndex: number;
  callName: string;
  teacherId: string;
}

/**
 * About `perSchool` fictional pupils per school in families of one to three (now and then with a child
 * at the next school), separated parents in two households, and this year's start-of-year talks (most
 * held), written school by school as multi-row inserts.
 */
export async function createBoardPupils(
  ctx: AppContext,
  db: Kysely<Database>,
  boardId: string,
  schools: readonly BoardSchool[],
  perSchool: number,
  schoolYear: { label: string; startsOn: string },
  random: () => number,
): Promise<BoardPupil[]> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = ctx.now().toISOString();
  const startYear = Number(schoolYear.startsOn.slice(0, 4));
  const all: BoardPupil[] = [];
  let pupilNumber = 100_000;
  let parentNumber = 0;

  for (const [index, school] of schools.entries()) {
    const pupils: Insertable<Database['pupils']>[] = [];
    const guardians: Insertable<Database['guardians']>[] = [];
    const households: Insertable<Database['households']>[] = [];
    const householdPupils: Insertable<Database['household_pupils']>[] = [];
    const householdGuardians: Insertable<Database['household_guardians']>[] = [];
    const talks: Insertable<Database['start_of_year_talks']>[] = [];

    const guardian = (surname: string, hasAuthority = true): string => {
      const id = randomUUID();
      parentNumber += 1;
      guardians.push({
        id, board_id: boardId, name: `${pick(PARENT_INITIALS)} ${surname}`, phone: `06-${String(10000000 + ((parentNumber * 7919) % 89999999)).padStart(8, '0')}`,
        email: `ouder${parentNumber}@mail.example`, has_authority: hasAuthority ? 1 : 0, created_at: at, updated_at: at,
      });
      return id;
    };
    const child = (at_: BoardSchool, atIndex: number, surname: [string | null, string]): string => {
      const group = pick(at_.groups);
      const year = group.yearGroups[Math.floor(random() * group.yearGroups.length)]!;
      const birthYear = startYear - 4 - year;
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      const callName = pick(GIVEN);
      const name = { callName, givenNames: random() < 0.3 ? `${callName} ${pick(GIVEN)}` : callName, surnamePrefix: surname[0], surname: surname[1] };
      const id = randomUUID();
      pupils.push({
        id, school_id: at_.id, pupil_number: String(pupilNumber++), given_names: name.givenNames, call_name: callName, surname_prefix: surname[0], surname: surname[1],
        date_of_birth: `${birthYear}-${month}-${day}`, sex: random() < 0.5 ? 'f' : 'm', group_id: group.id, enrolled_on: `${birthYear + 4}-${month}-${day}`, left_on: null,
        search_text: searchText(name), source: 'manual', created_at: at, updated_at: at,
      });
      all.push({ id, schoolIndex: atIndex, callName, teacherId: group.teacherId });
      if (random() < 0.65) {
        const talkId = randomUUID();
        talks.push({
          id: talkId, school_id: at_.id, pupil_id: id, school_year: schoolYear.label, held_on: `${startYear}-09-${String(2 + Math.floor(random() * 26)).padStart(2, '0')}`,
          staff_user_id: group.teacherId, guardian_ids: '', ...sealFields(ctx.cipher, 'start_of_year_talks', talkId, { notes: null }), recorded_by: group.teacherId, recorded_at: at,
        });
      }
      return id;
    };

    let count = 0;
    while (count < perSchool) {
      const surname = pick(SURNAMES);
      const children = 1 + Math.floor(random() * random() * 3.2);
      const pupilIds: string[] = [];
      for (let c = 0; c < children && count < perSchool; c++, count++) pupilIds.push(child(school, index, surname));
      // Now and then a brother or sister attends the next school of the board (counted there).
      const next = (index + 1) % schools.length;
      if (schools.length > 1 && random() < 0.02) pupilIds.push(child(schools[next]!, next, surname));
      const household = (guardianIds: string[]) => {
        const id = randomUUID();
        households.push({ id, board_id: boardId, created_at: at });
        for (const pupilId of pupilIds) householdPupils.push({ household_id: id, pupil_id: pupilId });
        for (const guardianId of guardianIds) householdGuardians.push({ household_id: id, guardian_id: guardianId });
      };
      if (random() < 0.15) {
        household([guardian(surname[1])]);
        household([guardian(pick(SURNAMES)[1], random() < 0.8)]);
      } else {
        const ids = [guardian(surname[1])];
        if (random() < 0.75) ids.push(guardian(random() < 0.6 ? surname[1] : pick(SURNAMES)[1]));
        household(ids);
      }
    }
    await db.transaction().execute(async (tx) => {
      await insertRows(tx, 'pupils', pupils);
      await insertRows(tx, 'guardians', guardians);
      await insertRows(tx, 'households', households);
      await insertRows(tx, 'household_pupils', householdPupils);
      await insertRows(tx, 'household_guardians', householdGuardians);
      await insertRows(tx, 'start_of_year_talks', talks);
    });
  }
  return all;
}
