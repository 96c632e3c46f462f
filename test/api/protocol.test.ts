import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentProtocolResponse, ProtocolContentBody } from '../../src/contract/protocol.js';
import { DEFAULT_PROTOCOL } from '../../src/domain/cases/protocol/default-template.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import type { Session } from '../support/test-app.js';

type EditedTask = { id: string | null; text: string; help: string | null; retired: boolean };

/** The editor's body: the version as read, every task, plus what it was based on. */
function editOf(content: ProtocolContentBody, basedOnVersion: number, changeNote?: string) {
  return {
    basedOnVersion,
    steps: content.steps.map((s) => ({ id: s.id, title: s.title, note: s.note, tasks: s.tasks.map((t): EditedTask => ({ id: t.id, text: t.text, help: t.help, retired: t.retired })) })),
    standingReminder: content.standingReminder,
    taskDivisionPrinciples: content.taskDivisionPrinciples.items,
    parentConversationPrinciples: content.parentConversationPrinciples.items,
    ...(changeNote !== undefined ? { changeNote } : {}),
  };
}
type Edit = ReturnType<typeof editOf>;

function changeTasks(edit: Edit, stepId: string, change: (tasks: EditedTask[]) => EditedTask[]): Edit {
  return { ...edit, steps: edit.steps.map((s) => (s.id === stepId ? { ...s, tasks: change(s.tasks) } : s)) };
}

async function current(session: Session): Promise<CurrentProtocolResponse> {
  const response = await session.get('/api/protocol');
  expect(response.statusCode).toBe(200);
  return response.json();
}

const REWORDED = 'Beschrijf de signalen feitelijk: wat zag of hoorde je, wanneer en waar?';
const ADDED = 'Leg de afspraken vast in het groepsplan van de leerling';

