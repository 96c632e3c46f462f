import { describe, expect, it } from 'vitest';
import { dueItemsOfCase, type CurrentEntry } from '../../../../src/domain/home/due-items.js';

const open = { caseId: 'c1', casushouderId: 'ib', phase: 'open' as const };
const TODAY = '2026-12-01';

function agreement(entryId: string, dueOn: string, purpose: string, extra: Record<string, unknown> = {}): CurrentEntry {
  return { entryId, kind: 'agreement', body: { what: 'x', ownerUserId: 'teacher', dueOn, purpose, done: false, ...extra } };
}

describe('what falls due on a case', () => {
  it('lists agreements not done, for their owner, overdue or within two weeks, soonest first', () => {
    const items = dueItemsOfCase(open, [agreement('a1', '2026-12-10', 'monitoring'), agreement('a2', '2026-11-20', 'task-division'), agreement('a3', '2027-01-20', 'monitoring'), agreement('a4', '2026-11-25', 'monitoring', { done: true })], TODAY);
    expect(items).toEqual([
      { caseId: 'c1', subjectId: 'a2', kind: 'agreement', ownerUserId: 'teacher', dueOn: '2026-11-20', overdue: true },
      { caseId: 'c1', subjectId: 'a1', kind: 'monitoring', ownerUserId: 'teacher', dueOn: '2026-12-10', overdue: false },
    ]);
  });

  it('asks the casushouder for Veilig Thuis\'s feedback five working days after a report, until it is recorded', () => {
    const report: CurrentEntry = { entryId: 'r1', kind: 'report', body: { reportedOn: '2026-11-20' } };
    expect(dueItemsOfCase(open, [report], TODAY)).toEqual([{ caseId: 'c1', subjectId: 'r1', kind: 'report-feedback', ownerUserId: 'ib', dueOn: '2026-11-27', overdue: true }]);
    expect(dueItemsOfCase(open, [report, { entryId: 'f1', kind: 'report-feedback', body: {} }], TODAY)).toEqual([]);
  });

  it('names a verwijsindex registration from its reminder day to its last day, the longest-running one only', () => {
    const old = { entryId: 'v1', kind: 'risk-index-registration', body: { activeUntil: '2026-12-20', reminderOn: '2026-11-20' } };
    expect(dueItemsOfCase(open, [old], TODAY)).toEqual([{ caseId: 'c1', subjectId: 'v1', kind: 'risk-index-lapsing', ownerUserId: 'ib', dueOn: '2026-12-20', overdue: false }]);
    const renewed = { entryId: 'v2', kind: 'risk-index-registration', body: { activeUntil: '2028-12-01', reminderOn: '2028-11-01' } };
    expect(dueItemsOfCase(open, [old, renewed], TODAY)).toEqual([]);
    expect(dueItemsOfCase(open, [old], '2026-12-21')).toEqual([]);
  });

  it('lists an aftercare review until it is held; a closed case has nothing due', () => {
    const review = { entryId: 'n1', kind: 'aftercare-review', body: { dueOn: '2026-12-01', heldOn: null } };
    expect(dueItemsOfCase(open, [review], TODAY)).toEqual([{ caseId: 'c1', subjectId: 'n1', kind: 'aftercare-review', ownerUserId: 'ib', dueOn: '2026-12-01', overdue: false }]);
    expect(dueItemsOfCase(open, [{ ...review, body: { dueOn: '2026-12-01', heldOn: '2026-12-01' } }], TODAY)).toEqual([]);
    expect(dueItemsOfCase({ ...open, phase: 'closed' }, [agreement('a1', '2026-11-01', 'monitoring')], TODAY)).toEqual([]);
  });
});
