import { describe, expect, it } from 'vitest';
import { hasLeft } from '../../../src/domain/pupils/leaving.js';
import { displayName, foldForSearch, searchText, searchWords, sortName } from '../../../src/domain/pupils/pupil-name.js';
import { overviewScope, talkProgress } from '../../../src/domain/pupils/preventive-overview.js';
import { schoolYearOf } from '../../../src/domain/pupils/school-year.js';
import { siblingsAsSeenFrom } from '../../../src/domain/pupils/siblings.js';

const levi = { givenNames: 'Levi Johannes', callName: 'Levi', surnamePrefix: 'van den', surname: 'Berg' };

describe('pupil names', () => {
  it('are said by call name, prefix and surname, and sorted by surname without its prefix', () => {
    expect(displayName(levi)).toBe('Levi van den Berg');
    expect(sortName(levi)).toBe('Berg, Levi van den');
    expect(displayName({ givenNames: 'Elif', callName: 'Elif', surnamePrefix: null, surname: 'Doğan' })).toBe('Elif Doğan');
  });

  it('are found without the accents of Turkish, Polish and other names', () => {
    expect(foldForSearch('Doğan')).toBe('dogan');
    expect(foldForSearch('Şahin')).toBe('sahin');
    expect(foldForSearch('Łukasz')).toBe('lukasz');
    expect(foldForSearch('Zoë  Müller-Ağaoğlu')).toBe('zoe muller agaoglu');
    expect(searchWords('  Van den B  ')).toEqual(['van', 'den', 'b']);
  });

  it('are found by the start of any name part', () => {
    const text = searchText(levi);
    for (const word of ['levi', 'johannes', 'berg', 'van', 'den']) expect(text).toContain(` ${word}`);
  });
});

describe('the school year', () => {
  it('runs from 1 August to 31 July', () => {
    expect(schoolYearOf('2026-08-01').label).toBe('2026-2027');
    expect(schoolYearOf('2026-07-31').label).toBe('2025-2026');
    expect(schoolYearOf('2027-02-14')).toEqual({ label: '2026-2027', startsOn: '2026-08-01', endsOn: '2027-07-31' });
  });

  it('files 31 July under the year that ends then and 1 August under the one that starts, across the turn of the calendar year too', () => {
    expect(schoolYearOf('2027-07-31')).toEqual({ label: '2026-2027', startsOn: '2026-08-01', endsOn: '2027-07-31' });
    expect(schoolYearOf('2027-08-01')).toEqual({ label: '2027-2028', startsOn: '2027-08-01', endsOn: '2028-07-31' });
    expect(schoolYearOf('2026-12-31').label).toBe('2026-2027');
    expect(schoolYearOf('2027-01-01').label).toBe('2026-2027');
    // A school year's first and last day fall in it.
    const year = schoolYearOf('2026-10-01');
    expect([schoolYearOf(year.startsOn).label, schoolYearOf(year.endsOn).label]).toEqual([year.label, year.label]);
  });

  it('takes only a date string', () => {
    expect(() => schoolYearOf('31-07-2026')).toThrow();
    expect(() => schoolYearOf('2026-13-01')).toThrow();
  });
});

describe('a pupil who leaves', () => {
  it('is current until the day after the leaving date', () => {
    expect(hasLeft(null, '2026-11-20')).toBe(false);
    expect(hasLeft('2026-12-23', '2026-11-20')).toBe(false);
    expect(hasLeft('2026-11-20', '2026-11-20')).toBe(false);
    expect(hasLeft('2026-11-19', '2026-11-20')).toBe(true);
  });
});

describe('siblings as seen from a school', () => {
  const children = [
    { pupilId: 'finn', schoolId: 'a', schoolName: 'OBS A', displayName: 'Finn de Vries', groupName: 'Groep 3' },
    { pupilId: 'tess', schoolId: 'a', schoolName: 'OBS A', displayName: 'Tess de Vries', groupName: 'Groep 7' },
    { pupilId: 'levi', schoolId: 'b', schoolName: 'OBS B', displayName: 'Levi de Vries', groupName: 'Groep 5' },
    { pupilId: 'tess', schoolId: 'a', schoolName: 'OBS A', displayName: 'Tess de Vries', groupName: 'Groep 7' },
  ];

  it('shows a sibling at the same school in full, once, and one at another school only by the school', () => {
    expect(siblingsAsSeenFrom('a', 'finn', children)).toEqual([
      { kind: 'same-school', pupilId: 'tess', displayName: 'Tess de Vries', groupName: 'Groep 7' },
      { kind: 'other-school', schoolName: 'OBS B' },
    ]);
    expect(JSON.stringify(siblingsAsSeenFrom('a', 'finn', children))).not.toContain('Levi');
  });
});

describe('the start-of-year overview', () => {
  const base = { kind: 'user' as const, userId: 'u', boardId: 'b', stage: 'full' as const, schoolId: 's', groupIds: ['g3', 'g4'], elevatedUntil: null };

  it('covers the whole school for the IB\'er and directie, and a teacher\'s own groups', () => {
    expect(overviewScope({ ...base, memberships: [{ schoolId: 's', role: 'ib' }] })).toBe('all');
    expect(overviewScope({ ...base, memberships: [{ schoolId: 's', role: 'director' }] })).toBe('all');
    expect(overviewScope({ ...base, memberships: [{ schoolId: 's', role: 'teacher' }] })).toEqual(['g3', 'g4']);
  });

  it('counts talks done and still to do', () => {
    expect(talkProgress([{ heldOn: '2026-09-01' }, { heldOn: null }, { heldOn: null }])).toEqual({ done: 1, toDo: 2 });
  });
});

describe('who teaches groups', () => {
  it('is an active member of staff with the teacher role', async () => {
    const { mayTeachGroups } = await import('../../../src/domain/people/group-teaching.js');
    expect(mayTeachGroups({ roles: ['teacher'], active: true })).toBe(true);
    expect(mayTeachGroups({ roles: ['teacher', 'ib'], active: true })).toBe(true);
    expect(mayTeachGroups({ roles: ['ib'], active: true })).toBe(false);
    expect(mayTeachGroups({ roles: ['teacher'], active: false })).toBe(false);
  });
});
