import type { FastifyRequest } from 'fastify';
import type { CasePageResponse } from '../../contract/cases.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { abilities } from '../../domain/access/policy.js';
import { foldEntries, type EntryVersion } from '../../domain/cases/case-entry.js';
import { STAFF_ROUTE_DUTIES } from '../../domain/cases/case-route.js';
import { mayChangeClosedCase, type CaseChange } from '../../domain/cases/closing.js';
import { DEFAULT_PROTOCOL } from '../../domain/cases/protocol/default-template.js';
import { stepsWithStatus, taskStatus, type RecordedFacts, type TaskChoice } from '../../domain/cases/task-status.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import { siblingsAsSeenFrom } from '../../domain/pupils/siblings.js';
import { veiligThuisPhone } from '../../domain/school/local-parties.js';
import type { AppContext } from '../app-context.js';
import { notFound } from '../http/http-error.js';
import { attachmentsByEntry } from '../attachments/attachment-presenter.js';
import { schoolDate } from '../pupils/school-date.js';
import { caseResource, caseScope } from './case-resource.js';
import { presentWeighing, weighingRecords } from './weighing.js';

type Named<T> = T & { recordedByName: string };

/** The case page, picked field by field from what the case holds. */
export async function presentCasePage(ctx: AppContext, request: FastifyRequest, c: CaseWithAccess): Promise<CasePageResponse> {
  const scope = caseScope(request, c);
  const today = schoolDate(ctx.now());
  const [pupil, guardians, children, versions, settings, protocol, latest, people, attachments] = await Promise.all([
    ctx.repos.pupils.find(scope, c.pupilId),
    ctx.repos.pupils.guardians(c.pupilId),
    ctx.repos.pupils.householdChildren(c.pupilId, today),
    ctx.repos.cases.entryVersions(c.id),
    ctx.repos.schoolSettings.get(scope),
    c.protocolVersionId ? ctx.repos.protocols.byId(scope, c.protocolVersionId) : Promise.resolve(null),
    ctx.repos.protocols.latestNumber(c.schoolId),
    ctx.repos.users.namesByIds([c.startedBy, ...(c.casushouderId ? [c.casushouderId] : [])]),
    ctx.repos.attachments.listForCase(c.id).then(attachmentsByEntry),
  ]);
  if (!pupil || !settings) throw notFound();
  const name = (userId: string) => ({ userId, name: people.get(userId) ?? c.team.find((m) => m.userId === userId)?.name ?? '—' });
  const recorderNames = new Map(versions.map((v) => [v.recordedBy, v.recordedByName]));
  const person = (userId: string) => ({ userId, name: recorderNames.get(userId) ?? name(userId).name });

  const entries = foldEntries<unknown>(versions as Named<EntryVersion>[]);
  const facts = recordedFacts(entries.map((e) => e.current), c.casushouderId !== null);
  const content = protocol?.content ?? DEFAULT_PROTOCOL;
  type Status = CasePageResponse['steps'][number]['tasks'][number]['status'];
  const presentStatus = (status: ReturnType<typeof taskStatus>): Status => {
    switch (status.state) {
      case 'open':
        return { state: 'open' };
      case 'recorded':
        return { state: 'recorded', count: status.count };
      default:
        return { state: status.state, note: status.note, at: status.at, by: person(status.by) };
    }
  };
  const presentVersion = (v: EntryVersion) => ({ version: v.version, body: v.body, recordedBy: person(v.recordedBy), recordedAt: v.recordedAt, correctionReason: v.correctionReason });

  return {
    case: {
      id: c.id,
      route: c.route,
      step: c.step,
      phase: c.phase,
      startedAt: c.startedAt,
      startedBy: name(c.startedBy),
      casushouder: c.casushouderId ? name(c.casushouderId) : null,
      protocolVersion: protocol?.version ?? null,
      newerProtocolVersion: protocol && latest !== null && latest > protocol.version ? latest : null,
    },
    pupil: { id: pupil.id, displayName: displayName(pupil), groupName: pupil.groupName, dateOfBirth: pupil.dateOfBirth },
    guardians: guardians.map((g) => ({ id: g.id, name: g.name, hasAuthority: g.hasAuthority })),
    siblings: siblingsAsSeenFrom(c.schoolId, c.pupilId, children),
    team: c.team.map((m) => ({ userId: m.userId, name: m.name, teamRole: m.teamRole, isCasushouder: m.userId === c.casushouderId })),
    breakGlass: c.breakGlass.map((b) => ({ user: { userId: b.userId, name: b.name }, reason: b.reason, openedAt: b.openedAt })),
    steps:
      c.route === 'meldcode'
        ? stepsWithStatus(content, facts).map((step) => ({ ...step, tasks: step.tasks.map((t) => ({ ...t, status: presentStatus(t.status) })) }))
        : [],
    duties: c.route === 'staff' ? STAFF_ROUTE_DUTIES.map((d) => ({ id: d.id, text: d.text, status: presentStatus(taskStatus({ id: d.id, text: d.text, help: null, form: null, retired: false }, facts)) })) : [],
    standingReminder: content.standingReminder,
    taskDivisionPrinciples: content.taskDivisionPrinciples,
    parentConversationPrinciples: content.parentConversationPrinciples,
    riskIndexName: settings.riskIndexName,
    safety: { veiligThuisPhone: veiligThuisPhone(settings.veiligThuisPhone), veiligThuisRegion: settings.veiligThuisRegion, emergencyPhone: '112' },
    weighing: c.route === 'meldcode' ? presentWeighing(weighingRecords(entries.map((e) => e.current)), (userId) => person(userId).name) : null,
    entries: entries.map((e) => ({
      entryId: e.entryId,
      kind: e.kind,
      current: presentVersion(e.current),
      history: e.history.map(presentVersion),
      firstRecordedAt: e.firstRecordedAt,
      firstRecordedBy: person(e.firstRecordedBy),
      attachments: attachments.get(e.entryId) ?? [],
    })),
    attachmentMaxBytes: ctx.config.attachmentMaxBytes,
    abilities: {
      ...presentAbilities(abilities(request.actor, ['case.write', 'case.escalate', 'case.decide', 'case.report', 'case.risk-index', 'case.close', 'case.reopen'] as const, caseResource(c), ctx.now()), c.phase === 'closed'),
      // Who saw this file stays readable when the case is closed, and the file can still be exported as a PDF.
      ...abilities(request.actor, ['case.access-log', 'case.export'] as const, caseResource(c), ctx.now()),
    },
  };
}

