import { hasRoleHere, type UserActor } from '../access/actor.js';

/**
 * Whose groups a person's overview of start-of-year talks covers: the whole school for the IB'er
 * and directie, their own groups for a teacher.
 */
export function overviewScope(actor: UserActor): 'all' | readonly string[] {
  return hasRoleHere(actor, 'ib', 'director') ? 'all' : actor.groupIds;
}

export interface TalkStatus {
  heldOn: string | null;
}

/** Counts per group: how many pupils had their start-of-year talk, and how many still need one. */
export function talkProgress(statuses: readonly TalkStatus[]): { done: number; toDo: number } {
  const done = statuses.filter((s) => s.heldOn !== null).length;
  return { done, toDo: statuses.length - done };
}
