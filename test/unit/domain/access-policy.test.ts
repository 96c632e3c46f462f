import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '../../../src/domain/access/actions.js';
import type { ActorMembership } from '../../../src/domain/access/actor.js';
import { abilities, decide, type Actor, type Resource } from '../../../src/domain/access/policy.js';
import type { Role } from '../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const SCHOOL = 'school-a';
const OTHER_SCHOOL = 'school-b';
const anonymous: Actor = { kind: 'anonymous' };

function person(roles: Role[], options: { id?: string; stage?: 'second-factor' | 'enrol' | 'full'; groups?: string[]; elevated?: boolean; extra?: ActorMembership[]; schoolId?: string | null } = {}): Actor {
  return {
    kind: 'user',
    userId: options.id ?? 'me',
    boardId: 'board-1',
    stage: options.stage ?? 'full',
    schoolId: options.schoolId === undefined ? SCHOOL : options.schoolId,
    memberships: [...roles.map((role) => ({ schoolId: role === 'board' ? null : SCHOOL, role })), ...(options.extra ?? [])],
    groupIds: options.groups ?? [],
    elevatedUntil: options.elevated ? new Date(NOW.getTime() + 60_000) : null,
  };
}

const school: Resource = { kind: 'school', schoolId: SCHOOL };
const colleague: Resource = { kind: 'staff-member', schoolId: SCHOOL, userId: 'colleague', boardId: 'board-1' };
const pupil = (groupIds: string[], caseMemberUserIds: string[] = []): Resource => ({ kind: 'pupil', schoolId: SCHOOL, groupIds, caseMemberUserIds });
const meldcodeCase = (overrides: Partial<Extract<Resource, { kind: 'case' }>> = {}): Resource => ({
  kind: 'case',
  schoolId: SCHOOL,
  boardId: 'board-1',
  route: 'meldcode',
  startedBy: 'teacher-who-started',
  teamUserIds: ['ib-on-team'],
  casushouderId: null,
  breakGlassUserIds: [],
  ...overrides,
});
const allowed = (actor: Actor, action: Action, resource: Resource = { kind: 'none' }) => decide(actor, action, resource, NOW).allowed;
const reason = (actor: Actor, action: Action, resource: Resource = { kind: 'none' }) => {
  const d = decide(actor, action, resource, NOW);
  return d.allowed ? 'allowed' : d.reason;
};

describe('the access policy: signing in', () => {
  it('lets anyone reach the public operations', () => {
    for (const action of ['health.read', 'openapi.read', 'setup.status', 'setup.complete', 'auth.login', 'auth.logout', 'account-link.inspect', 'account-link.complete'] as Action[]) {
      expect(allowed(anonymous, action)).toBe(true);
    }
  });

  it('gives a person before the second factor only the operations that finish sign-in', () => {
    expect(allowed(person([], { stage: 'enrol' }), 'auth.totp.enrol')).toBe(true);
    expect(allowed(person([], { stage: 'second-factor' }), 'auth.totp.verify')).toBe(true);
    expect(reason(person([], { stage: 'second-factor' }), 'auth.totp.enrol')).toBe('wrong-stage');
    expect(reason(person(['ib'], { stage: 'second-factor' }), 'auth.me')).toBe('wrong-stage');
    expect(reason(person(['ib'], { stage: 'second-factor' }), 'case.read', meldcodeCase())).toBe('wrong-stage');
  });

  it('requires a full sign-in for everything that is not public', () => {
    const open = ['health.read', 'openapi.read', 'setup.status', 'setup.complete', 'auth.login', 'auth.logout', 'auth.totp.enrol', 'auth.totp.verify', 'account-link.inspect', 'account-link.complete', 'sso.providers.list', 'sso.start', 'sso.callback'];
    for (const action of ACTIONS.filter((a) => !open.includes(a))) expect(reason(anonymous, action, school), action).toBe('unauthenticated');
  });

  it('lets a person switch only to a school they belong to', () => {
    const actor = person(['smw'], { extra: [{ schoolId: OTHER_SCHOOL, role: 'smw' }] });
    expect(allowed(actor, 'auth.school.switch', { kind: 'school', schoolId: OTHER_SCHOOL })).toBe(true);
    expect(reason(actor, 'auth.school.switch', { kind: 'school', schoolId: 'school-c' })).toBe('forbidden');
  });

  it('denies an action it does not know', () => {
    expect(reason(person(['ib']), 'case.destroy' as Action, school)).toBe('forbidden');
    expect(reason(person(['ib']), '__proto__' as Action, school)).toBe('forbidden');
  });
});

