import { ChainVerifier, GENESIS_HASH, type ChainLink, type ChainProblem, type ChainState } from './audit-chain.js';

/**
 * Verifying the chain in parts, one thread each. Every event's keyed hash can be checked on its own
 * (it covers the previous hash as stored), so the chain splits into ranges of places; each part
 * starts from the stored event just before its range, and the parts are joined in order so that the
 * answer is exactly the one a single walk along the whole chain would give.
 */

/** The event just before a part's range (null at the start of the chain). */
export interface PartStart {
  seq: number;
  hash: string;
}

/** What one part found: its walk's end state and the first event it read (to settle a suspect before it). */
export interface PartResult {
  state: ChainState;
  first: ChainLink | null;
}

/** Below this many events a part is not worth a thread of its own. */
const MIN_PART = 50;

/** The ranges of places (exclusive low, inclusive high) for `parts` threads; the last is open-ended. */
export function splitChain(lastSeq: number, parts: number): Array<{ after: number; upTo: number | null }> {
  const count = Math.max(1, Math.min(parts, Math.ceil(lastSeq / MIN_PART)));
  const size = Math.ceil(lastSeq / count);
  return Array.from({ length: count }, (_, i) => ({ after: i * size, upTo: i === count - 1 ? null : (i + 1) * size }));
}

/** Walks one part, given for each event whether its own keyed hash holds. Stop pushing once it returns false. */
export class PartVerifier {
  private readonly verifier: ChainVerifier;
  private first: ChainLink | null = null;

  constructor(key: Buffer, start: PartStart | null) {
    this.verifier = new ChainVerifier(key, {
      expectedSeq: start ? start.seq + 1 : 1,
      lastHash: start ? start.hash : GENESIS_HASH,
      suspect: null,
      problem: null,
      checked: 0,
    });
  }

  push(e: ChainLink, hashHolds: boolean): boolean {
    this.first ??= { id: e.id, seq: e.seq, prevHash: e.prevHash, hash: e.hash };
    return this.verifier.pushLink(e, hashHolds);
  }

  result(): PartResult {
    return { state: this.verifier.state(), first: this.first };
  }
}

/**
 * Joins the parts in order. A part before the first problem ended where the next one started (both
 * stand on the same stored event), so the first part with a problem names it; a part that ended on a
 * suspect event is settled by the first event after it, as a single walk would.
 */
export function joinParts(key: Buffer, parts: PartResult[], head: { seq: number; hash: string }): { checked: number; problem: ChainProblem | null } {
  let checked = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const { state } = parts[i]!;
    const carried: ChainState = { ...state, checked: checked + state.checked };
    if (state.problem) return { checked: carried.checked, problem: state.problem };
    const isLast = i === parts.length - 1;
    if (state.suspect || isLast) {
      const verifier = new ChainVerifier(key, carried);
      const next = parts.slice(i + 1).find((p) => p.first !== null)?.first ?? null;
      // With a suspect pending, the next event settles it whatever its own hash.
      if (next && !verifier.pushLink(next, true)) return { checked: carried.checked, problem: verifier.state().problem };
      return verifier.finish(head);
    }
    checked = carried.checked;
  }
  return new ChainVerifier(key).finish(head);
}
