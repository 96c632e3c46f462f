import { describe, expect, it } from 'vitest';
import type { Action } from '../../../../src/domain/access/actions.js';
import { abilities, decide, type Actor, type Resource } from '../../../../src/domain/access/policy.js';
import type { Role } from '../../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const SCHOOL = 'school-a';

function person(roles: Role[], options: { elevated?: boolean; schoolId?: string; stage?: 'full' | 'second-factor'; groups?: string[] } = {}): Actor {
  return {
    kind: 'user',
    userId: 'me',
    boardId: 'board-1',
    stage: options.stage ?? 'full',
    schoolId: options.schoolId ?? SCHOOL,
    memberships: roles.map((role) => ({ schoolId: role === 'board' ? null : SCHOOL, role })),
    groupIds: options.groups ?? [],
    elevatedUntil: options.elevated ? new Date(NOW.getTime() + 60_000) : null,
  };
}

const pupil: Resource = { kind: 'pupil', schoolId: SCHOOL, groupIds: ['group-3'], caseMemberUserIds: ['me'] };
const otherSchoolsPupil: Resource = { ...pupil, schoolId: 'school-b' };
const reason = (actor: Actor, action: Action, resource: Resource = pupil) => {
  const d = decide(actor, action, resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

const HANDLING: Action[] = ['pupil.access-request.list', 'pupil.access-request.register', 'pupil.access-request.withhold'];
const READING: Action[] = ['pupil.access-request.read', 'pupil.access-request.export'];

describe('access requests: who handles them', () => {
  it.each(['ib', 'director'] as Role[])('lets the %s register, list and withhold without a fresh code', (role) => {
    for (const action of HANDLING) expect([action, reason(person([role]), action)]).toEqual([action, 'allowed']);
  });

  it.each(['ib', 'director'] as Role[])('asks the %s for a fresh code to read the whole file or export it', (role) => {
    for (const action of READING) {
      expect([action, reason(person([role]), action)]).toEqual([action, 'elevation-required']);
      expect([action, reason(person([role], { elevated: true }), action)]).toEqual([action, 'allowed']);
    }
  });

  it("keeps the pupil's own teacher, the SMW on the case, the administrator and the board out, even with a fresh code", () => {
    const outsiders = [person(['teacher'], { elevated: true, groups: ['group-3'] }), person(['smw'], { elevated: true }), person(['administrator'], { elevated: true }), person(['board'], { elevated: true })];
    for (const actor of outsiders) for (const action of [...HANDLING, ...READING]) expect(reason(actor, action)).toBe('forbidden');
  });

  it("answers as for a missing pupil when the pupil is another school's", () => {
    for (const action of [...HANDLING, ...READING]) expect(reason(person(['ib'], { elevated: true }), action, otherSchoolsPupil)).toBe('forbidden');
  });

  it('wants a full sign-in first', () => {
    expect(reason({ kind: 'anonymous' }, 'pupil.access-request.list')).toBe('unauthenticated');
    expect(reason(person(['ib'], { stage: 'second-factor' }), 'pupil.access-request.export')).toBe('wrong-stage');
  });

  it('shows the export as possible to an IB\'er without a fresh code (the page asks for one)', () => {
    expect(abilities(person(['ib']), ['pupil.access-request.export'] as const, pupil, NOW)).toEqual({ 'pupil.access-request.export': true });
    expect(abilities(person(['teacher'], { groups: ['group-3'] }), ['pupil.access-request.list'] as const, pupil, NOW)).toEqual({ 'pupil.access-request.list': false });
  });
});
