/** What a worry is about: the first question when a case starts. */
export const WORRY_SUBJECTS = ['home-situation', 'staff-member', 'between-pupils'] as const;
export type WorrySubject = (typeof WORRY_SUBJECTS)[number];

/**
 * `meldcode`: the pupil's home situation. `staff`: a suspected sexual offence or other abuse by a
 * member of staff — the board's route, restricted to who raised it and the board.
 */
export const CASE_ROUTES = ['meldcode', 'staff'] as const;
export type CaseRoute = (typeof CASE_ROUTES)[number];

export type RouteChoice = { kind: 'case'; route: CaseRoute } | { kind: 'not-a-case'; pointTo: 'school-safety-policy' };

/**
 * Where a worry leads. Something between pupils at school is not a meldcode matter: it belongs to
 * the school's safety policy (anti-bullying, sexual behaviour between pupils), not to a case file.
 */
export function routeForWorry(subject: WorrySubject): RouteChoice {
  switch (subject) {
    case 'home-situation':
      return { kind: 'case', route: 'meldcode' };
    case 'staff-member':
      return { kind: 'case', route: 'staff' };
    case 'between-pupils':
      return { kind: 'not-a-case', pointTo: 'school-safety-policy' };
  }
}

/**
 * The board's duties on the staff route (meldplicht personeelsleden, aangifteplicht bevoegd gezag; reference §1): shown
 * on every staff-route case and recorded like tasks.
 */
export const STAFF_ROUTE_DUTIES = [
  { id: 'staff.inform-board', text: 'Informeer het bestuur direct en rechtstreeks; de schoolleiding inlichten is niet genoeg' },
  { id: 'staff.vertrouwensinspecteur', text: 'Het bestuur overlegt direct met de vertrouwensinspecteur van de Inspectie van het Onderwijs' },
  { id: 'staff.police', text: 'Is er een redelijk vermoeden van een strafbaar feit, dan doet het bestuur aangifte bij de politie en informeert het de betrokkenen' },
  { id: 'staff.pupil-safety', text: 'Zorg dat het voor de leerling veilig blijft op school' },
] as const;

export function isStaffRouteDuty(taskId: string): boolean {
  return STAFF_ROUTE_DUTIES.some((d) => d.id === taskId);
}
