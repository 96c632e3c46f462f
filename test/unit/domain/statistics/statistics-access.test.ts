import { describe, expect, it } from 'vitest';
import { decide, type Actor, type Resource } from '../../../../src/domain/access/policy.js';
import type { Role } from '../../../../src/domain/people/roles.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const SCHOOL = 'school-a';

function person(roles: Role[], options: { schoolId?: string | null; stage?: 'full' | 'second-factor'; boardId?: string } = {}): Actor {
  return {
    kind: 'user',
    userId: 'me',
    boardId: options.boardId ?? 'board-1',
    stage: options.stage ?? 'full',
    schoolId: options.schoolId === undefined ? SCHOOL : options.schoolId,
    memberships: roles.map((role) => ({ schoolId: role === 'board' ? null : SCHOOL, role })),
    groupIds: [],
    elevatedUntil: null,
  };
}

const school: Resource = { kind: 'school', schoolId: SCHOOL };
const board: Resource = { kind: 'board', boardId: 'board-1' };

describe("the school's figures (statistics.school)", () => {
  it('are for the IB\'er and directie of the school they act for', () => {
    expect(decide(person(['ib']), 'statistics.school', school, NOW).allowed).toBe(true);
    expect(decide(person(['director']), 'statistics.school', school, NOW).allowed).toBe(true);
  });

  it('are not for a teacher, SMW, administrator or the board', () => {
    for (const role of ['teacher', 'smw', 'administrator'] as const) expect(decide(person([role]), 'statistics.school', school, NOW)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(person(['board'], { schoolId: null }), 'statistics.school', school, NOW).allowed).toBe(false);
  });

  it('are not for another school, nor before the second factor', () => {
    expect(decide(person(['director']), 'statistics.school', { kind: 'school', schoolId: 'school-b' }, NOW).allowed).toBe(false);
    expect(decide(person(['director'], { stage: 'second-factor' }), 'statistics.school', school, NOW).allowed).toBe(false);
    expect(decide({ kind: 'anonymous' }, 'statistics.school', school, NOW).allowed).toBe(false);
  });
});

describe("the board's figures (statistics.board)", () => {
  it('are for the board, of its own board only', () => {
    expect(decide(person(['board'], { schoolId: null }), 'statistics.board', board, NOW).allowed).toBe(true);
    expect(decide(person(['board'], { schoolId: null }), 'statistics.board', { kind: 'board', boardId: 'board-2' }, NOW).allowed).toBe(false);
  });

  it('are not for directie or the IB\'er of a school', () => {
    for (const role of ['director', 'ib', 'teacher', 'administrator'] as const) expect(decide(person([role]), 'statistics.board', board, NOW).allowed).toBe(false);
  });

  it('need a board resource and a complete sign-in', () => {
    expect(decide(person(['board'], { schoolId: null }), 'statistics.board', { kind: 'none' }, NOW).allowed).toBe(false);
    expect(decide(person(['board'], { schoolId: null, stage: 'second-factor' }), 'statistics.board', board, NOW).allowed).toBe(false);
  });
});