/** A closed case is read-only: the one thing left to do is reopening it (the routes refuse the rest). */
function presentAbilities<A extends CaseChange>(allowed: Record<A, boolean>, closed: boolean): Record<A, boolean> {
  return Object.fromEntries(Object.entries(allowed).map(([change, may]) => [change, Boolean(may) && (closed ? mayChangeClosedCase(change as CaseChange) : change !== 'case.reopen')])) as Record<A, boolean>;
}

/** What the task list needs to know of the current entries. */
export function recordedFacts(current: readonly EntryVersion[], hasCasushouder: boolean): RecordedFacts {
  const taskChoices = new Map<string, TaskChoice>();
  const entryCounts = new Map<EntryVersion['kind'], number>();
  let escalationDecision: RecordedFacts['escalationDecision'] = null;
  for (const v of current) {
    entryCounts.set(v.kind, (entryCounts.get(v.kind) ?? 0) + 1);
    if (v.kind === 'task') {
      const body = v.body as { taskId: string; outcome: 'done' | 'not-applicable'; note: string | null };
      const before = taskChoices.get(body.taskId);
      if (!before || before.at <= v.recordedAt) taskChoices.set(body.taskId, { outcome: body.outcome, note: body.note, by: v.recordedBy, at: v.recordedAt });
    }
    if (v.kind === 'escalation-decision') escalationDecision = (v.body as { decision: 'report-now' | 'no-report-now' }).decision;
  }
  return { taskChoices, entryCounts, hasCasushouder, escalationDecision };
}
