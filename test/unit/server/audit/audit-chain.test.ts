import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, chainHash, GENESIS_HASH, type StoredChainEvent } from '../../../../src/db/audit/audit-chain.js';

const KEY = randomBytes(32);

function chain(n: number, key = KEY): StoredChainEvent[] {
  const events: StoredChainEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = {
      seq, prevHash, occurredAt: `2026-11-29T08:00:${String(seq % 60).padStart(2, '0')}.000Z`, action: 'case.read', outcome: 'success',
      actorUserId: `u${seq % 3}`, actorRole: 'ib', boardId: null, schoolId: 's1', pupilId: 'p1', caseId: 'c1', subjectId: null, requestId: `r${seq}`, address: '127.0.0.1',
    };
    const hash = chainHash(key, fields);
    events.push({ ...fields, id: seq + 100, hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: StoredChainEvent[], head = { seq: events.at(-1)?.seq ?? 0, hash: events.at(-1)?.hash ?? GENESIS_HASH }) {
  const verifier = new ChainVerifier(KEY);
  for (const e of events) if (!verifier.push(e)) break;
  return verifier.finish(head);
}

describe('the audit chain', () => {
  it('verifies an untouched chain, and an empty one', () => {
    expect(verify(chain(50))).toEqual({ checked: 50, problem: null });
    expect(verify([])).toEqual({ checked: 0, problem: null });
  });

  it('names an altered event', () => {
    const events = chain(10);
    events[4] = { ...events[4]!, action: 'case.write' };
    expect(verify(events).problem).toEqual({ kind: 'altered', eventId: 105, seq: 5 });
  });

  it('names the event after a removed one, and the missing places', () => {
    const events = chain(10);
    const head = { seq: 10, hash: events[9]!.hash };
    events.splice(3, 2);
    expect(verify(events, head).problem).toEqual({ kind: 'removed', eventId: 106, seq: 6, missingFrom: 4, missingTo: 5 });
  });

  it('names an inserted event, also one given a plausible place and link', () => {
    const events = chain(10);
    const head = { seq: 10, hash: events[9]!.hash };
    const forged = { ...events[5]!, id: 999, action: 'case.read', actorUserId: 'intruder', hash: 'f'.repeat(64) };
    events.splice(5, 0, forged);
    expect(verify(events, head).problem).toEqual({ kind: 'inserted', eventId: 999, seq: 6 });
  });

  it('does not accept a chain rebuilt by someone without the key', () => {
    const rebuilt = chain(5, randomBytes(32));
    expect(verify(rebuilt).problem).toMatchObject({ kind: 'altered', eventId: 101 });
  });

  it('notices the newest events removed, and a head that does not match', () => {
    const events = chain(10);
    expect(verify(events.slice(0, 8), { seq: 10, hash: events[9]!.hash }).problem).toEqual({ kind: 'tail-removed', lastSeq: 8, headSeq: 10 });
    expect(verify(events, { seq: 10, hash: 'a'.repeat(64) }).problem).toEqual({ kind: 'head-mismatch', lastSeq: 10 });
  });
});
