import { randomUUID } from 'node:crypto';
import type { DemoApp } from './demo-app.js';

/** Adds a pupil to a demo school's group straight through the repository (the import has its own tests). */
export async function addPupil(
  t: DemoApp,
  schoolName: string,
  groupName: string | null,
  name: { callName: string; surnamePrefix?: string; surname: string; pupilNumber: string },
): Promise<string> {
  const school = (await t.ctx.repos.boards.findSchoolByName(schoolName))!;
  const scope = { schoolId: school.id, userId: '' };
  const groupId = groupName ? (await t.ctx.repos.groups.list(scope)).find((g) => g.name === groupName)!.id : null;
  const id = randomUUID();
  await t.ctx.repos.pupils.create(
    scope,
    id,
    { pupilNumber: name.pupilNumber, givenNames: name.callName, callName: name.callName, surnamePrefix: name.surnamePrefix ?? null, surname: name.surname, dateOfBirth: '2018-03-10', sex: null, groupId, enrolledOn: '2022-08-22' },
    t.clock.now(),
  );
  return id;
}

/** Puts pupils and guardians in one household (a family living together); returns the guardians' ids. */
export async function addHousehold(t: DemoApp, pupilIds: string[], guardians: { name: string; phone?: string; email?: string; hasAuthority?: boolean }[]): Promise<string[]> {
  const boardId = (await t.ctx.repos.boards.firstSchool())!.boardId;
  const ids: string[] = [];
  for (const g of guardians) {
    const id = randomUUID();
    ids.push(id);
    await t.ctx.repos.households.createGuardian(boardId, { id, name: g.name, phone: g.phone ?? null, email: g.email ?? null, hasAuthority: g.hasAuthority !== false }, t.clock.now());
  }
  await t.ctx.repos.households.create(boardId, { id: randomUUID(), pupilIds, guardianIds: ids }, t.clock.now());
  return ids;
}
