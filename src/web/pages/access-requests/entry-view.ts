import type { FileCase, FileEntry } from '../../../contract/access-requests.js';
import type { CaseData, CaseView } from '../cases/case-page/case-context.js';

/**
 * What the case page's entry view (EntryBody) needs to read an entry in a file: the names of the
 * people it mentions, the text of the route's tasks and the pupil's guardians. EntryBody reads
 * nothing else of the case page's data; the rest of a case page (steps, safety numbers, abilities)
 * is not part of what the school hands over, so it is not made up here.
 */
export function entryViewFor(c: FileCase, entries: readonly FileEntry[], guardians: readonly { id: string; name: string }[]): CaseView {
  const names = new Map<string, string>();
  const remember = (person: { userId: string; name: string } | null) => {
    if (person) names.set(person.userId, person.name);
  };
  remember(c.startedBy);
  remember(c.casushouder);
  c.team.forEach(remember);
  for (const entry of entries) {
    remember(entry.firstRecordedBy);
    remember(entry.current.recordedBy);
    entry.history.forEach((version) => remember(version.recordedBy));
  }
  const data = { guardians: guardians.map((g) => ({ id: g.id, name: g.name, hasAuthority: false })) } as Pick<CaseData, 'guardians'>;
  return { caseId: c.id, data: data as CaseData, names, taskTexts: new Map(c.taskTexts.map((task) => [task.id, task.text])) };
}
