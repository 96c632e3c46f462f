/**
 * The grounds on which a school may withhold part of what it holds about a pupil from an access
 * request (inzageverzoek, AVG art. 15). A fixed list: a ground that is not on it is not a ground.
 *
 * Reference §10.2 names exactly two exceptions — protecting the child and the rights of others — and
 * marks how they apply to meldcode notes as unconfirmed (consult the school's FG). It names no third
 * one: the personal notes of a teacher or director it mentions are, under the guidance it cites,
 * *covered* by the right of access, so they are not a ground to withhold.
 */
export const WITHHOLDING_GROUNDS = ['child-protection', 'rights-of-others'] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

/** Where each ground rests in the law, printed with the export beside every withheld part. */
export const WITHHOLDING_GROUND_BASIS: Record<WithholdingGround, string> = {
  // Protecting the data subject: for a child, e.g. an ongoing meldcode case the parents must not learn of yet.
  'child-protection': 'AVG art. 23 lid 1 sub i; art. 41 lid 1 sub i UAVG',
  // The copy must not harm others, e.g. who reported a worry or what a colleague or sibling said.
  'rights-of-others': 'AVG art. 15 lid 4; art. 23 lid 1 sub i; art. 41 lid 1 sub i UAVG',
};

export function isWithholdingGround(value: string): value is WithholdingGround {
  return (WITHHOLDING_GROUNDS as readonly string[]).includes(value);
}