describe('the access policy: the school and its staff', () => {
  it('lets the administrator run accounts, with a fresh code for every change of access', () => {
    const admin = person(['administrator']);
    expect(allowed(admin, 'staff.list', school)).toBe(true);
    expect(reason(admin, 'staff.invite', school)).toBe('elevation-required');
    expect(reason(admin, 'staff.deactivate', colleague)).toBe('elevation-required');
    const elevated = person(['administrator'], { elevated: true });
    for (const action of ['staff.roles.update', 'staff.deactivate', 'staff.password.reset', 'staff.second-factor.reset', 'staff.sessions.revoke'] as Action[]) {
      expect(allowed(elevated, action, colleague), action).toBe(true);
    }
  });

  it('never lets an administrator change their own access', () => {
    const admin = person(['administrator'], { id: 'colleague', elevated: true });
    expect(reason(admin, 'staff.roles.update', colleague)).toBe('forbidden');
    expect(reason(admin, 'staff.deactivate', colleague)).toBe('forbidden');
  });

  it('lets directie see the staff and edit school settings, but not change accounts', () => {
    const director = person(['director'], { elevated: true });
    expect(allowed(director, 'staff.list', school)).toBe(true);
    expect(allowed(director, 'school.settings.update', school)).toBe(true);
    expect(reason(director, 'staff.invite', school)).toBe('forbidden');
    expect(reason(director, 'groups.manage', school)).toBe('forbidden');
  });

  it('lets every member of staff read the settings and groups, and nobody reach another school', () => {
    for (const role of ['teacher', 'ib', 'smw', 'director', 'administrator'] as Role[]) {
      expect(allowed(person([role]), 'school.settings.read', school)).toBe(true);
      expect(reason(person([role], { elevated: true }), 'school.settings.read', { kind: 'school', schoolId: OTHER_SCHOOL })).toBe('forbidden');
    }
    expect(reason(person(['teacher']), 'staff.list', school)).toBe('forbidden');
    expect(reason(person(['board']), 'school.settings.read', school)).toBe('forbidden');
  });

  it('keeps a member of two schools to the one they act for', () => {
    const admin = person(['administrator'], { elevated: true, extra: [{ schoolId: OTHER_SCHOOL, role: 'administrator' }] });
    expect(reason(admin, 'staff.deactivate', { kind: 'staff-member', schoolId: OTHER_SCHOOL, userId: 'x', boardId: 'board-1' })).toBe('forbidden');
  });

  it('reports abilities by the same rules, counting a needed fresh code as able', () => {
    expect(abilities(person(['administrator']), ['staff.invite', 'groups.manage', 'case.list'] as const, school, NOW)).toEqual({
      'staff.invite': true,
      'groups.manage': true,
      'case.list': false,
    });
  });
});

