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
  return keyedHash(key, canonicalFields(e));
}

/** The fields as the chain hashes them: one JSON array in a fixed order. */
export function canonicalFields(e: ChainedFields): string {
  return JSON.stringify([
    e.seq, e.prevHash, e.occurredAt, e.action, e.outcome, e.actorUserId, e.actorRole, e.boardId,
    e.schoolId, e.pupilId, e.caseId, e.subjectId, e.requestId, e.address,
  ]);
}

/** HMAC-SHA-256 of an event's canonical fields. */
export function keyedHash(key: Buffer, canonical: string): string {
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export interface StoredChainEvent extends ChainedFields {
  id: number;
  hash: string;
}

/** What the walk along the chain needs of an event once its own hash was checked. */
export type ChainLink = Pick<StoredChainEvent, 'id' | 'seq' | 'prevHash' | 'hash'>;

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
/** Where a walk along the chain stands: enough to carry on from there in another thread. */
export interface ChainState {
  expectedSeq: number;
  lastHash: string;
  suspect: ChainLink | null;
  problem: ChainProblem | null;
  checked: number;
}

export class ChainVerifier {
  private expectedSeq: number;
  private lastHash: string;
  private suspect: ChainLink | null;
  private problem: ChainProblem | null;
  private checked: number;

  /** @param from a state to carry on from (the start of the chain when not given) */
  constructor(
    private readonly key: Buffer,
    from: ChainState = { expectedSeq: 1, lastHash: GENESIS_HASH, suspect: null, problem: null, checked: 0 },
  ) {
    this.expectedSeq = from.expectedSeq;
    this.lastHash = from.lastHash;
    this.suspect = from.suspect;
    this.problem = from.problem;
    this.checked = from.checked;
  }

  state(): ChainState {
    return { expectedSeq: this.expectedSeq, lastHash: this.lastHash, suspect: this.suspect, problem: this.problem, checked: this.checked };
  }

  /** Checks the next event; returns false once a problem was found (the rest need not be read). */
  push(e: StoredChainEvent): boolean {
    return this.pushLink(e, chainHash(this.key, e) === e.hash);
  }

  /** The same, for an event whose own hash the caller checked (`hashHolds`) — in another thread, say. */
  pushLink(e: ChainLink, hashHolds: boolean): boolean {
    if (this.problem) return false;
    if (this.suspect) {
      const s = this.suspect;
      // The event after it links to the one before it: the suspect was never part of the chain.
      const skipsSuspect = e.prevHash === this.lastHash;
      this.problem = { kind: skipsSuspect || s.seq < this.expectedSeq ? 'inserted' : 'altered', eventId: s.id, seq: s.seq };
      return false;
    }
    if (!hashHolds) {
      this.suspect = { id: e.id, seq: e.seq, prevHash: e.prevHash, hash: e.hash };
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
