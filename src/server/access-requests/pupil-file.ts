import type { FastifyRequest } from 'fastify';
import type { AccessRequestFileResponse, FileCase, FileEntry } from '../../contract/access-requests.js';
import { inAccessRequestScope } from '../../domain/access-requests/file-scope.js';
import type { FileIndex } from '../../domain/access-requests/withholdings.js';
import { foldEntries, type EntryVersion } from '../../domain/cases/case-entry.js';
import { DEFAULT_PROTOCOL } from '../../domain/cases/protocol/default-template.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import type { AppContext } from '../app-context.js';
import { notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';

/** What the school holds about a pupil: the record, the household, the preventive layer and the meldcode cases. */
export type PupilFile = Omit<AccessRequestFileResponse, 'request'>;

type Person = { userId: string; name: string };

/**
 * Reads everything the acting school holds about one pupil, as stored (the repositories hand back
 * narrative fields readable). Cases are the school's meldcode cases only (see inAccessRequestScope).
 */
export async function readPupilFile(ctx: AppContext, request: FastifyRequest, pupilId: string): Promise<PupilFile> {
  const scope = scopeOf(request);
  const actor = request.actor;
  if (actor.kind !== 'user') throw notFound();
  const [pupil, guardians, school, years, caseList] = await Promise.all([
    ctx.repos.pupils.find(scope, pupilId),
    ctx.repos.pupils.guardians(pupilId),
    ctx.repos.boards.findSchool(scope.schoolId),
    ctx.repos.accessRequests.preventiveSchoolYears(scope, pupilId),
    ctx.repos.cases.listForPupil(scope, pupilId),
  ]);
  if (!pupil || !school) throw notFound();

  const talks = (await Promise.all(years.map((year) => ctx.repos.preventive.talks(scope, year, [pupilId])))).flat();
  const contacts = (await Promise.all(years.map(async (year) => (await ctx.repos.preventive.contacts(scope, pupilId, year)).map((c) => ({ ...c, schoolYear: year }))))).flat();

  const cases = [];
  // Oldest case first: the file reads in the order things happened.
  for (const item of [...caseList].filter(inAccessRequestScope).sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const found = await ctx.repos.cases.find({ schoolId: scope.schoolId, boardId: actor.boardId }, item.id);
    if (!found || !inAccessRequestScope(found)) continue;
    const [versions, protocol, people] = await Promise.all([
      ctx.repos.cases.entryVersions(found.id),
      found.protocolVersionId ? ctx.repos.protocols.byId(scope, found.protocolVersionId) : Promise.resolve(null),
      ctx.repos.users.namesByIds([found.startedBy, ...(found.casushouderId ? [found.casushouderId] : [])]),
    ]);
    const recorders = new Map(versions.map((v) => [v.recordedBy, v.recordedByName]));
    const person = (userId: string): Person => ({ userId, name: recorders.get(userId) ?? people.get(userId) ?? found.team.find((m) => m.userId === userId)?.name ?? '—' });
    const presentVersion = (v: EntryVersion) => ({ version: v.version, body: v.body, recordedBy: person(v.recordedBy), recordedAt: v.recordedAt, correctionReason: v.correctionReason });
    const entries: FileEntry[] = foldEntries<unknown>(versions).map((e) => ({
      entryId: e.entryId,
      kind: e.kind,
      firstRecordedAt: e.firstRecordedAt,
      firstRecordedBy: person(e.firstRecordedBy),
      current: presentVersion(e.current),
      history: e.history.map(presentVersion),
    }));
    const content = protocol?.content ?? DEFAULT_PROTOCOL;
    const fileCase: FileCase = {
      id: found.id,
      startedAt: found.startedAt,
      startedBy: person(found.startedBy),
      step: found.step,
      phase: found.phase,
      casushouder: found.casushouderId ? person(found.casushouderId) : null,
      team: found.team.map((m) => ({ userId: m.userId, name: m.name, teamRole: m.teamRole })),
      taskTexts: content.steps.flatMap((s) => s.tasks.map((t) => ({ id: t.id, text: t.text }))),
    };
    cases.push({ ...fileCase, entries });
  }

  return {
    schoolName: school.name,
    pupil: {
      id: pupil.id,
      displayName: displayName(pupil),
      pupilNumber: pupil.pupilNumber,
      givenNames: pupil.givenNames,
      callName: pupil.callName,
      surnamePrefix: pupil.surnamePrefix,
      surname: pupil.surname,
      dateOfBirth: pupil.dateOfBirth,
      sex: pupil.sex,
      groupName: pupil.groupName,
      enrolledOn: pupil.enrolledOn,
      leftOn: pupil.leftOn,
    },
    guardians,
    startOfYearTalks: talks
      .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))
      .map((t) => ({ id: t.id, schoolYear: t.schoolYear, heldOn: t.heldOn, staff: { userId: t.staffUserId, name: t.staffName }, guardianIds: t.guardianIds, notes: t.notes, recordedAt: t.recordedAt })),
    parentContacts: contacts
      .sort((a, b) => a.contactedOn.localeCompare(b.contactedOn))
      .map((c) => ({ id: c.id, schoolYear: c.schoolYear, contactedOn: c.contactedOn, kind: c.kind, staff: { userId: c.staffUserId, name: c.staffName }, notes: c.notes })),
    cases,
  };
}

/** The file by id only, for checking that a withheld part belongs to it. */
export function indexOf(file: Pick<PupilFile, 'cases'>): FileIndex {
  return { cases: file.cases.map((c) => ({ caseId: c.id, entryIds: c.entries.map((e) => e.entryId) })) };
}