describe('the access policy: pupils and cases (need to know)', () => {
  it('lets every member of staff find any pupil by name, and start a case about them', () => {
    for (const role of ['teacher', 'ib', 'smw', 'director'] as Role[]) {
      expect(allowed(person([role]), 'pupil.find', school)).toBe(true);
      expect(allowed(person([role]), 'case.start', pupil(['group-x']))).toBe(true);
    }
    expect(reason(person(['administrator']), 'case.start', pupil(['group-x']))).toBe('forbidden');
  });

  it('shows the full pupil page to their own teachers, the IB\'er and directie; to an SMW only for pupils of their cases', () => {
    expect(allowed(person(['teacher'], { groups: ['group-3'] }), 'pupil.read', pupil(['group-3']))).toBe(true);
    expect(reason(person(['teacher'], { groups: ['group-4'] }), 'pupil.read', pupil(['group-3']))).toBe('forbidden');
    expect(allowed(person(['ib']), 'pupil.read', pupil(['group-3']))).toBe(true);
    expect(allowed(person(['director']), 'pupil.read', pupil(['group-3']))).toBe(true);
    expect(reason(person(['smw']), 'pupil.read', pupil(['group-3']))).toBe('forbidden');
    expect(allowed(person(['smw']), 'pupil.read', pupil(['group-3'], ['me']))).toBe(true);
    expect(reason(person(['administrator']), 'pupil.read', pupil(['group-3']))).toBe('forbidden');
  });

  it('shows a meldcode case to who started it and its team; an IB\'er not on it is offered emergency access', () => {
    expect(allowed(person(['teacher'], { id: 'teacher-who-started' }), 'case.read', meldcodeCase())).toBe(true);
    expect(allowed(person(['smw'], { id: 'ib-on-team' }), 'case.read', meldcodeCase())).toBe(true);
    expect(reason(person(['ib']), 'case.read', meldcodeCase())).toBe('break-glass-available');
    expect(reason(person(['ib']), 'case.break-glass', meldcodeCase())).toBe('elevation-required');
    expect(allowed(person(['ib'], { elevated: true }), 'case.break-glass', meldcodeCase())).toBe(true);
    expect(reason(person(['teacher']), 'case.read', meldcodeCase())).toBe('forbidden');
    expect(reason(person(['smw']), 'case.read', meldcodeCase())).toBe('forbidden');
  });

  it('lets directie list the cases, read one only on its team, and otherwise offers emergency access', () => {
    expect(allowed(person(['director']), 'case.list', school)).toBe(true);
    expect(reason(person(['teacher']), 'case.list', school)).toBe('forbidden');
    expect(reason(person(['director']), 'case.read', meldcodeCase())).toBe('break-glass-available');
    expect(reason(person(['director']), 'case.break-glass', meldcodeCase())).toBe('elevation-required');
    expect(allowed(person(['director'], { elevated: true }), 'case.break-glass', meldcodeCase())).toBe(true);
    expect(allowed(person(['director']), 'case.read', meldcodeCase({ breakGlassUserIds: ['me'] }))).toBe(true);
    expect(allowed(person(['director'], { id: 'ib-on-team' }), 'case.read', meldcodeCase())).toBe(true);
    expect(reason(person(['ib'], { id: 'ib-on-team', elevated: true }), 'case.break-glass', meldcodeCase())).toBe('forbidden');
    expect(reason(person(['teacher'], { elevated: true }), 'case.break-glass', meldcodeCase())).toBe('forbidden');
  });

  it('never shows case content to the administrator or the board', () => {
    for (const actor of [person(['administrator']), person(['board'], { schoolId: null }), person(['administrator'], { elevated: true })]) {
      expect(reason(actor, 'case.read', meldcodeCase())).toBe('forbidden');
      expect(reason(actor, 'case.break-glass', meldcodeCase())).toBe('forbidden');
      expect(reason(actor, 'case.list', school)).toBe('forbidden');
    }
  });

  it('keeps a staff-route case to who raised it and the board — not the IB\'er, not directie unless the board adds them', () => {
    const staffCase = meldcodeCase({ route: 'staff', teamUserIds: [] });
    expect(allowed(person(['teacher'], { id: 'teacher-who-started' }), 'case.read', staffCase)).toBe(true);
    expect(allowed(person(['board'], { schoolId: null }), 'case.read', staffCase)).toBe(true);
    expect(reason(person(['ib']), 'case.read', staffCase)).toBe('forbidden');
    expect(reason(person(['director']), 'case.read', staffCase)).toBe('forbidden');
    expect(reason(person(['director']), 'case.break-glass', staffCase)).toBe('forbidden');
    expect(allowed(person(['director']), 'case.read', meldcodeCase({ route: 'staff', teamUserIds: ['me'] }))).toBe(true);
    expect(reason({ ...(person(['board'], { schoolId: null }) as Extract<Actor, { kind: 'user' }>), boardId: 'board-2' }, 'case.read', staffCase)).toBe('forbidden');
  });

  it('lets the IB\'er, SMW or directie on a case form the team, and the casushouder or an IB\'er decide; never the teacher', () => {
    const onTeam = meldcodeCase({ teamUserIds: ['me', 'ib-on-team'], casushouderId: 'ib-on-team' });
    expect(allowed(person(['smw']), 'case.escalate', onTeam)).toBe(true);
    expect(allowed(person(['director']), 'case.escalate', onTeam)).toBe(true);
    expect(reason(person(['teacher']), 'case.escalate', onTeam)).toBe('forbidden');
    expect(reason(person(['smw']), 'case.escalate', meldcodeCase())).toBe('forbidden');
    expect(allowed(person(['smw'], { id: 'ib-on-team' }), 'case.decide', onTeam)).toBe(true);
    expect(allowed(person(['ib']), 'case.decide', onTeam)).toBe(true);
    expect(reason(person(['smw']), 'case.decide', onTeam)).toBe('forbidden');
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), 'case.decide', onTeam)).toBe('forbidden');
    const staffCase = meldcodeCase({ route: 'staff', teamUserIds: [] });
    expect(allowed(person(['board'], { schoolId: null }), 'case.escalate', staffCase)).toBe(true);
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), 'case.escalate', staffCase)).toBe('forbidden');
  });

  it('lets only the casushouder report to Veilig Thuis', () => {
    const escalated = meldcodeCase({ teamUserIds: ['me', 'ib-on-team'], casushouderId: 'ib-on-team' });
    expect(allowed(person(['smw'], { id: 'ib-on-team' }), 'case.report', escalated)).toBe(true);
    expect(reason(person(['ib']), 'case.report', escalated)).toBe('forbidden');
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), 'case.report', escalated)).toBe('forbidden');
    expect(reason(person(['board'], { schoolId: null }), 'case.report', meldcodeCase({ route: 'staff', casushouderId: 'me' }))).toBe('forbidden');
  });

  it('lets the casushouder or an IB\'er on the case close and reopen it; on the staff route the board', () => {
    const escalated = meldcodeCase({ teamUserIds: ['me', 'ib-on-team'], casushouderId: 'ib-on-team' });
    expect(allowed(person(['smw'], { id: 'ib-on-team' }), 'case.close', escalated)).toBe(true);
    expect(allowed(person(['ib']), 'case.reopen', escalated)).toBe(true);
    expect(reason(person(['smw']), 'case.close', escalated)).toBe('forbidden');
    expect(reason(person(['teacher'], { id: 'teacher-who-started' }), 'case.close', escalated)).toBe('forbidden');
    expect(allowed(person(['board'], { schoolId: null }), 'case.close', meldcodeCase({ route: 'staff', teamUserIds: [] }))).toBe(true);
  });

  it('lets every member of staff read the school\'s route, and only the IB\'er and directie adapt it', () => {
    for (const role of ['teacher', 'ib', 'smw', 'director', 'administrator'] as Role[]) expect(allowed(person([role]), 'protocol.read', school)).toBe(true);
    expect(allowed(person(['ib']), 'protocol.manage', school)).toBe(true);
    expect(allowed(person(['director']), 'protocol.manage', school)).toBe(true);
    expect(reason(person(['teacher']), 'protocol.manage', school)).toBe('forbidden');
    expect(reason(person(['administrator']), 'protocol.manage', school)).toBe('forbidden');
  });

  it('gives the board figures across its own schools only', () => {
    expect(allowed(person(['board'], { schoolId: null }), 'statistics.board', { kind: 'board', boardId: 'board-1' })).toBe(true);
    expect(reason(person(['board'], { schoolId: null }), 'statistics.board', { kind: 'board', boardId: 'board-2' })).toBe('forbidden');
    expect(reason(person(['director']), 'statistics.board', { kind: 'board', boardId: 'board-1' })).toBe('forbidden');
  });
});
