/**
 * A legal hold (bewaarplicht wegens een procedure) stops a case from being destroyed while it is on,
 * whatever its retention term says. The ground is chosen from a fixed list: a hold never carries
 * free text about the child.
 */
export const LEGAL_HOLD_GROUNDS = ['court-proceedings', 'complaint', 'veilig-thuis-request', 'inspectorate-request', 'other'] as const;

export type LegalHoldGround = (typeof LEGAL_HOLD_GROUNDS)[number];

export function isLegalHoldGround(value: string): value is LegalHoldGround {
  return (LEGAL_HOLD_GROUNDS as readonly string[]).includes(value);
}

export interface LegalHold {
  ground: LegalHoldGround;
  setBy: string;
  /** ISO time. */
  setAt: string;
}
