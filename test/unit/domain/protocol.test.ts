import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../../../src/domain/cases/protocol/default-template.js';
import { findTask, STEP_IDS, stepOf, type ProtocolContent, type StepId } from '../../../src/domain/cases/protocol/protocol.js';
import { HELP_TEXT_MAX, PRINCIPLE_MAX, reviseProtocol, TASK_TEXT_MAX, visibleTasks, type EditedProtocol, type EditedStep } from '../../../src/domain/cases/protocol/revise-protocol.js';

/** The task ids of the school's route, by step, as /work/shared/protocol/README.md lists them. */
const SEED_TASKS: Record<StepId, string[]> = {
  preventive: ['prev.startgesprek', 'prev.contact'],
  s1: ['s1.ken-leerlingen', 's1.ken-signalen'],
  s2: ['s2.beschrijf', 's2.kindcheck', 's2.bespreek-collega', 's2.gesprek-leerling', 's2.gesprek-ouder', 's2.notitie'],
  s3: ['s3.team', 's3.taakverdeling', 's3.advies-vt', 's3.direct-melden', 's3.geen-melding'],
  s4: ['s4.zorgen', 's4.ontbrekend', 's4.zienswijze', 's4.hulp', 's4.sisa', 's4.verloop'],
  s5: ['s5.bespreek', 's5.risico', 's5.besluit'],
  s6: ['s6.monitoren', 's6.afspraken', 's6.smw', 's6.contacten'],
};

/** Every text of a route: titles, notes, tasks, help texts, the reminder and the principles. */
function allTexts(content: ProtocolContent): string[] {
  return [
    ...content.steps.flatMap((s) => [s.title, s.note ?? '', ...s.tasks.flatMap((t) => [t.text, t.help ?? ''])]),
    content.standingReminder,
    content.taskDivisionPrinciples.title,
    ...content.taskDivisionPrinciples.items,
    content.parentConversationPrinciples.title,
    ...content.parentConversationPrinciples.items,
  ];
}

/** The editor's starting point: the current version as it would be sent back unchanged. */
function editOf(content: ProtocolContent): EditedProtocol {
  return {
    steps: content.steps.map((s) => ({ id: s.id, title: s.title, note: s.note, tasks: s.tasks.map((t) => ({ id: t.id, text: t.text, help: t.help, retired: t.retired })) })),
    standingReminder: content.standingReminder,
    taskDivisionPrinciples: [...content.taskDivisionPrinciples.items],
    parentConversationPrinciples: [...content.parentConversationPrinciples.items],
  };
}

/** The edit with one step changed. */
function withStep(edit: EditedProtocol, stepId: StepId, change: (step: EditedStep) => EditedStep): EditedProtocol {
  return { ...edit, steps: edit.steps.map((s) => (s.id === stepId ? change(s) : s)) };
}

function counter(prefix = 'new') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function revised(result: ReturnType<typeof reviseProtocol>): ProtocolContent {
  if (result.kind !== 'revised') throw new Error(`expected a revision, got ${JSON.stringify(result)}`);
  return result.content;
}

