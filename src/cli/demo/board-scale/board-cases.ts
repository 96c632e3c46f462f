import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { sealFields } from '../../../db/encryption/sealed-fields.js';
import type { Database } from '../../../db/schema.js';
import type { AppContext } from '../../../server/app-context.js';
import { reminderTime } from '../../../server/cases/due-reminders.js';
import type { BoardPeople } from './board-people.js';
import type { BoardPupil } from './board-pupils.js';
import { insertRows } from './bulk-insert.js';
import { CASE_STATES, STATE_SHARES, scriptCase, type CaseState } from './case-script.js';

const DAY = 86_400_000;

/** What the audit history needs to know of each case. */
export interface BoardCase {
  id: string;
  schoolId: string;
  pupilId: string;
  startedAt: number;
  entryTimes: number[];
  readers: string[];
}

/** A state for every case of a school, in the shares of STATE_SHARES. */
function statesFor(count: number): CaseState[] {
  const states: CaseState[] = [];
  for (const state of CASE_STATES) for (let i = 0; i < Math.round((STATE_SHARES[state] * count) / 100); i++) states.push(state);
  while (states.length < count) states.push('step-2');
  return states.slice(0, count);
}

/**
 * `perSchool` cases per school in every state, each with its team and about `entriesPerCase` entry
 * versions sealed at rest as the repository seals them (a fresh data key per row), the reminders of
 * open agreements as jobs and the notifications people got. Written school by school, one
 * transaction per school, with multi-row inserts.
 */
export async function createBoardCases(
  ctx: AppContext,
  people: BoardPeople,
  pupils: readonly BoardPupil[],
  perSchool: number,
  entriesPerCase: number,
  random: () => number,
  onSchool: (done: number, entries: number) => void = () => {},
): Promise<BoardCase[]> {
  const now = ctx.now();
  const today = now.getTime();
  const cases: BoardCase[] = [];
  const bySchool = new Map<number, BoardPupil[]>();
  for (const pupil of pupils) bySchool.set(pupil.schoolIndex, [...(bySchool.get(pupil.schoolIndex) ?? []), pupil]);
  let entryCount = 0;

  for (const [index, school] of people.schools.entries()) {
    const caseRows: Insertable<Database['cases']>[] = [];
    const teamRows: Insertable<Database['case_team_members']>[] = [];
    const entryRows: Insertable<Database['case_entries']>[] = [];
    const jobRows: Insertable<Database['jobs']>[] = [];
    const notificationRows: Insertable<Database['notifications']>[] = [];
    const candidates = bySchool.get(index) ?? [];
    // One case per pupil, taken from the groups in turn: every teacher has cases in several states.
    const byGroup = new Map<string, BoardPupil[]>();
    for (const pupil of candidates) byGroup.set(pupil.teacherId, [...(byGroup.get(pupil.teacherId) ?? []), pupil]);
    const queues = [...byGroup.values()];
    const inTurn: BoardPupil[] = [];
    for (let round = 0; inTurn.length < candidates.length; round++) for (const queue of queues) if (queue[round]) inTurn.push(queue[round]!);
    const states = statesFor(Math.min(perSchool, candidates.length));
    for (const [n, state] of states.entries()) {
      const pupil = inTurn[n]!;
      const target = Math.max(12, Math.round(entriesPerCase * (0.6 + random() * 0.8)));
      const script = scriptCase(state, { teacherId: pupil.teacherId, ibId: school.ibId, smwId: school.smwId, directorId: school.directorId, boardMemberId: people.boardMemberId, callName: pupil.callName }, target, n, now);
      const caseId = randomUUID();
      const startedAt = today - script.ageDays * DAY - 3 * 3_600_000;
      const entryIds = new Map<number, string>();
      const entryTimes: number[] = [];
      for (const [position, e] of script.entries.entries()) {
        const entryId = entryIds.get(e.entryId) ?? randomUUID();
        entryIds.set(e.entryId, entryId);
        const at = startedAt + Math.round(e.day * DAY);
        entryTimes.push(at);
        const id = randomUUID();
        entryRows.push({
          id, case_id: caseId, school_id: school.id, entry_id: entryId, version: e.version, kind: e.kind,
          ...sealFields(ctx.cipher, 'case_entries', id, { body: JSON.stringify(e.body), correction_reason: e.correctionReason }),
          recorded_by: e.by, recorded_at: new Date(at).toISOString(), position: position + 1,
        });
      }
      const lastAt = new Date(entryTimes[entryTimes.length - 1] ?? startedAt).toISOString();
      caseRows.push({
        id: caseId, school_id: school.id, board_id: people.boardId, pupil_id: pupil.id, route: script.route, protocol_version_id: script.route === 'meldcode' ? school.protocolVersionId : null,
        step: script.step, phase: script.phase, casushouder_user_id: script.casushouderId, started_by: script.startedBy, started_at: new Date(startedAt).toISOString(), updated_at: lastAt,
        closed_at: script.phase === 'closed' ? lastAt : null,
      });
      for (const m of script.team) teamRows.push({ case_id: caseId, user_id: m.userId, team_role: m.teamRole, added_by: school.ibId, added_at: new Date(startedAt + DAY).toISOString() });
      for (const a of script.agreements) {
        const dueOn = new Date(today + a.dueInDays * DAY).toISOString().slice(0, 10);
        const entryId = entryIds.get(a.entryId)!;
        const future = a.dueInDays > 0;
        const payload = { userId: a.ownerUserId, schoolId: school.id, kind: a.purpose === 'monitoring' ? 'monitoring.due' : 'agreement.due', caseId, subjectId: entryId, dueOn };
        jobRows.push({
          id: randomUUID(), kind: 'notification.due', payload: JSON.stringify(payload), run_at: reminderTime(dueOn).toISOString(), status: future ? 'pending' : 'done', attempts: future ? 0 : 1, max_attempts: 5,
          lease_owner: null, lease_until: null, last_error: null, dedupe_key: `agreement:${entryId}:${dueOn}`, created_at: lastAt, updated_at: lastAt,
        });
        if (!future) notificationRows.push({ id: randomUUID(), school_id: school.id, user_id: a.ownerUserId, kind: payload.kind, case_id: caseId, subject_id: entryId, due_on: dueOn, created_at: reminderTime(dueOn).toISOString(), read_at: null, mail_state: 'sent', mailed_at: reminderTime(dueOn).toISOString() });
      }
      const notified = script.route === 'meldcode' ? school.ibId : people.boardMemberId;
      notificationRows.push({ id: randomUUID(), school_id: school.id, user_id: notified, kind: 'case.started', case_id: caseId, subject_id: null, due_on: null, created_at: new Date(startedAt).toISOString(), read_at: script.ageDays > 7 ? new Date(startedAt + DAY).toISOString() : null, mail_state: 'sent', mailed_at: new Date(startedAt).toISOString() });
      cases.push({ id: caseId, schoolId: school.id, pupilId: pupil.id, startedAt, entryTimes, readers: script.team.map((m) => m.userId) });
    }
    await ctx.db.kysely.transaction().execute(async (tx: Kysely<Database>) => {
      await insertRows(tx, 'cases', caseRows);
      await insertRows(tx, 'case_team_members', teamRows);
      await insertRows(tx, 'case_entries', entryRows);
      await insertRows(tx, 'jobs', jobRows);
      await insertRows(tx, 'notifications', notificationRows);
    });
    entryCount += entryRows.length;
    onSchool(index + 1, entryCount);
  }
  return cases;
}
