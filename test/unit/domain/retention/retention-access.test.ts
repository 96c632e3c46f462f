import { describe, expect, it } from 'vitest';
import type { Action } from '../../../../src/domain/access/actions.js';
import { decide, type Actor, type Resource } from '../../../../src/domain/access/policy.js';
import type { Role } from '../../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const SCHOOL = 'school-a';

function person(roles: Role[], options: { id?: string; elevated?: boolean; schoolId?: string } = {}): Actor {
  return {
    kind: 'user',
    userId: options.id ?? 'me',
    boardId: 'board-1',
    stage: 'full',
    schoolId: options.schoolId ?? SCHOOL,
    memberships: roles.map((role) => ({ schoolId: role === 'board' ? null : SCHOOL, role })),
    groupIds: [],
    elevatedUntil: options.elevated ? new Date(NOW.getTime() + 60_000) : null,
  };
}

const school: Resource = { kind: 'school', schoolId: SCHOOL };
const aCase = (overrides: Partial<Extract<Resource, { kind: 'case' }>> = {}): Resource => ({
  kind: 'case',
  schoolId: SCHOOL,
  boardId: 'board-1',
  route: 'meldcode',
  startedBy: 'teacher',
  teamUserIds: ['ib-on-team'],
  casushouderId: 'ib-on-team',
  breakGlassUserIds: [],
  ...overrides,
});
const answer = (actor: Actor, action: Action, resource: Resource) => {
  const d = decide(actor, action, resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

describe('retention: who may do what', () => {
  it("shows the school's list to the IB'er and directie only", () => {
    expect(answer(person(['ib']), 'retention.overview', school)).toBe('allowed');
    expect(answer(person(['director']), 'retention.overview', school)).toBe('allowed');
    for (const role of ['teacher', 'smw', 'administrator', 'board'] as Role[]) expect(answer(person([role]), 'retention.overview', school)).toBe('forbidden');
    expect(answer(person(['ib'], { schoolId: 'school-b' }), 'retention.overview', school)).toBe('forbidden');
  });

  it('lets directie alone record the term the privacy officer chose', () => {
    expect(answer(person(['director']), 'retention.term.update', school)).toBe('allowed');
    expect(answer(person(['ib']), 'retention.term.update', school)).toBe('forbidden');
    expect(answer(person(['administrator']), 'retention.term.update', school)).toBe('forbidden');
  });

  it("lets the IB'er or directie destroy a case of their school, with a fresh code, on its team or not", () => {
    expect(answer(person(['ib']), 'retention.destroy', aCase())).toBe('elevation-required');
    expect(answer(person(['ib'], { elevated: true }), 'retention.destroy', aCase())).toBe('allowed');
    expect(answer(person(['director'], { elevated: true }), 'retention.destroy', aCase({ teamUserIds: [] }))).toBe('allowed');
    for (const role of ['teacher', 'smw', 'administrator', 'board'] as Role[]) expect(answer(person([role], { elevated: true }), 'retention.destroy', aCase())).toBe('forbidden');
  });

  it("never lets a school destroy a staff-route case (the board's), nor another school's", () => {
    expect(answer(person(['ib'], { elevated: true }), 'retention.destroy', aCase({ route: 'staff' }))).toBe('forbidden');
    expect(answer(person(['ib'], { elevated: true }), 'retention.destroy', aCase({ schoolId: 'school-b' }))).toBe('forbidden');
  });

  it('lets the casushouder or directie who can read the case set and lift a legal hold', () => {
    expect(answer(person(['ib'], { id: 'ib-on-team' }), 'case.legal-hold', aCase())).toBe('allowed');
    expect(answer(person(['director'], { id: 'dir' }), 'case.legal-hold', aCase({ teamUserIds: ['ib-on-team', 'dir'] }))).toBe('allowed');
    // On the team, but not casushouder nor directie.
    expect(answer(person(['smw'], { id: 'smw' }), 'case.legal-hold', aCase({ teamUserIds: ['ib-on-team', 'smw'] }))).toBe('forbidden');
    expect(answer(person(['teacher'], { id: 'teacher' }), 'case.legal-hold', aCase())).toBe('forbidden');
    // Directie not on the case must open it first (emergency access).
    expect(answer(person(['director'], { id: 'dir' }), 'case.legal-hold', aCase())).toBe('break-glass-available');
  });

  it('leaves a hold on a staff-route case to the board', () => {
    expect(answer(person(['board'], { id: 'bestuur' }), 'case.legal-hold', aCase({ route: 'staff', casushouderId: null }))).toBe('allowed');
    expect(answer(person(['director'], { id: 'dir' }), 'case.legal-hold', aCase({ route: 'staff', teamUserIds: ['dir'] }))).toBe('forbidden');
  });
});
