import { describe, expect, it } from 'vitest';
import { guardianKey, householdsOf } from '../../../src/domain/pupils/import/households.js';
import type { IncomingPupil } from '../../../src/domain/pupils/import/incoming.js';
import { needsConfirmation, planImport, type CurrentPupil } from '../../../src/domain/pupils/import/plan.js';

const TODAY = '2026-11-20';

const current = (n: number, overrides: Partial<CurrentPupil> = {}): CurrentPupil => ({
  id: `id-${n}`,
  pupilNumber: String(n),
  givenNames: `Kind ${n}`,
  callName: `Kind`,
  surnamePrefix: null,
  surname: `Achternaam${n}`,
  dateOfBirth: '2018-01-01',
  sex: 'f',
  groupName: 'Groep 3',
  enrolledOn: null,
  leftOn: null,
  ...overrides,
});
const incoming = (n: number, overrides: Partial<IncomingPupil> = {}): IncomingPupil => ({
  row: n,
  pupilNumber: String(n),
  callName: 'Kind',
  surname: `Achternaam${n}`,
  dateOfBirth: '2018-01-01',
  sex: 'f',
  groupName: 'Groep 3',
  ...overrides,
});
const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('planning an import', () => {
  it('adds pupils the school does not have yet', () => {
    const plan = planImport([], [incoming(1), incoming(2)], TODAY);
    expect(plan.added.map((p) => p.pupilNumber)).toEqual(['1', '2']);
    expect(plan.needsConfirmation).toBe(false);
  });

  it('changes nothing when the file says what Meldpad already knows', () => {
    const plan = planImport([current(1)], [incoming(1)], TODAY);
    expect(plan).toMatchObject({ added: [], changed: [], markedAsLeft: [], returned: [] });
    expect(plan.unchanged).toHaveLength(1);
  });

  it('names the fields that changed, and treats group names alike regardless of case', () => {
    const plan = planImport([current(1), current(2)], [incoming(1, { surname: 'Anders', groupName: 'Groep 4' }), incoming(2, { groupName: 'GROEP  3' })], TODAY);
    expect(plan.changed.map((c) => [c.current.pupilNumber, c.fields])).toEqual([['1', ['surname', 'group']]]);
    expect(plan.unchanged.map((p) => p.pupilNumber)).toEqual(['2']);
  });

  it('does not count a field the file has no column for as a change', () => {
    const { groupName: _g, dateOfBirth: _d, ...withoutColumns } = incoming(1);
    expect(planImport([current(1)], [withoutColumns], TODAY).unchanged).toHaveLength(1);
  });

  it('marks a pupil missing from the new file as left, never deletes them', () => {
    const plan = planImport(range(40).map((n) => current(n)), range(39).map((n) => incoming(n)), TODAY);
    expect(plan.markedAsLeft.map((p) => p.pupilNumber)).toEqual(['40']);
    expect(plan.unchanged).toHaveLength(39);
  });

  it('does not mark a pupil who has left already again', () => {
    const plan = planImport([current(1), current(2, { leftOn: '2026-01-01' })], [incoming(1)], TODAY);
    expect(plan.markedAsLeft).toEqual([]);
    expect(plan.activeCount).toBe(1);
  });

  it('sees a pupil marked as left who is in the file again as returned', () => {
    const plan = planImport([current(1, { leftOn: '2026-01-01' })], [incoming(1)], TODAY);
    expect(plan.returned.map((r) => r.current.pupilNumber)).toEqual(['1']);
  });

  it('leaves a leaving date after today alone when the pupil is in the file, and sees today\'s as already marked', () => {
    const later = '2026-12-23';
    const plan = planImport(
      [current(1, { leftOn: TODAY }), current(2, { leftOn: later }), current(3, { leftOn: '2026-11-19' }), current(4, { leftOn: later }), current(5, { leftOn: TODAY })],
      [incoming(1), incoming(3), incoming(4)],
      TODAY,
    );
    expect(plan.returned.map((r) => r.current.pupilNumber)).toEqual(['1', '3']);
    expect(plan.unchanged.map((p) => p.pupilNumber)).toEqual(['4']);
    // Not in the file: the plan to leave later is brought forward; one marked today is not marked again.
    expect(plan.markedAsLeft.map((p) => p.pupilNumber)).toEqual(['2']);
    expect(plan.activeCount).toBe(2);
  });

  it('asks for confirmation when more than 5 % of the active pupils would be marked as left', () => {
    expect(planImport(range(100).map((n) => current(n)), range(95).map((n) => incoming(n)), TODAY).needsConfirmation).toBe(false);
    expect(planImport(range(100).map((n) => current(n)), range(94).map((n) => incoming(n)), TODAY).needsConfirmation).toBe(true);
    expect(needsConfirmation(1, 19)).toBe(true);
    expect(needsConfirmation(1, 20)).toBe(false);
  });

  it('never asks for confirmation at a first import', () => {
    expect(needsConfirmation(0, 0)).toBe(false);
    expect(planImport([], range(10).map((n) => incoming(n)), TODAY).needsConfirmation).toBe(false);
  });
});

describe('households and siblings', () => {
  it('knows a guardian by e-mail, else by name and phone, and not by name alone', () => {
    expect(guardianKey({ name: 'A', phone: null, email: 'X@Mail.example ' })).toBe('e:x@mail.example');
    expect(guardianKey({ name: 'J. de Vries', phone: '06-1234 5678', email: null })).toBe('n:j de vries|0612345678');
    expect(guardianKey({ name: 'J. de Vries', phone: null, email: null })).toBeNull();
  });

  it('puts pupils who share a guardian in one household', () => {
    const groups = householdsOf([
      { pupilKey: '1', guardianKeys: ['e:a', 'e:b'] },
      { pupilKey: '2', guardianKeys: ['e:c'] },
      { pupilKey: '3', guardianKeys: ['e:b'] },
      { pupilKey: '4', guardianKeys: ['e:c', 'e:d'] },
      { pupilKey: '5', guardianKeys: [] },
    ]);
    expect(groups).toEqual([['1', '3'], ['2', '4'], ['5']]);
  });
});
