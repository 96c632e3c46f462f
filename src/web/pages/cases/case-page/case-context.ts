import { createContext, useContext } from 'react';
import type { CasePageResponse } from '../../../../contract/cases.js';

export type CaseData = CasePageResponse;
export type CaseEntryView = CaseData['entries'][number];
export type CaseStepView = CaseData['steps'][number];
export type CaseTaskView = CaseStepView['tasks'][number];
export type TaskStatusView = CaseTaskView['status'];

/** The case page's data, and what its parts look up in it again and again. */
export interface CaseView {
  caseId: string;
  data: CaseData;
  /** Everyone the page knows by id: team, casushouder, starter, who recorded what. */
  names: ReadonlyMap<string, string>;
  /** The text of each task and duty, for the timeline's task entries. */
  taskTexts: ReadonlyMap<string, string>;
}

export function buildCaseView(caseId: string, data: CaseData): CaseView {
  const names = new Map<string, string>();
  const remember = (person: { userId: string; name: string } | null) => {
    if (person) names.set(person.userId, person.name);
  };
  for (const entry of data.entries) {
    remember(entry.firstRecordedBy);
    remember(entry.current.recordedBy);
    entry.history.forEach((version) => remember(version.recordedBy));
  }
  data.breakGlass.forEach((access) => remember(access.user));
  remember(data.case.startedBy);
  data.team.forEach((member) => remember(member));
  remember(data.case.casushouder);

  const taskTexts = new Map<string, string>();
  for (const step of data.steps) for (const task of step.tasks) taskTexts.set(task.id, task.text);
  for (const duty of data.duties) taskTexts.set(duty.id, duty.text);
  return { caseId, data, names, taskTexts };
}

export const CaseContext = createContext<CaseView | null>(null);

export function useCaseView(): CaseView {
  const view = useContext(CaseContext);
  if (!view) throw new Error('useCaseView needs a CaseContext');
  return view;
}

/** Who can be given an agreement: the team, or (before there is one) whoever started the case. */
export function ownerOptions(data: CaseData): { userId: string; name: string }[] {
  if (data.team.length > 0) return data.team.map((member) => ({ userId: member.userId, name: member.name }));
  const people = [data.case.startedBy, data.case.casushouder].filter((p): p is { userId: string; name: string } => p !== null);
  return people.filter((p, index) => people.findIndex((q) => q.userId === p.userId) === index);
}
