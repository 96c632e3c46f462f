import type { FastifyRequest } from 'fastify';
import type { HomeDueItem, HomeResponse } from '../../contract/home.js';
import type { CaseListItem } from '../../db/repositories/cases-repository.js';
import { currentRoles, type UserActor } from '../../domain/access/actor.js';
import { dueItemsOfCase, type DueItem } from '../../domain/home/due-items.js';
import { homeSectionsFor, type HomeSection } from '../../domain/home/home-sections.js';
import { overviewScope, talkProgress } from '../../domain/pupils/preventive-overview.js';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import { retentionAgenda } from '../../domain/retention/due-date.js';
import { isSmall, SMALL } from '../../domain/statistics/small-numbers.js';
import type { AppContext } from '../app-context.js';
import { readable, summary } from '../cases/case-summary.js';
import { schoolDate } from '../pupils/school-date.js';
import { factsOf } from '../retention/retention-facts.js';

/** The entry kinds from which due items are read; no other content is opened for a home page. */
const DUE_KINDS = ['agreement', 'report', 'report-feedback', 'risk-index-registration', 'aftercare-review'] as const;

const BREAK_GLASS_DAYS = 30;

/** The board sees small counts as "< 5": in a small school a 1 can point at one child. */
const shown = (count: number): number | typeof SMALL => (isSmall(count) ? SMALL : count);

function countByStep(cases: readonly { step: number; count?: number }[]): { step: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const c of cases) counts.set(c.step, (counts.get(c.step) ?? 0) + (c.count ?? 1));
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([step, count]) => ({ step, count }));
}

/**
 * One person's home page at the school they act for: only the sections of their roles are worked out,
 * and only cases they may open are named. Due items come from the entries that can hold them.
 */
