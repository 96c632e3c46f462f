/** A child who shares a household with the pupil. */
export interface HouseholdChild {
  pupilId: string;
  schoolId: string;
  schoolName: string;
  displayName: string;
  groupName: string | null;
}

/**
 * How a sibling may be shown from a school: in full when they attend the same school, and as
 * nothing but "a sibling attends school X" when they attend another school of the board — never
 * their name, group or case.
 */
export type SiblingView = { kind: 'same-school'; pupilId: string; displayName: string; groupName: string | null } | { kind: 'other-school'; schoolName: string };

export function siblingsAsSeenFrom(schoolId: string, pupilId: string, children: readonly HouseholdChild[]): SiblingView[] {
  const seen = new Set<string>();
  const views: SiblingView[] = [];
  for (const child of children) {
    if (child.pupilId === pupilId || seen.has(child.pupilId)) continue;
    seen.add(child.pupilId);
    views.push(
      child.schoolId === schoolId
        ? { kind: 'same-school', pupilId: child.pupilId, displayName: child.displayName, groupName: child.groupName }
        : { kind: 'other-school', schoolName: child.schoolName },
    );
  }
  return views.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'same-school' ? -1 : 1));
}
