import { describe, expect, it } from 'vitest';
import { abilities, decide, type Actor, type Resource } from '../../../../src/domain/access/policy.js';
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

const aCase = (overrides: Partial<Extract<Resource, { kind: 'case' }>> = {}): Resource => ({
  kind: 'case',
  schoolId: SCHOOL,
  boardId: 'board-1',
  route: 'meldcode',
  startedBy: 'teacher-1',
  teamUserIds: ['ib-1', 'smw-1', 'teacher-1', 'director-1'],
  casushouderId: 'smw-1',
  breakGlassUserIds: [],
  ...overrides,
});
const exportAnswer = (actor: Actor, resource: Resource = aCase()) => {
  const d = decide(actor, 'case.export', resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

describe('exporting the dossier as a PDF: who may, and only with a fresh code', () => {
  it("lets the casushouder, an IB'er or directie on the case export, with a fresh code", () => {
    expect(exportAnswer(person(['smw'], { id: 'smw-1', elevated: true }))).toBe('allowed');
    expect(exportAnswer(person(['ib'], { id: 'ib-1', elevated: true }))).toBe('allowed');
    expect(exportAnswer(person(['director'], { id: 'director-1', elevated: true }))).toBe('allowed');
  });

  it('asks for a fresh code first', () => {
    expect(exportAnswer(person(['ib'], { id: 'ib-1' }))).toBe('elevation-required');
    expect(exportAnswer(person(['smw'], { id: 'smw-1' }))).toBe('elevation-required');
  });

  it('refuses the teacher and an SMW on the case who is not casushouder', () => {
    expect(exportAnswer(person(['teacher'], { id: 'teacher-1', elevated: true }))).toBe('forbidden');
    expect(exportAnswer(person(['smw'], { id: 'smw-1', elevated: true }), aCase({ casushouderId: 'ib-1' }))).toBe('forbidden');
  });

  it("sends an IB'er or director not on the case to emergency access first; refuses other schools, the administrator and the board", () => {
    expect(exportAnswer(person(['ib'], { id: 'ib-2', elevated: true }))).toBe('break-glass-available');
    expect(exportAnswer(person(['ib'], { id: 'ib-2', elevated: true }), aCase({ breakGlassUserIds: ['ib-2'] }))).toBe('allowed');
    expect(exportAnswer(person(['ib'], { id: 'ib-1', elevated: true, schoolId: 'school-b' }))).toBe('forbidden');
    expect(exportAnswer(person(['administrator'], { elevated: true }))).toBe('forbidden');
    expect(exportAnswer(person(['board'], { elevated: true }))).toBe('forbidden');
  });

  it('on the staff route: the board only', () => {
    const staffCase = aCase({ route: 'staff', teamUserIds: ['board-1', 'director-1'], casushouderId: null });
    expect(exportAnswer(person(['board'], { id: 'board-1', elevated: true }), staffCase)).toBe('allowed');
    expect(exportAnswer(person(['board'], { id: 'board-2' }), staffCase)).toBe('elevation-required');
    expect(exportAnswer(person(['director'], { id: 'director-1', elevated: true }), staffCase)).toBe('forbidden');
    expect(exportAnswer(person(['teacher'], { id: 'teacher-1', elevated: true }), staffCase)).toBe('forbidden');
  });

  it('shows the control to whoever may export once they give a code', () => {
    expect(abilities(person(['ib'], { id: 'ib-1' }), ['case.export'] as const, aCase(), NOW)).toEqual({ 'case.export': true });
    expect(abilities(person(['teacher'], { id: 'teacher-1' }), ['case.export'] as const, aCase(), NOW)).toEqual({ 'case.export': false });
  });

  it("lets the IB'er and directie check a PDF (no code needed: the answer holds no content)", () => {
    const school: Resource = { kind: 'school', schoolId: SCHOOL };
    const check = (actor: Actor) => decide(actor, 'case.export.verify', school, NOW).allowed;
    expect(check(person(['ib']))).toBe(true);
    expect(check(person(['director']))).toBe(true);
    expect(check(person(['teacher']))).toBe(false);
    expect(check(person(['smw']))).toBe(false);
    expect(check(person(['administrator']))).toBe(false);
  });
});
