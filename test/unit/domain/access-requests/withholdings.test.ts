import { describe, expect, it } from 'vitest';
import { inAccessRequestScope } from '../../../../src/domain/access-requests/file-scope.js';
import { mayChangeWithholdings } from '../../../../src/domain/access-requests/request-state.js';
import { checkRequester } from '../../../../src/domain/access-requests/requester.js';
import { isWithholdingGround, WITHHOLDING_GROUND_BASIS, WITHHOLDING_GROUNDS } from '../../../../src/domain/access-requests/withholding-grounds.js';
import { applyWithholdings, checkWithholdings, type FileIndex } from '../../../../src/domain/access-requests/withholdings.js';

const file: FileIndex = {
  cases: [
    { caseId: 'case-1', entryIds: ['e1', 'e2', 'e3'] },
    { caseId: 'case-2', entryIds: ['e4'] },
  ],
};

describe('the grounds to withhold', () => {
  it('are exactly the two the reference names: the child\'s protection and the rights of others', () => {
    expect([...WITHHOLDING_GROUNDS]).toEqual(['child-protection', 'rights-of-others']);
    expect(isWithholdingGround('personal-work-notes')).toBe(false);
  });

  it('each rest on AVG art. 23 / art. 41 UAVG, the rights of others also on art. 15(4)', () => {
    for (const ground of WITHHOLDING_GROUNDS) expect(WITHHOLDING_GROUND_BASIS[ground]).toMatch(/art\. 23.*art\. 41.*UAVG/);
    expect(WITHHOLDING_GROUND_BASIS['rights-of-others']).toContain('art. 15 lid 4');
  });
});

describe('what belongs in an access request', () => {
  it('holds the meldcode cases and leaves staff-route cases to the board', () => {
    expect(inAccessRequestScope({ route: 'meldcode' })).toBe(true);
    expect(inAccessRequestScope({ route: 'staff' })).toBe(false);
  });
});

describe('checking withheld parts against the pupil\'s file', () => {
  it('accepts a whole case and entries of another case', () => {
    expect(
      checkWithholdings(file, [
        { caseId: 'case-2', entryId: null, ground: 'child-protection' },
        { caseId: 'case-1', entryId: 'e2', ground: 'rights-of-others' },
      ]),
    ).toEqual([]);
  });

  it("refuses a case that is not in this pupil's file (another pupil's, or a staff-route case)", () => {
    expect(checkWithholdings(file, [{ caseId: 'someone-elses', entryId: null, ground: 'child-protection' }])).toEqual([{ index: 0, code: 'not-in-file' }]);
  });

  it('refuses an entry of another case', () => {
    expect(checkWithholdings(file, [{ caseId: 'case-2', entryId: 'e1', ground: 'child-protection' }])).toEqual([{ index: 0, code: 'entry-not-in-case' }]);
  });

  it('refuses the same part twice, and an entry of a case withheld as a whole', () => {
    expect(
      checkWithholdings(file, [
        { caseId: 'case-1', entryId: 'e1', ground: 'child-protection' },
        { caseId: 'case-1', entryId: 'e1', ground: 'rights-of-others' },
        { caseId: 'case-2', entryId: null, ground: 'child-protection' },
        { caseId: 'case-2', entryId: 'e4', ground: 'child-protection' },
      ]),
    ).toEqual([
      { index: 1, code: 'duplicate' },
      { index: 3, code: 'case-withheld' },
    ]);
  });
});

describe('the export with parts withheld', () => {
  const cases = [
    { caseId: 'case-1', case: { title: 'one' }, entries: [{ entryId: 'e1', text: 'first' }, { entryId: 'e2', text: 'second' }, { entryId: 'e3', text: 'third' }] },
    { caseId: 'case-2', case: { title: 'two' }, entries: [{ entryId: 'e4', text: 'fourth' }] },
  ];

  it('puts the ground in the place of each withheld entry and nothing of its content', () => {
    const [first] = applyWithholdings(cases, [{ caseId: 'case-1', entryId: 'e2', ground: 'rights-of-others' }]);
    expect(first).toEqual({
      kind: 'included',
      part: {
        case: { title: 'one' },
        entries: [
          { kind: 'included', part: { entryId: 'e1', text: 'first' } },
          { kind: 'withheld', ground: 'rights-of-others' },
          { kind: 'included', part: { entryId: 'e3', text: 'third' } },
        ],
      },
    });
    expect(JSON.stringify(first)).not.toContain('second');
  });

  it('replaces a case withheld as a whole by its ground alone', () => {
    const parts = applyWithholdings(cases, [{ caseId: 'case-2', entryId: null, ground: 'child-protection' }]);
    expect(parts[1]).toEqual({ kind: 'withheld', ground: 'child-protection' });
    expect(JSON.stringify(parts)).not.toMatch(/two|fourth/);
  });

  it('hands over everything when nothing is withheld', () => {
    expect(applyWithholdings(cases, []).every((p) => p.kind === 'included')).toBe(true);
  });
});

describe('registering who asked', () => {
  it('takes a stored guardian of the pupil, the pupil themself, or a named requester', () => {
    expect(checkRequester({ capacity: 'parent', guardianId: 'g1', name: null }, ['g1', 'g2'])).toBeNull();
    expect(checkRequester({ capacity: 'pupil', guardianId: null, name: null }, [])).toBeNull();
    expect(checkRequester({ capacity: 'other', guardianId: null, name: 'mr. A. Jansen, advocaat' }, [])).toBeNull();
  });

  it("refuses a guardian of another pupil, and a parent or other without a name", () => {
    expect(checkRequester({ capacity: 'parent', guardianId: 'g9', name: null }, ['g1'])).toBe('guardian-not-of-pupil');
    expect(checkRequester({ capacity: 'other', guardianId: null, name: '  ' }, [])).toBe('name-required');
    expect(checkRequester({ capacity: 'guardian', guardianId: null, name: null }, ['g1'])).toBe('name-required');
  });
});

describe('after the export', () => {
  it('keeps the withholdings as they were handed over', () => {
    expect(mayChangeWithholdings({ exportedAt: null })).toBe(true);
    expect(mayChangeWithholdings({ exportedAt: '2026-11-29T10:00:00.000Z' })).toBe(false);
  });
});
