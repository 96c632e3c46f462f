import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, chainHash, GENESIS_HASH, type StoredChainEvent } from '../../../../src/db/audit/audit-chain.js';
import { joinParts, PartVerifier, splitChain, type PartResult } from '../../../../src/db/audit/chain-parts.js';

const KEY = randomBytes(32);
type Head = { seq: number; hash: string };

function chain(n: number): StoredChainEvent[] {
  const events: StoredChainEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = {
      seq, prevHash, occurredAt: `2026-11-29T08:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`, action: 'case.read', outcome: 'success',
      actorUserId: `u${seq % 3}`, actorRole: 'ib', boardId: null, schoolId: 's1', pupilId: 'p1', caseId: 'c1', subjectId: null, requestId: `r${seq}`, address: '127.0.0.1',
    };
    const hash = chainHash(KEY, fields);
    events.push({ ...fields, id: seq + 100, hash });
    prevHash = hash;
  }
  return events;
}

const headOf = (events: StoredChainEvent[]): Head => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });

/** One walk along the whole chain: the reference answer. */
function walk(events: StoredChainEvent[], head: Head) {
  const verifier = new ChainVerifier(KEY);
  for (const e of events) if (!verifier.push(e)) break;
  return verifier.finish(head);
}

/** The chain in parts, each starting from the stored event before its range, as the threads read it from the database. */
function inParts(events: StoredChainEvent[], head: Head, ranges: Array<{ after: number; upTo: number | null }>) {
  const parts: PartResult[] = ranges.map(({ after, upTo }) => {
    const before = events.filter((e) => e.seq <= after).at(-1);
    const verifier = new PartVerifier(KEY, before ? { seq: before.seq, hash: before.hash } : null);
    for (const e of events.filter((x) => x.seq > after && (upTo === null || x.seq <= upTo))) {
      if (!verifier.push(e, chainHash(KEY, e) === e.hash)) break;
    }
    return verifier.result();
  });
  return joinParts(KEY, parts, head);
}

/** Every way of cutting the chain in two or three around the interesting places, plus the even splits. */
function cuts(lastSeq: number, around: number[]): Array<Array<{ after: number; upTo: number | null }>> {
  const points = [...new Set(around.flatMap((p) => [p - 2, p - 1, p, p + 1]).filter((p) => p > 0 && p < lastSeq))];
  const result = [1, 2, 3, 5, 8].map((n) => splitChain(lastSeq, n));
  for (const a of points) {
    result.push([{ after: 0, upTo: a }, { after: a, upTo: null }]);
    for (const b of points) if (b > a) result.push([{ after: 0, upTo: a }, { after: a, upTo: b }, { after: b, upTo: null }]);
  }
  return result;
}

const SCENARIOS: Array<[string, () => { events: StoredChainEvent[]; head: Head; around: number[] }]> = [
  ['intact', () => { const events = chain(400); return { events, head: headOf(events), around: [100, 200] }; }],
  ['one event altered', () => { const events = chain(400); events[199] = { ...events[199]!, actorUserId: 'someone' }; return { events, head: headOf(events), around: [200] }; }],
  ['the first event altered', () => { const events = chain(400); events[0] = { ...events[0]!, action: 'x' }; return { events, head: headOf(events), around: [1] }; }],
  ['two events altered, in different parts', () => {
    const events = chain(400);
    events[119] = { ...events[119]!, action: 'x' };
    events[319] = { ...events[319]!, action: 'x' };
    return { events, head: headOf(events), around: [120, 320] };
  }],
  ['events removed', () => { const events = chain(400); const head = headOf(events); events.splice(149, 3); return { events, head, around: [150, 153] }; }],
  ['the newest events removed', () => { const events = chain(400); const head = headOf(events); events.splice(395); return { events, head, around: [395] }; }],
  ['the newest event altered', () => { const events = chain(400); events[399] = { ...events[399]!, action: 'x' }; return { events, head: headOf(chain(400)), around: [400] }; }],
  ['an event inserted with a plausible place', () => {
    const events = chain(400);
    const head = headOf(events);
    events.splice(250, 0, { ...events[250]!, id: 9999, actorUserId: 'intruder', hash: 'f'.repeat(64) });
    return { events, head, around: [251] };
  }],
  ['an event inserted and the places after it renumbered', () => {
    const original = chain(400);
    const head = headOf(original);
    const forged = { ...original[249]!, id: 9999, actorUserId: 'intruder' };
    const events = [...original.slice(0, 249), forged, ...original.slice(249).map((e) => ({ ...e, seq: e.seq + 1 }))];
    return { events, head, around: [250, 251] };
  }],
  ['a head that does not match', () => { const events = chain(400); return { events, head: { seq: 400, hash: 'a'.repeat(64) }, around: [400] }; }],
];

describe('verifying the audit chain in parts', () => {
  it.each(SCENARIOS)('gives the answer of one walk, however the chain is cut: %s', (_name, make) => {
    const { events, head, around } = make();
    const expected = walk(events, head);
    const lastSeq = Math.max(head.seq, ...events.map((e) => e.seq));
    for (const ranges of cuts(lastSeq, around)) expect({ ranges, answer: inParts(events, head, ranges) }).toEqual({ ranges, answer: expected });
  });

  it('finds a problem wherever it is, so the scenarios are not all intact', () => {
    const answers = SCENARIOS.map(([, make]) => { const { events, head } = make(); return walk(events, head).problem?.kind ?? 'intact'; });
    expect(answers).toEqual(['intact', 'altered', 'altered', 'altered', 'removed', 'tail-removed', 'altered', 'inserted', 'inserted', 'head-mismatch']);
  });

  it('cuts a chain into ranges that cover every place once, the last open-ended', () => {
    expect(splitChain(1000, 3)).toEqual([{ after: 0, upTo: 334 }, { after: 334, upTo: 668 }, { after: 668, upTo: null }]);
    expect(splitChain(0, 4)).toEqual([{ after: 0, upTo: null }]);
    // A short chain is not worth a thread per processor.
    expect(splitChain(60, 8)).toHaveLength(2);
  });
});
