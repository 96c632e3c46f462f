import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { describeLeaks, logLineHaystacks, scanForLeaks, type Haystack } from '../support/leak-scan.js';
import { readDatabaseLeakSources } from '../support/leak-sources.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';
import type { Session } from '../support/test-app.js';

// A name and sentences found nowhere else, so that any hit is this test's own.
const PUPIL = { callName: 'Ilse', surnamePrefix: 'van', surname: 'Verhoeckx', pupilNumber: '7301' };
const NAME = 'Ilse van Verhoeckx';
const SIGNAL = 'Ilse had een schaafwond op de knie en vertelde dat haar oom boos werd.';
const SECOND = 'Zij wilde na schooltijd niet naar huis en bleef bij het hek staan.';
const REASONING = 'Patroon van verwondingen zonder passende uitleg, zorgelijk beeld.';
const MONITORING = 'Elke ochtend het welbevinden van de leerling bespreken.';

const signal = (overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-11-19',
  observedTime: '08:40',
  place: 'schoolplein',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description: SIGNAL,
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [],
  ...overrides,
});

describe.each(ENGINES)('nothing about a child leaks sideways: logs, errors, notifications, jobs (%s)', (engine) => {
  let t: DemoApp;
  let pupilId: string;
  let teacher: Session;
  // Every answer the API gave that was not a success: its body is an error message a person reads.
  const errorBodies: Haystack[] = [];

  function keepError(what: string, response: LightMyRequestResponse): LightMyRequestResponse {
    if (response.statusCode >= 400) errorBodies.push({ where: `error body of ${what} (${response.statusCode})`, text: response.body });
    return response;
  }

  beforeEach(async () => {
    errorBodies.length = 0;
    t = await createDemoApp(engine, { LOG_LEVEL: 'debug' }, { pupilsPerSchool: 2 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    pupilId = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', PUPIL);
    await addHousehold(t, [pupilId], [{ name: 'Karin van Verhoeckx' }]);
    teacher = await signInAs(t, account(t, 'teacher'));
  });
  afterEach(async () => t.close());

  async function scan(): Promise<{ leaks: string; scanned: Haystack[] }> {
    const fromDatabase = await readDatabaseLeakSources(t.ctx.db.kysely);
    const logs = t.logs.flatMap((line, i) => logLineHaystacks(line, `log line ${i + 1}`));
    const scanned = [...logs, ...errorBodies, ...fromDatabase.rows];
    const leaks = scanForLeaks({ pupils: fromDatabase.pupils, typed: [SIGNAL, SECOND, REASONING, MONITORING], allowed: fromDatabase.allowed }, scanned);
    return { leaks: leaks.length > 0 ? describeLeaks(leaks) : '', scanned };
  }

  it('records a case with distinctive sentences, fails in every way it can, and none of it names the child', async () => {
    // The case, a second signal, a team, a decision with monitoring: notifications and jobs follow.
    const started = keepError('start', await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'home-situation', firstSignal: signal() }));
    expect(started.statusCode, started.body).toBe(201);
    const caseId = started.json().id as string;
    expect(keepError('second signal', await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'signal', body: signal({ description: SECOND }) })).statusCode).toBe(201);
    const ib = await signInAs(t, account(t, 'ib'));
    const ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    expect((await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId })).statusCode).toBe(200);
    const decided = await ib.post(`/api/cases/${caseId}/decision`, { decision: 'no-report-now', reasoning: REASONING, monitoring: [{ what: MONITORING, ownerUserId: teacherId, dueOn: '2026-12-04' }] });
    expect(decided.statusCode, decided.body).toBe(200);
    t.clock.advance(Date.parse('2026-12-04T06:00:00Z') - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();

    // Bad input that carries the name and the sentences: refused, and not repeated back.
    const teacherAgain = await signInAs(t, account(t, 'teacher'));
    const page = (await teacherAgain.get(`/api/cases/${caseId}`)).json();
    const signalEntryId = page.entries.find((e: { kind: string }) => e.kind === 'signal').entryId as string;
    const bad = [
      ['a signal with a date that is a name', await teacherAgain.post(`/api/cases/${caseId}/entries`, { kind: 'signal', body: signal({ observedOn: NAME, description: SECOND }) })],
      ['a signal with a sentence as its source', await teacherAgain.post(`/api/cases/${caseId}/entries`, { kind: 'signal', body: signal({ source: SIGNAL }) })],
      ['an entry of a kind that is a sentence', await teacherAgain.post(`/api/cases/${caseId}/entries`, { kind: SECOND, body: {} })],
      ['broken JSON holding a sentence', await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/entries`, headers: { cookie: teacherAgain.cookie!, 'content-type': 'application/json' }, payload: `{"kind":"signal","body":{"description":"${SIGNAL}"` })],
      ['a pupil with a date of birth that is a name', await ib.post('/api/pupils', { pupilNumber: '7302', givenNames: 'Ilse', callName: 'Ilse', surnamePrefix: 'van', surname: 'Verhoeckx', dateOfBirth: NAME, sex: null, groupId: null, enrolledOn: null })],
      ['a pupil with a number already taken', await ib.post('/api/pupils', { pupilNumber: '7301', givenNames: 'Ilse', callName: 'Ilse', surnamePrefix: 'van', surname: 'Verhoeckx', dateOfBirth: null, sex: null, groupId: null, enrolledOn: null })],
      ['a search that is too long, for a name', await ib.post('/api/pupils/search', { query: `${NAME} ${SIGNAL} ${SECOND}`, includeLeft: 'ja' })],
      ['a case that is not there', await teacherAgain.get(`/api/cases/${randomUUID()}`)],
      ['a case id that is a name', await teacherAgain.get(`/api/cases/${encodeURIComponent(NAME)}`)],
      ['a page path that is a sentence', await teacherAgain.get(`/api/leerlingen/${encodeURIComponent(SIGNAL)}?zoek=${encodeURIComponent(NAME)}`)],
      ['a correction whose date is a name', await teacherAgain.put(`/api/cases/${caseId}/entries/${signalEntryId}`, { body: signal({ observedOn: NAME, description: SECOND }), reason: SIGNAL })],
      ['a correction of an entry that is not there', await teacherAgain.put(`/api/cases/${caseId}/entries/${randomUUID()}`, { body: signal({ description: SECOND }), reason: '' })],
      ['an unsigned-in request for the case', await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}?naam=${encodeURIComponent(NAME)}` })],
    ] as const;
    for (const [what, response] of bad) {
      expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, what).toBeLessThan(500);
      keepError(what, response);
    }

    const { leaks, scanned } = await scan();
    // The scan saw what it should: log lines, every error, the notification and job rows.
    expect(scanned.some((h) => h.where.startsWith('log line'))).toBe(true);
    expect(scanned.filter((h) => h.where.startsWith('error body')).length).toBeGreaterThanOrEqual(bad.length);
    expect(scanned.some((h) => h.where.startsWith('notifications row'))).toBe(true);
    expect(scanned.some((h) => h.where.startsWith('jobs row'))).toBe(true);
    expect(leaks).toBe('');
    // And it would have seen them: the name is in the database the scan read it from.
    expect((await readDatabaseLeakSources(t.ctx.db.kysely)).pupils.map((p) => p.surname)).toContain('Verhoeckx');
  });

  it('would catch it: a log line or a job naming the child fails the scan', async () => {
    t.app.log.info({ detail: SECOND }, `opened the file of ${NAME}`);
    // Past the payload check, as a careless job kind might write it.
    await t.ctx.repos.jobs.schedule({ kind: 'notification.due', payload: { about: 'de familie Van Verhoeckx' }, runAt: new Date(t.clock.now().getTime() + 60_000) });
    const { leaks } = await scan();
    expect(leaks).toContain(`pupil name "${NAME}" in log line`);
    expect(leaks).toMatch(/pupil family name "van Verhoeckx" in jobs row \d+/);
    expect(leaks).toContain('typed text "Zij wilde na schooltijd niet naar hui…" in log line');
  });
});