export async function presentHome(ctx: AppContext, request: FastifyRequest, actor: UserActor): Promise<HomeResponse> {
  const today = schoolDate(ctx.now());
  const roles = actor.schoolId === null ? (['board'] as const) : currentRoles(actor);
  const sections = homeSectionsFor([...roles]);
  const has = (section: HomeSection) => sections.includes(section);
  const home: HomeResponse = { sections, today };
  const scope = actor.schoolId === null ? null : { schoolId: actor.schoolId, userId: actor.userId };

  const needsMine = has('my-concerns') || has('my-cases') || has('my-due');
  const needsSchool = scope !== null && (has('cases-by-step') || has('school-due') || has('school-overview'));
  const [mine, school] = await Promise.all([
    needsMine ? ctx.repos.cases.listMine(actor.userId, actor.boardId) : Promise.resolve([]),
    needsSchool && scope ? ctx.repos.cases.listForSchool(scope) : Promise.resolve([]),
  ]);
  // Mine at the acting school (the staff route belongs to no school's list, but is mine if I raised it).
  const myOpen = readable(ctx, request, mine).filter((c) => c.phase !== 'closed' && (c.route === 'staff' || c.schoolId === actor.schoolId));
  const schoolOpen = school.filter((c) => c.phase !== 'closed');

  // Due items of every case any section needs, read in one query.
  const dueCases = new Map<string, CaseListItem>();
  for (const c of [...(has('my-due') ? myOpen : []), ...(has('school-due') || has('school-overview') ? schoolOpen : [])]) dueCases.set(c.id, c);
  const entries = await ctx.repos.cases.currentEntriesForCases([...dueCases.keys()], DUE_KINDS);
  const due: DueItem[] = [...dueCases.values()]
    .flatMap((c) => dueItemsOfCase({ caseId: c.id, casushouderId: c.casushouderId, phase: c.phase }, entries.get(c.id) ?? [], today))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const ownerIds = [...new Set(due.flatMap((d) => (d.ownerUserId ? [d.ownerUserId] : [])))];
  const owners = has('school-due') ? await ctx.repos.users.namesByIds(ownerIds) : new Map<string, string>();
  const view = (d: DueItem): HomeDueItem => {
    const c = dueCases.get(d.caseId)!;
    return { caseId: d.caseId, kind: d.kind, dueOn: d.dueOn, overdue: d.overdue, pupilName: c.pupilName, groupName: c.groupName, ownerName: d.ownerUserId ? (owners.get(d.ownerUserId) ?? null) : null };
  };
  const myCaseIds = new Set(myOpen.map((c) => c.id));
  const schoolCaseIds = new Set(schoolOpen.map((c) => c.id));

  if (has('my-concerns')) home.myConcerns = myOpen.filter((c) => c.route === 'meldcode').map(summary);
  if (has('my-cases')) home.myCases = myOpen.map(summary);
  if (has('my-due')) home.myDue = due.filter((d) => myCaseIds.has(d.caseId) && d.ownerUserId === actor.userId).map(view);
  if (has('cases-by-step')) {
    home.casesByStep = { byStep: countByStep(schoolOpen.filter((c) => c.phase === 'open')), monitoring: schoolOpen.filter((c) => c.phase === 'monitoring').length, cases: schoolOpen.map(summary) };
  }
  if (has('school-due')) {
    home.schoolDue = due.filter((d) => schoolCaseIds.has(d.caseId)).map(view);
  }
  if (has('school-overview')) {
    const schoolItems = due.filter((d) => schoolCaseIds.has(d.caseId));
    home.schoolOverview = {
      open: schoolOpen.filter((c) => c.phase === 'open').length,
      monitoring: schoolOpen.filter((c) => c.phase === 'monitoring').length,
      byStep: countByStep(schoolOpen.filter((c) => c.phase === 'open')),
      overdue: schoolItems.filter((d) => d.overdue).length,
      dueSoon: schoolItems.filter((d) => !d.overdue).length,
    };
  }
  if (has('start-of-year-talks') && scope) {
    const schoolYear = schoolYearOf(today).label;
    const [pupils, talks] = await Promise.all([ctx.repos.pupils.inGroups(scope, overviewScope(actor), today), ctx.repos.preventive.talks(scope, schoolYear)]);
    const heldOn = new Map(talks.map((t) => [t.pupilId, t.heldOn]));
    const progress = talkProgress(pupils.map((p) => ({ heldOn: heldOn.get(p.id) ?? null })));
    home.startOfYearTalks = { schoolYear, toDo: progress.toDo, pupils: pupils.length };
  }
  if (has('destruction-due') && scope) {
    const [term, closed] = await Promise.all([ctx.repos.retention.term(scope.schoolId), ctx.repos.retention.closedCases(scope.schoolId)]);
    const agenda = retentionAgenda(closed, factsOf, term.years, today);
    home.destructionDue = { due: agenda.due.length, upcoming: agenda.upcoming.length };
  }
  if (has('break-glass') && scope) {
    const since = new Date(ctx.now().getTime() - BREAK_GLASS_DAYS * 24 * 60 * 60 * 1000).toISOString();
    home.breakGlass = (await ctx.repos.cases.breakGlassSince(scope.schoolId, since)).map((b) => ({ caseId: b.caseId, name: b.name, reason: b.reason, openedAt: b.openedAt }));
  }
  if (has('board-figures')) {
    const counts = (await ctx.repos.cases.openCountsByStep(actor.boardId)).filter((c) => c.route === 'meldcode');
    const schools = new Map<string, { schoolId: string; name: string; rows: typeof counts }>();
    for (const row of counts) {
      const entry = schools.get(row.schoolId) ?? { schoolId: row.schoolId, name: row.schoolName, rows: [] };
      entry.rows.push(row);
      schools.set(row.schoolId, entry);
    }
    home.boardFigures = {
      schools: [...schools.values()]
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        .map((s) => ({
          schoolId: s.schoolId,
          name: s.name,
          open: shown(s.rows.filter((r) => r.phase === 'open').reduce((n, r) => n + r.count, 0)),
          monitoring: shown(s.rows.filter((r) => r.phase === 'monitoring').reduce((n, r) => n + r.count, 0)),
        })),
    };
  }
  if (has('staff-route-cases')) home.staffRouteCases = (await ctx.repos.cases.listStaffRoute(actor.boardId)).filter((c) => c.phase !== 'closed').map(summary);
  return home;
}
