import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays } from '../../domain/cases/working-days.js';
import { addYears } from '../../domain/retention/due-date.js';
import type { AppContext } from '../../server/app-context.js';
import { schoolDate } from '../../server/pupils/school-date.js';

/**
 * Two closed cases about pupils who left the school, so that Bewaartermijnen shows something on a
 * new demo: one whose two years after leaving have passed (due for destruction), one that falls
 * due within the month. Their pupils have left, so they appear in no group.
 */
export async function createRetentionDemoCases(ctx: AppContext, school: { schoolId: string; boardId: string; ibId: string; teacherId: string }, tx: Kysely<Database>): Promise<number> {
  const now = ctx.now();
  const today = schoolDate(now);
  const scope = { schoolId: school.schoolId, userId: school.ibId };
  const protocol = await ctx.repos.protocols.current(scope, now, tx);
  const stories = [
    { callName: 'Jesse', surname: 'Brouwer', number: '90001', leftOn: addYears(addDays(today, -45), -2), closedDaysAgo: 1000 },
    { callName: 'Lotte', surname: 'Verhoeven', number: '90002', leftOn: addYears(addDays(today, 12), -2), closedDaysAgo: 800 },
  ];
  for (const story of stories) {
    const pupilId = randomUUID();
    await ctx.repos.pupils.create(scope, pupilId, { pupilNumber: story.number, givenNames: story.callName, callName: story.callName, surnamePrefix: null, surname: story.surname, dateOfBirth: null, sex: null, groupId: null, enrolledOn: null }, now, tx);
    await ctx.repos.pupils.setLeft(scope, pupilId, story.leftOn, now, tx);
    const caseId = randomUUID();
    const startedAt = new Date(now.getTime() - (story.closedDaysAgo + 60) * 86_400_000).toISOString();
    const closedAt = new Date(now.getTime() - story.closedDaysAgo * 86_400_000).toISOString();
    await ctx.repos.cases.create({ id: caseId, schoolId: school.schoolId, boardId: school.boardId, pupilId, route: 'meldcode', protocolVersionId: protocol.id, step: 2, phase: 'open', startedBy: school.teacherId, startedAt }, tx);
    await ctx.repos.cases.addTeamMembers(caseId, [{ userId: school.ibId, teamRole: 'aandachtsfunctionaris' }], school.teacherId, startedAt, tx);
    const entry = (kind: 'case-started' | 'signal' | 'case-closed', body: unknown, by: string, at: string) =>
      ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId, schoolId: school.schoolId, entryId: randomUUID(), version: 1, kind, body, recordedBy: by, recordedAt: at, correctionReason: null }, tx);
    await entry('case-started', { route: 'meldcode', worry: 'home-situation', protocolVersion: protocol.version }, school.teacherId, startedAt);
    await entry(
      'signal',
      { observedOn: startedAt.slice(0, 10), observedTime: '08:30', place: 'in de klas', observedBy: 'leerkracht', source: 'own-observation', sourceDetail: null, description: `${story.callName} was een week lang erg stil en at niet in de pauze.`, counterIndications: null, signalItemIds: ['behaviour.anxious-withdrawn'], bodyMap: [] },
      school.teacherId,
      startedAt,
    );
    await entry('case-closed', { reason: 'concerns-resolved', explanation: 'Na een gesprek met de ouders bleek de zorg weggenomen; het gaat weer goed.' }, school.ibId, closedAt);
    await ctx.repos.cases.setProgress(caseId, { step: 2, phase: 'closed', casushouderId: null }, closedAt, tx);
    await ctx.repos.cases.setClosedAt(caseId, closedAt, tx);
  }
  return stories.length;
}
