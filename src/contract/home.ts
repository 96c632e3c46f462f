import { z } from 'zod';
import { HOME_SECTIONS } from '../domain/home/home-sections.js';
import { caseSummary } from './cases.js';

const dueItem = z.object({
  caseId: z.string(),
  kind: z.enum(['agreement', 'monitoring', 'aftercare-agreement', 'report-feedback', 'risk-index-lapsing', 'aftercare-review']),
  dueOn: z.string(),
  overdue: z.boolean(),
  pupilName: z.string(),
  groupName: z.string().nullable(),
  /** Who must do it (on the school-wide list). */
  ownerName: z.string().nullable(),
});
export type HomeDueItem = z.infer<typeof dueItem>;

const stepCount = z.object({ step: z.number(), count: z.number() });
const shownCount = z.union([z.number(), z.literal('< 5')]);

/**
 * The home page of the person at the school they act for: the parts of their roles (`sections`), each
 * filled only when it is among them. Names appear only where the person may open the case; the
 * directie's and the board's figures are counts.
 */
export const homeResponse = z.object({
  sections: z.array(z.enum(HOME_SECTIONS)),
  today: z.string(),
  myConcerns: z.array(caseSummary).optional(),
  myDue: z.array(dueItem).optional(),
  startOfYearTalks: z.object({ schoolYear: z.string(), toDo: z.number(), pupils: z.number() }).optional(),
  casesByStep: z.object({ byStep: z.array(stepCount), monitoring: z.number(), cases: z.array(caseSummary) }).optional(),
  schoolDue: z.array(dueItem).optional(),
  destructionDue: z.object({ due: z.number(), upcoming: z.number() }).optional(),
  myCases: z.array(caseSummary).optional(),
  schoolOverview: z.object({ open: z.number(), monitoring: z.number(), byStep: z.array(stepCount), overdue: z.number(), dueSoon: z.number() }).optional(),
  breakGlass: z.array(z.object({ caseId: z.string(), name: z.string(), reason: z.string(), openedAt: z.string() })).optional(),
  /** Per school, counts below 5 shown as "< 5" (no totals: a total would give a hidden count back). */
  boardFigures: z.object({ schools: z.array(z.object({ schoolId: z.string(), name: z.string(), open: shownCount, monitoring: shownCount })) }).optional(),
  staffRouteCases: z.array(caseSummary).optional(),
});
export type HomeResponse = z.infer<typeof homeResponse>;
