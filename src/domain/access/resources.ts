/**
 * What an action is on. Each carries the facts the rules need and nothing more; the server loads
 * them (scoped to the actor's school) before asking.
 */
export type Resource =
  | { kind: 'none' }
  /** The school itself (settings, staff list, groups). */
  | { kind: 'school'; schoolId: string }
  /** Another person's account, as seen from one school. */
  | { kind: 'staff-member'; schoolId: string; userId: string; boardId: string }
  | { kind: 'pupil'; schoolId: string; groupIds: readonly string[]; caseMemberUserIds: readonly string[] }
  | {
      kind: 'case';
      schoolId: string;
      boardId: string;
      /** `meldcode`: the home situation; `staff`: a suspected offence by a member of staff (restricted). */
      route: 'meldcode' | 'staff';
      startedBy: string;
      teamUserIds: readonly string[];
      casushouderId: string | null;
      /** People who opened this case through emergency access and still hold that access. */
      breakGlassUserIds: readonly string[];
    }
  | { kind: 'board'; boardId: string };

export type ResourceKind = Resource['kind'];