describe('the default route (the school\'s own protocol)', () => {
  it('has the preventive layer and steps 1–6, in order, numbered 0–6', () => {
    expect(DEFAULT_PROTOCOL.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(DEFAULT_PROTOCOL.steps.map((s) => s.number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('has every task of the school\'s route in its own step, in the school\'s order, none retired', () => {
    for (const stepId of STEP_IDS) {
      expect(stepOf(DEFAULT_PROTOCOL, stepId).tasks.map((t) => t.id), stepId).toEqual(SEED_TASKS[stepId]);
    }
    for (const step of DEFAULT_PROTOCOL.steps) for (const task of step.tasks) expect(task.retired, task.id).toBe(false);
    expect(findTask(DEFAULT_PROTOCOL, 's2.kindcheck')?.step.id).toBe('s2');
    expect(findTask(DEFAULT_PROTOCOL, 's3.advies-vt')?.task.text).toBe('Vraag anoniem advies bij Veilig Thuis');
  });

  it('keeps the school\'s words: "Doe de stappen die nodig zijn" above steps 2 and 3, and the standing reminder', () => {
    expect(DEFAULT_PROTOCOL.steps.filter((s) => s.note !== null).map((s) => [s.id, s.note])).toEqual([
      ['s2', 'Doe de stappen die nodig zijn.'],
      ['s3', 'Doe de stappen die nodig zijn.'],
    ]);
    expect(DEFAULT_PROTOCOL.standingReminder).toBe('Zorg dat het voor de leerling veilig en leuk blijft op school');
    expect(DEFAULT_PROTOCOL.taskDivisionPrinciples.items).toHaveLength(5);
    expect(DEFAULT_PROTOCOL.parentConversationPrinciples.items).toHaveLength(5);
  });

  it('tells, for the note in the pupil system, to keep the content in Meldpad and out of the parent portal', () => {
    const help = findTask(DEFAULT_PROTOCOL, 's2.notitie')?.task.help ?? '';
    expect(help).toContain('zie Meldpad');
    expect(help).toContain('ouderportaal');
  });

  it('has no phone number in any text: the number is a school setting, and an old case shows today\'s', () => {
    for (const text of allTexts(DEFAULT_PROTOCOL)) {
      expect(text, text).not.toMatch(/0800/);
      expect(text, text).not.toMatch(/\d{3}[-\s]?\d{4}/);
    }
  });

  it('is sent back unchanged as "unchanged"', () => {
    expect(reviseProtocol(DEFAULT_PROTOCOL, editOf(DEFAULT_PROTOCOL), counter())).toEqual({ kind: 'unchanged' });
  });
});

describe('revising the route', () => {
  const base = editOf(DEFAULT_PROTOCOL);

  it('rewords a task and its help text, keeping its id and form', () => {
    const edit = withStep(base, 's2', (s) => ({
      ...s,
      tasks: s.tasks.map((t) => (t.id === 's2.kindcheck' ? { ...t, text: '  Doe de kindcheck  ', help: 'Kijk ook naar oudere broers en zussen.' } : t)),
    }));
    const content = revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter()));
    expect(findTask(content, 's2.kindcheck')?.task).toEqual({ id: 's2.kindcheck', text: 'Doe de kindcheck', help: 'Kijk ook naar oudere broers en zussen.', form: 'kindcheck', retired: false });
    // Nothing else moved.
    expect(stepOf(content, 's2').tasks.map((t) => t.id)).toEqual(SEED_TASKS.s2);
    expect(findTask(content, 's2.beschrijf')?.task).toEqual(findTask(DEFAULT_PROTOCOL, 's2.beschrijf')?.task);
  });

  it('clears a help text that is left empty', () => {
    const edit = withStep(base, 's1', (s) => ({ ...s, tasks: s.tasks.map((t) => (t.id === 's1.ken-signalen' ? { ...t, help: '   ' } : t)) }));
    expect(findTask(revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())), 's1.ken-signalen')?.task.help).toBeNull();
  });

  it('reorders tasks within a step', () => {
    const edit = withStep(base, 's4', (s) => ({ ...s, tasks: [s.tasks[2]!, s.tasks[0]!, s.tasks[1]!, ...s.tasks.slice(3)] }));
    const content = revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter()));
    expect(stepOf(content, 's4').tasks.map((t) => t.id)).toEqual(['s4.zienswijze', 's4.zorgen', 's4.ontbrekend', 's4.hulp', 's4.sisa', 's4.verloop']);
  });

  it('adds a task with an id from the generator and no form', () => {
    const edit = withStep(base, 's6', (s) => ({ ...s, tasks: [...s.tasks, { id: null, text: 'Evalueer na zes weken met het interventieteam', help: null, retired: false }] }));
    const content = revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter('task')));
    expect(stepOf(content, 's6').tasks.at(-1)).toEqual({ id: 'task-1', text: 'Evalueer na zes weken met het interventieteam', help: null, form: null, retired: false });
    expect(stepOf(content, 's6').tasks).toHaveLength(5);
  });

  it('retires a task (it stays, for the cases that refer to it) and restores it again', () => {
    const retire = withStep(base, 's3', (s) => ({ ...s, tasks: s.tasks.map((t) => (t.id === 's3.geen-melding' ? { ...t, retired: true } : t)) }));
    const retiredContent = revised(reviseProtocol(DEFAULT_PROTOCOL, retire, counter()));
    expect(findTask(retiredContent, 's3.geen-melding')?.task).toMatchObject({ retired: true, form: 'escalation-decision' });
    // New cases no longer show it; a case that recorded it still does.
    expect(visibleTasks(stepOf(retiredContent, 's3').tasks, new Set()).map((t) => t.id)).not.toContain('s3.geen-melding');
    expect(visibleTasks(stepOf(retiredContent, 's3').tasks, new Set(['s3.geen-melding'])).map((t) => t.id)).toContain('s3.geen-melding');

    const restore = withStep(editOf(retiredContent), 's3', (s) => ({ ...s, tasks: s.tasks.map((t) => (t.id === 's3.geen-melding' ? { ...t, retired: false } : t)) }));
    const restored = revised(reviseProtocol(retiredContent, restore, counter()));
    expect(restored).toEqual(DEFAULT_PROTOCOL);
  });

  it('refuses to remove a task: it can only be retired', () => {
    const edit = withStep(base, 's5', (s) => ({ ...s, tasks: s.tasks.filter((t) => t.id !== 's5.risico') }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({
      kind: 'invalid',
      problems: [{ code: 'task-removed', taskId: 's5.risico', text: 'Schat het risico, aard en ernst van het geweld in' }],
    });
  });

  it('refuses to move a task to another step', () => {
    const moved = findTask(DEFAULT_PROTOCOL, 's2.kindcheck')!.task;
    let edit = withStep(base, 's2', (s) => ({ ...s, tasks: s.tasks.filter((t) => t.id !== moved.id) }));
    edit = withStep(edit, 's3', (s) => ({ ...s, tasks: [...s.tasks, { id: moved.id, text: moved.text, help: moved.help, retired: false }] }));
    const result = reviseProtocol(DEFAULT_PROTOCOL, edit, counter());
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.problems).toContainEqual({ code: 'task-moved-between-steps', taskId: 's2.kindcheck' });
  });

  it('refuses a task without text, naming the step and the place of the task', () => {
    const edit = withStep(base, 's2', (s) => ({ ...s, tasks: [...s.tasks, { id: null, text: '   ', help: null, retired: false }] }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'empty-text', stepId: 's2', index: 6 }] });
  });

  it('refuses a task text or help text that is too long', () => {
    const edit = withStep(base, 's4', (s) => ({
      ...s,
      tasks: s.tasks.map((t, i) => (i === 1 ? { ...t, text: 'x'.repeat(TASK_TEXT_MAX + 1) } : i === 2 ? { ...t, help: 'y'.repeat(HELP_TEXT_MAX + 1) } : t)),
    }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({
      kind: 'invalid',
      problems: [
        { code: 'text-too-long', stepId: 's4', index: 1 },
        { code: 'help-too-long', stepId: 's4', index: 2 },
      ],
    });
    // Exactly at the limit is fine.
    const atLimit = withStep(base, 's4', (s) => ({ ...s, tasks: s.tasks.map((t, i) => (i === 1 ? { ...t, text: 'x'.repeat(TASK_TEXT_MAX) } : t)) }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, atLimit, counter()).kind).toBe('revised');
  });

  it('refuses an empty step title and an empty standing reminder', () => {
    const edit = { ...withStep(base, 's1', (s) => ({ ...s, title: ' ' })), standingReminder: '' };
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'empty-title', stepId: 's1' }, { code: 'empty-reminder' }] });
  });

  it('keeps the steps fixed: none added, removed or reordered', () => {
    expect(reviseProtocol(DEFAULT_PROTOCOL, { ...base, steps: base.steps.slice(1) }, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'steps-changed' }] });
    expect(reviseProtocol(DEFAULT_PROTOCOL, { ...base, steps: [base.steps[1]!, base.steps[0]!, ...base.steps.slice(2)] }, counter()).kind).toBe('invalid');
  });

  it('changes a step\'s title and note; an empty note means no line above the tasks', () => {
    const edit = withStep(withStep(base, 's3', (s) => ({ ...s, note: '' })), 's4', (s) => ({ ...s, title: 'Gesprek met ouders', note: 'Doe de stappen die nodig zijn.' }));
    const content = revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter()));
    expect(stepOf(content, 's3').note).toBeNull();
    expect(stepOf(content, 's4')).toMatchObject({ title: 'Gesprek met ouders', note: 'Doe de stappen die nodig zijn.', number: 4 });
  });

  it('edits the principles and the reminder: items trimmed, empty ones dropped, titles kept', () => {
    const edit: EditedProtocol = {
      ...base,
      standingReminder: 'Zorg dat de leerling zich veilig voelt op school',
      taskDivisionPrinciples: [...base.taskDivisionPrinciples.slice(0, 2), '  ', ' De IB\'er is casushouder, tenzij het team anders besluit. '],
      parentConversationPrinciples: [...base.parentConversationPrinciples, 'Is een tolk nodig?'],
    };
    const content = revised(reviseProtocol(DEFAULT_PROTOCOL, edit, counter()));
    expect(content.standingReminder).toBe('Zorg dat de leerling zich veilig voelt op school');
    expect(content.taskDivisionPrinciples).toEqual({
      title: DEFAULT_PROTOCOL.taskDivisionPrinciples.title,
      items: [...DEFAULT_PROTOCOL.taskDivisionPrinciples.items.slice(0, 2), "De IB'er is casushouder, tenzij het team anders besluit."],
    });
    expect(content.parentConversationPrinciples.items.at(-1)).toBe('Is een tolk nodig?');
    expect(content.parentConversationPrinciples.title).toBe(DEFAULT_PROTOCOL.parentConversationPrinciples.title);
  });

  it('refuses a principle that is too long', () => {
    const edit = { ...base, parentConversationPrinciples: [...base.parentConversationPrinciples, 'z'.repeat(PRINCIPLE_MAX + 1)] };
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'principle-too-long' }] });
  });

  it('refuses an unknown or doubled task id', () => {
    const unknown = withStep(base, 's1', (s) => ({ ...s, tasks: [...s.tasks, { id: 'verzonnen', text: 'Iets', help: null, retired: false }] }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, unknown, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'unknown-task', taskId: 'verzonnen' }] });
    const doubled = withStep(base, 's1', (s) => ({ ...s, tasks: [...s.tasks, s.tasks[0]!] }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, doubled, counter())).toEqual({ kind: 'invalid', problems: [{ code: 'duplicate-task', taskId: 's1.ken-leerlingen' }] });
  });

  it('calls an edit that only adds spaces "unchanged"', () => {
    const edit = withStep(base, 's1', (s) => ({ ...s, title: ` ${s.title} `, tasks: s.tasks.map((t) => ({ ...t, text: `${t.text}  ` })) }));
    expect(reviseProtocol(DEFAULT_PROTOCOL, edit, counter())).toEqual({ kind: 'unchanged' });
  });
});
