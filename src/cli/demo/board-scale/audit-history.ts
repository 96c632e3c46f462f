import type { AuditEventInput } from '../../../db/repositories/audit-repository.js';
import type { AppContext } from '../../../server/app-context.js';
import type { BoardCase } from './board-cases.js';
import type { BoardPeople } from './board-people.js';

/** Events appended per call (each call takes the chain head once) and per transaction. */
const APPEND_BATCH = 5_000;
const TRANSACTION_EVENTS = 100_000;
const KIND = { start: 0, write: 1, read: 2, home: 3, login: 4 } as const;
const ACTIONS = ['case.start', 'case.write', 'case.read', 'home.read', 'auth.login'];
/** Index bits in a packed (seconds · 2^22 + index) sort key: exact in a float64 up to 4M events. */
const INDEX_BITS = 2 ** 22;

/**
 * The board's audit history: the start and every entry of every case, reads of the cases by their teams,
 * home page reads and sign-ins — `total` events in time order, appended through the audit repository
 * (so the keyed hash chain is the real one) in batches within large transactions. Events are described
 * by small typed arrays and sorted by packed time keys, so two million of them fit in little memory.
 */
export async function createAuditHistory(ctx: AppContext, people: BoardPeople, cases: readonly BoardCase[], total: number, random: () => number, onProgress: (done: number) => void = () => {}): Promise<number> {
  if (total >= INDEX_BITS) throw new Error(`at most ${INDEX_BITS - 1} audit events`);
  const now = ctx.now().getTime();
  const kind = new Uint8Array(total);
  const subject = new Int32Array(total);
  const actor = new Int32Array(total);
  const keys = new Float64Array(total);
  const staff = people.schools.flatMap((s) => [s.ibId, s.directorId, ...s.groups.map((g) => g.teacherId)]);
  const staffIndex = new Map(staff.map((id, i) => [id, i] as const));
  const extra: string[] = [];
  const actorOf = (userId: string) => staffIndex.get(userId) ?? staff.length + (extra.includes(userId) ? extra.indexOf(userId) : extra.push(userId) - 1);
  let n = 0;
  const put = (k: number, at: number, s: number, a: number) => {
    if (n >= total) return;
    kind[n] = k;
    subject[n] = s;
    actor[n] = a;
    keys[n] = Math.floor(Math.min(at, now) / 1000) * INDEX_BITS + n;
    n += 1;
  };
  for (const [i, c] of cases.entries()) {
    put(KIND.start, c.startedAt, i, actorOf(c.readers[c.readers.length - 1] ?? people.boardMemberId));
    for (const at of c.entryTimes) put(KIND.write, at, i, actorOf(c.readers[Math.floor(random() * c.readers.length)] ?? people.boardMemberId));
  }
  const earliest = Math.min(...cases.map((c) => c.startedAt), now - 30 * 86_400_000);
  while (n < total) {
    const r = random();
    if (r < 0.8 && cases.length > 0) {
      const i = Math.floor(random() * cases.length);
      const c = cases[i]!;
      put(KIND.read, c.startedAt + random() * (now - c.startedAt), i, actorOf(c.readers[Math.floor(random() * c.readers.length)] ?? people.boardMemberId));
    } else {
      put(r < 0.95 ? KIND.home : KIND.login, earliest + random() * (now - earliest), -1, Math.floor(random() * staff.length));
    }
  }
  keys.sort();
  const userOf = (a: number) => (a < staff.length ? staff[a]! : extra[a - staff.length]!);
  const roleOf = (a: number) => (a >= staff.length ? null : a % 10 === 0 ? 'ib' : a % 10 === 1 ? 'director' : 'teacher');
  const schoolOfStaff = (a: number) => people.schools[Math.floor(a / 10)]?.id ?? null;

  let done = 0;
  while (done < n) {
    const end = Math.min(n, done + TRANSACTION_EVENTS);
    await ctx.db.kysely.transaction().execute(async (tx) => {
      for (let from = done; from < end; from += APPEND_BATCH) {
        const batch: AuditEventInput[] = [];
        for (let j = from; j < Math.min(end, from + APPEND_BATCH); j++) {
          const key = keys[j]!;
          const e = key % INDEX_BITS;
          const at = new Date(((key - e) / INDEX_BITS) * 1000);
          const k = kind[e]!;
          const c = subject[e]! >= 0 ? cases[subject[e]!]! : null;
          batch.push({
            occurredAt: at, action: ACTIONS[k]!, outcome: 'success', actorUserId: userOf(actor[e]!), actorRole: roleOf(actor[e]!), boardId: people.boardId,
            schoolId: c ? c.schoolId : schoolOfStaff(actor[e]!), pupilId: c ? c.pupilId : null, caseId: c ? c.id : null, subjectId: null,
            requestId: `req-${(e % 65_536).toString(36)}`, address: `10.${(e >> 16) & 255}.${(e >> 8) & 255}.${e & 255}`,
          });
        }
        await ctx.repos.audit.appendAll(batch, tx);
      }
    });
    done = end;
    onProgress(done);
  }
  return n;
}