describe.each(ENGINES)("the school's route as versioned data (%s)", (engine) => {
  let t: DemoApp;
  beforeEach(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
  });
  afterEach(async () => t.close());

  /** The IB'er's change of the default route: step 2's first task reworded, a task added to step 6. */
  function firstRevision(content: ProtocolContentBody): Edit {
    let edit = editOf(content, 1, 'Stap 2 feitelijker; afspraken in het groepsplan');
    edit = changeTasks(edit, 's2', (tasks) => tasks.map((task) => (task.id === 's2.beschrijf' ? { ...task, text: REWORDED } : task)));
    return changeTasks(edit, 's6', (tasks) => [...tasks, { id: null, text: ADDED, help: 'Alleen wat de school afspreekt, niets over thuis.', retired: false }]);
  }

  it('lets every member of staff read the route: version 1 is the default, word for word; only the IB\'er and directie may change it', async () => {
    const teacher = await signInAs(t, account(t, 'teacher'));
    const route = await current(teacher);
    expect(route).toMatchObject({ version: 1, latestVersion: 1, createdBy: null, changeNote: null, abilities: { 'protocol.manage': false } });
    expect(route.content).toEqual(DEFAULT_PROTOCOL);
    expect((await teacher.get('/api/protocol/versions')).json().versions).toEqual([{ version: 1, createdAt: route.createdAt, createdBy: null, changeNote: null }]);

    for (const role of ['ib', 'director'] as const) expect((await current(await signInAs(t, account(t, role)))).abilities['protocol.manage']).toBe(true);
    for (const role of ['smw', 'administrator'] as const) {
      const reader = await signInAs(t, account(t, role), { school: REGENBOOG });
      expect((await current(reader)).abilities['protocol.manage']).toBe(false);
    }
    // The board acts for no school: there is no route to read.
    expect((await (await signInAs(t, account(t, 'board', null))).get('/api/protocol')).statusCode).toBe(404);
  });

  it("refuses a change by a teacher or the administrator as if there were nothing to change (404), and saves nothing", async () => {
    for (const role of ['teacher', 'administrator', 'smw'] as const) {
      const session = await signInAs(t, account(t, role), { school: REGENBOOG, elevated: true });
      const route = await current(session);
      const response = await session.put('/api/protocol', firstRevision(route.content));
      expect([role, response.statusCode, response.json().error.code]).toEqual([role, 404, 'not-found']);
    }
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await current(ib)).version).toBe(1);
    expect((await ib.get('/api/protocol/versions')).json().versions).toHaveLength(1);
  });

  it("saves the IB'er's change as version 2, audited; version 1 stays readable and unchanged", async () => {
    const who = account(t, 'ib');
    const ib = await signInAs(t, who);
    const before = await current(ib);
    const saved = await ib.put('/api/protocol', firstRevision(before.content));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ version: 2 });

    const teacher = await signInAs(t, account(t, 'teacher'));
    const after = await current(teacher);
    const ibId = await userIdOf(t, who);
    expect(after).toMatchObject({ version: 2, latestVersion: 2, changeNote: 'Stap 2 feitelijker; afspraken in het groepsplan', createdBy: { userId: ibId } });
    expect(after.createdBy?.name).toBeTruthy();
    const s2 = after.content.steps.find((s) => s.id === 's2')!;
    expect(s2.tasks[0]).toEqual({ id: 's2.beschrijf', text: REWORDED, help: DEFAULT_PROTOCOL.steps[2]!.tasks[0]!.help, form: 'signal', retired: false });
    const added = after.content.steps.find((s) => s.id === 's6')!.tasks.at(-1)!;
    expect(added).toMatchObject({ text: ADDED, form: null, retired: false });
    expect(added.id).not.toBe('');
    expect(DEFAULT_PROTOCOL.steps.flatMap((s) => s.tasks.map((task) => task.id))).not.toContain(added.id);

    const one = await teacher.get('/api/protocol/versions/1');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ version: 1, latestVersion: 2, createdBy: null });
    expect(one.json().content).toEqual(DEFAULT_PROTOCOL);
    expect(one.json()).not.toHaveProperty('abilities');
    const versions = (await teacher.get('/api/protocol/versions')).json().versions;
    expect(versions.map((v: { version: number; changeNote: string | null; createdBy: { name: string } | null }) => [v.version, v.changeNote, v.createdBy?.name ?? null])).toEqual([
      [2, 'Stap 2 feitelijker; afspraken in het groepsplan', after.createdBy!.name],
      [1, null, null],
    ]);
    expect((await teacher.get('/api/protocol/versions/3')).statusCode).toBe(404);
    expect((await teacher.get('/api/protocol/versions/nul')).statusCode).toBe(400);

    const events = (await t.ctx.repos.audit.latest(20)).filter((e) => e.action === 'protocol.revise');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', actorUserId: ibId });

    // The next change builds on version 2: retiring the added task and restoring is fine.
    const retire = changeTasks(editOf(after.content, 2), 's6', (tasks) => tasks.map((task) => (task.id === added.id ? { ...task, retired: true } : task)));
    expect((await ib.put('/api/protocol', retire)).json()).toEqual({ version: 3 });
    expect((await current(ib)).content.steps.find((s) => s.id === 's6')!.tasks.at(-1)).toMatchObject({ id: added.id, retired: true });
  });

  it('answers 409 with a clear message when someone else saved in between, and keeps their version', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const director = await signInAs(t, account(t, 'director'));
    const route = await current(director);
    expect((await ib.put('/api/protocol', firstRevision(route.content))).statusCode).toBe(200);

    // The director still edits version 1.
    const stale = { ...editOf(route.content, 1), standingReminder: 'Zorg dat de leerling zich veilig voelt' };
    const refused = await director.put('/api/protocol', stale);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('protocol-conflict');
    const ibName = (await current(ib)).createdBy!.name;
    expect(refused.json().error.message).toBe(
      `${ibName} heeft het stappenplan intussen opgeslagen als versie 2. Uw wijzigingen zijn niet opgeslagen: bekijk eerst de nieuwe versie en breng uw wijzigingen daarin aan.`,
    );
    expect((await director.put('/api/protocol', stale, { 'accept-language': 'en' })).json().error.message).toContain('has meanwhile saved the route as version 2');
    expect((await current(director)).content.standingReminder).toBe(DEFAULT_PROTOCOL.standingReminder);

    // Two saves at the same moment, both on version 2: one wins, the other hears 409.
    const latest = await current(director);
    const answers = await Promise.all([
      ib.put('/api/protocol', { ...editOf(latest.content, 2), standingReminder: 'Herinnering van de IB' }),
      director.put('/api/protocol', { ...editOf(latest.content, 2), standingReminder: 'Herinnering van de directie' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await ib.get('/api/protocol/versions')).json().versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('answers 400 naming the step and the task when the edit is invalid, and saves nothing', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const route = await current(ib);

    const empty = changeTasks(editOf(route.content, 1), 's2', (tasks) => tasks.map((task, i) => (i === 2 ? { ...task, text: '  ' } : task)));
    const refused = await ib.put('/api/protocol', empty);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toEqual({
      code: 'protocol-invalid',
      message: 'Het stappenplan is niet opgeslagen. Pas aan wat hieronder staat en sla opnieuw op.',
      hints: ['Stap "2. In kaart brengen van signalen", taak 3: vul de tekst van de taak in.'],
      field: 'steps.2.tasks.2.text',
    });

    const removed = changeTasks(editOf(route.content, 1), 's5', (tasks) => tasks.filter((task) => task.id !== 's5.risico'));
    const removedAnswer = (await ib.put('/api/protocol', removed, { 'accept-language': 'en' })).json().error;
    expect(removedAnswer.code).toBe('protocol-invalid');
    expect(removedAnswer.hints).toEqual([
      'Step "5. Afweging om de juiste keuze te maken": the task "Schat het risico, aard en ernst van het geweld in" is missing. A task cannot be removed, only retired: cases already under way refer to it.',
    ]);

    const tooLong = changeTasks(editOf(route.content, 1), 'preventive', (tasks) => [...tasks, { id: null, text: 'x'.repeat(301), help: null, retired: false }]);
    expect((await ib.put('/api/protocol', tooLong)).json().error.hints).toEqual(['Stap "Preventief: relatie met ouders", taak 3: de tekst is langer dan 300 tekens.']);

    const moved = changeTasks(changeTasks(editOf(route.content, 1), 's2', (tasks) => tasks.filter((task) => task.id !== 's2.kindcheck')), 's3', (tasks) => [
      ...tasks,
      { id: 's2.kindcheck', text: 'Voer de kindcheck uit', help: null, retired: false },
    ]);
    expect((await ib.put('/api/protocol', moved)).json().error.hints[0]).toContain('hoort bij een andere stap');

    const noSteps = { ...editOf(route.content, 1), steps: [] };
    expect((await ib.put('/api/protocol', noSteps)).json().error.hints).toEqual(['De stappen zelf liggen vast: er kan geen stap bij, af of van plaats wisselen.']);

    expect((await ib.put('/api/protocol', { ...editOf(route.content, 1), basedOnVersion: 0 })).statusCode).toBe(400);
    expect((await current(ib)).version).toBe(1);
    expect((await t.ctx.repos.audit.latest(50)).filter((e) => e.action === 'protocol.revise')).toEqual([]);
  });

  it('saves nothing for an edit that changes nothing', async () => {
    const director = await signInAs(t, account(t, 'director'));
    const route = await current(director);
    const response = await director.put('/api/protocol', editOf(route.content, 1, 'Niets veranderd'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ version: 1, unchanged: true });
    expect((await director.get('/api/protocol/versions')).json().versions).toHaveLength(1);
  });

  it("keeps each school's route to itself: Het Kompas never sees De Regenboog's version", async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await ib.put('/api/protocol', firstRevision((await current(ib)).content))).statusCode).toBe(200);

    const kompas = await signInAs(t, account(t, 'ib', KOMPAS));
    const theirs = await current(kompas);
    expect(theirs).toMatchObject({ version: 1, latestVersion: 1, createdBy: null });
    expect(theirs.content).toEqual(DEFAULT_PROTOCOL);
    expect(JSON.stringify(theirs)).not.toContain(REWORDED);
    expect((await kompas.get('/api/protocol/versions/2')).statusCode).toBe(404);
    expect((await kompas.get('/api/protocol/versions')).json().versions.map((v: { version: number }) => v.version)).toEqual([1]);

    // Their own change is their version 2; De Regenboog's stays as it was.
    const reworded = changeTasks(editOf(theirs.content, 1), 's1', (tasks) => tasks.map((task, i) => (i === 0 ? { ...task, text: 'Ken je leerlingen en hun thuissituatie' } : task)));
    expect((await kompas.put('/api/protocol', reworded)).json()).toEqual({ version: 2 });
    const ours = await current(ib);
    expect(ours.version).toBe(2);
    expect(ours.content.steps[1]!.tasks[0]!.text).toBe('Ken je leerlingen');
    expect(ours.content.steps[2]!.tasks[0]!.text).toBe(REWORDED);
  });
});
