import type { Role } from '../people/roles.js';

/** The parts a home page can have; each person sees those of their roles, in this order. */
export const HOME_SECTIONS = [
  // Teacher: my pupils with an open concern, my monitoring moments and agreements, start-of-year talks.
  'my-concerns',
  'my-due',
  'start-of-year-talks',
  // IB'er / casushouder: the school's cases by step and everything due in them, destruction due.
  'cases-by-step',
  'school-due',
  'destruction-due',
  // SMW: my cases.
  'my-cases',
  // Directie: the school in figures (counts only) and emergency accesses.
  'school-overview',
  'break-glass',
  // Bestuur: the board in figures and the staff-route cases.
  'board-figures',
  'staff-route-cases',
] as const;
export type HomeSection = (typeof HOME_SECTIONS)[number];

const BY_ROLE: Record<Role, readonly HomeSection[]> = {
  teacher: ['my-concerns', 'my-due', 'start-of-year-talks'],
  ib: ['my-due', 'cases-by-step', 'school-due', 'destruction-due'],
  smw: ['my-cases', 'my-due'],
  director: ['school-overview', 'break-glass', 'my-due'],
  board: ['board-figures', 'staff-route-cases'],
  // The administrator manages people and settings and never sees case content.
  administrator: [],
};

/** What the home page of someone with these roles (at the school they act for) shows. */
export function homeSectionsFor(roles: readonly Role[]): HomeSection[] {
  const wanted = new Set(roles.flatMap((role) => BY_ROLE[role]));
  // An IB'er's school-wide list already holds what "my cases" would.
  if (wanted.has('cases-by-step')) {
    wanted.delete('my-cases');
    wanted.delete('my-concerns');
  }
  return HOME_SECTIONS.filter((section) => wanted.has(section));
}
