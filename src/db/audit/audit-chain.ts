import { createHmac } from 'node:crypto';

/** The hash before the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event the chain covers: everything it records. */
export interface ChainedFields {
  seq: number;
  prevHash: string;
  occurredAt: string;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorRole: string | null;
  boardId: string | null;
  schoolId: string | null;
  pupilId: string | null;
  caseId: string | null;
  subjectId: string | null;
  requestId: string | null;
  address: string | null;
}

/**
 * The keyed hash of one event (HMAC-SHA-256 under a key derived from the installation's secrets key):
 * someone who has only the database can neither alter an event nor forge a new chain that verifies.
 */
export function chainHash(key: Buffer, e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.seq, e.prevHash, e.occurredAt, e.action, e.outcome, e.actorUserId, e.actorRole, e.boardId,
    e.schoolId, e.pupilId, e.caseId, e.subjectId, e.requestId, e.address,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export interface StoredChainEvent extends ChainedFields {
  id: number;
  hash: string;
}

export type ChainProblem =
  | { kind: 'altered'; eventId: number; seq: number }
  | { kind: 'removed'; eventId: number; seq: number; missingFrom: number; missingTo: number }
  | { kind: 'inserted'; eventId: number; seq: number }
  | { kind: 'tail-removed'; lastSeq: number; headSeq: number }
  | { kind: 'head-mismatch'; lastSeq: number };

/**
 * Walks the chain in order and names the first event that does not fit: one whose own hash cannot be
 * reproduced (altered — or inserted, when the event after it links straight to the one before it), one
 * that follows a gap or a broken link (events removed), and at the end a chain shorter than its recorded
 * head (the newest events removed).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private lastHash = GENESIS_HASH;
  private suspect: StoredChainEvent | null = null;
  private problem: ChainProblem | null = null;
  private checked = 0;

  constructor(private readonly key: Buffer) {}

  /** Checks the next event; returns false once a problem was found (the rest need not be read). */
  push(e: StoredChainEvent): boolean {
    if (this.problem) return false;
    if (this.suspect) {
      const s = this.suspect;
      // The event after it links to the one before it: the suspect was never part of the chain.
      const skipsSuspect = e.prevHash === this.lastHash;
      this.problem = { kind: skipsSuspect || s.seq < this.expectedSeq ? 'inserted' : 'altered', eventId: s.id, seq: s.seq };
      return false;
    }
    if (chainHash(this.key, e) !== e.hash) {
      this.suspect = e;
      return true;
    }
    if (e.seq !== this.expectedSeq || e.prevHash !== this.lastHash) {
      this.problem = { kind: 'removed', eventId: e.id, seq: e.seq, missingFrom: this.expectedSeq, missingTo: Math.max(this.expectedSeq, e.seq - 1) };
      return false;
    }
    this.expectedSeq = e.seq + 1;
    this.lastHash = e.hash;
    this.checked += 1;
    return true;
  }

  /** Compares the end of the chain with the head the database recorded. */
  finish(head: { seq: number; hash: string }): { checked: number; problem: ChainProblem | null } {
    if (!this.problem && this.suspect) {
      const s = this.suspect;
      this.problem = { kind: s.seq > head.seq || s.seq < this.expectedSeq ? 'inserted' : 'altered', eventId: s.id, seq: s.seq };
    }
    if (!this.problem) {
      const lastSeq = this.expectedSeq - 1;
      if (head.seq > lastSeq) this.problem = { kind: 'tail-removed', lastSeq, headSeq: head.seq };
      else if (head.seq === lastSeq && head.hash !== this.lastHash) this.problem = { kind: 'head-mismatch', lastSeq };
    }
    return { checked: this.checked, problem: this.problem };
  }
}
