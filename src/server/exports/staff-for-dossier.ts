import type { CasePageResponse } from '../../contract/cases.js';
import type { StaffMember } from '../../domain/exports/staff-names.js';
import type { Role } from '../../domain/people/roles.js';
import type { AppContext } from '../app-context.js';

/** When a person holds several roles, the one that says most about their part in a case. */
const ROLE_ORDER: readonly Role[] = ['ib', 'smw', 'director', 'teacher', 'board', 'administrator'];

/**
 * Everyone on the school's staff and the board, with the role the dossier without staff names
 * calls them by: their role on the case's team when they are on it, else their role at the school.
 * People who recorded something but no longer work there are named "medewerker".
 */
export async function staffForDossier(ctx: AppContext, page: CasePageResponse, schoolId: string, boardId: string, userId: string): Promise<StaffMember[]> {
  const [staff, board] = await Promise.all([ctx.repos.staff.list({ schoolId, userId }), ctx.repos.staff.boardMembers(boardId)]);
  const members = new Map<string, StaffMember>();
  for (const s of staff) members.set(s.userId, { userId: s.userId, name: s.name, role: ROLE_ORDER.find((r) => s.roles.includes(r)) ?? null });
  for (const b of board) if (!members.has(b.userId)) members.set(b.userId, { userId: b.userId, name: b.name, role: 'board' });
  for (const m of page.team) members.set(m.userId, { userId: m.userId, name: m.name, role: m.teamRole });
  const seen = [page.case.startedBy, ...page.breakGlass.map((b) => b.user), ...page.entries.flatMap((e) => [e.firstRecordedBy, e.current.recordedBy, ...e.history.map((v) => v.recordedBy)])];
  for (const p of seen) if (!members.has(p.userId)) members.set(p.userId, { userId: p.userId, name: p.name, role: null });
  return [...members.values()];
}
