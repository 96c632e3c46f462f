import { describe, expect, it } from 'vitest';
import type { ActorMembership } from '../../../../src/domain/access/actor.js';
import { abilities, decide, type Actor, type Resource } from '../../../../src/domain/access/policy.js';
import type { Role } from '../../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const SCHOOL = 'school-a';

function person(roles: Role[], options: { id?: string; schoolId?: string | null; extra?: ActorMembership[]; stage?: 'full' | 'second-factor' } = {}): Actor {
  return {
    kind: 'user',
    userId: options.id ?? 'me',
    boardId: 'board-1',
    stage: options.stage ?? 'full',
    schoolId: options.schoolId === undefined ? SCHOOL : options.schoolId,
    memberships: [...roles.map((role) => ({ schoolId: role === 'board' ? null : SCHOOL, role })), ...(options.extra ?? [])],
    groupIds: [],
    elevatedUntil: null,
  };
}

const theCase = (overrides: Partial<Extract<Resource, { kind: 'case' }>> = {}): Resource => ({
  kind: 'case',
  schoolId: SCHOOL,
  boardId: 'board-1',
  route: 'meldcode',
  startedBy: 'teacher-who-started',
  teamUserIds: ['ib-casushouder', 'teacher-on-team', 'ib-on-team'],
  casushouderId: 'ib-casushouder',
  breakGlassUserIds: [],
  ...overrides,
});
const reason = (actor: Actor, resource: Resource) => {
  const d = decide(actor, 'case.access-log', resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

describe('who may see who saw the file (case.access-log)', () => {
  it('lets the casushouder and directie of the case’s school see it, directie even when not on the team', () => {
    expect(reason(person(['ib'], { id: 'ib-casushouder' }), theCase())).toBe('allowed');
    expect(reason(person(['director']), theCase())).toBe('allowed');
    expect(reason(person(['director'], { id: 'teacher-on-team' }), theCase())).toBe('allowed');
  });

  it('keeps it from the rest of the team, the starter, the administrator and the board: not found, as if there were no log', () => {
    expect(reason(person(['teacher'], { id: 'teacher-on-team' }), theCase())).toBe('forbidden');
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), theCase())).toBe('forbidden');
    expect(reason(person(['ib'], { id: 'ib-on-team' }), theCase())).toBe('forbidden');
    expect(reason(person(['smw'], { id: 'ib-on-team' }), theCase())).toBe('forbidden');
    expect(reason(person(['administrator']), theCase())).toBe('forbidden');
    expect(reason(person(['board'], { schoolId: null }), theCase())).toBe('forbidden');
    // An IB'er off the team who could break the glass still does not see the log.
    expect(reason(person(['ib']), theCase())).toBe('forbidden');
    expect(reason(person(['ib'], { id: 'breaker' }), theCase({ breakGlassUserIds: ['breaker'] }))).toBe('forbidden');
  });

  it('never crosses schools: directie of another school, or acting for another school, gets not found', () => {
    expect(reason(person(['director']), theCase({ schoolId: 'school-b' }))).toBe('forbidden');
    expect(reason(person(['director'], { schoolId: 'school-b', extra: [{ schoolId: 'school-b', role: 'teacher' }] }), theCase())).toBe('forbidden');
  });

  it('a casushouder who is no longer allowed to read the case does not see its log either', () => {
    expect(reason(person(['ib'], { id: 'ib-casushouder' }), theCase({ teamUserIds: [], startedBy: 'x' }))).toBe('forbidden');
  });

  it('on the staff route: the board, and directie or a casushouder the board put on it; never who may not know the case exists', () => {
    const staffCase = theCase({ route: 'staff', teamUserIds: ['board-member'], casushouderId: null });
    expect(reason(person(['board'], { id: 'board-member', schoolId: null }), staffCase)).toBe('allowed');
    expect(reason(person(['board'], { id: 'other-board-member', schoolId: null }), staffCase)).toBe('allowed');
    expect(reason(person(['director']), staffCase)).toBe('forbidden');
    expect(reason(person(['ib']), staffCase)).toBe('forbidden');
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), staffCase)).toBe('forbidden');
    expect(reason(person(['director']), theCase({ route: 'staff', teamUserIds: ['me'], casushouderId: null }))).toBe('allowed');
    expect(reason({ ...(person(['board'], { schoolId: null }) as Extract<Actor, { kind: 'user' }>), boardId: 'board-2' }, staffCase)).toBe('forbidden');
  });

  it('needs a full sign-in', () => {
    expect(reason({ kind: 'anonymous' }, theCase())).toBe('unauthenticated');
    expect(reason(person(['director'], { stage: 'second-factor' }), theCase())).toBe('wrong-stage');
  });

  it('is sent as an ability, so the page shows the section only to those who may', () => {
    expect(abilities(person(['director']), ['case.access-log'] as const, theCase(), NOW)).toEqual({ 'case.access-log': true });
    expect(abilities(person(['teacher'], { id: 'teacher-on-team' }), ['case.access-log'] as const, theCase(), NOW)).toEqual({ 'case.access-log': false });
  });
});
