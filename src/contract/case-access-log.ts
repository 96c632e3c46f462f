import { z } from 'zod';
import { ACCESS_ACTION_KEYS } from '../domain/audit/access-actions.js';
import { BULK_CASE_COUNT, BULK_WINDOW_MINUTES } from '../domain/audit/bulk-access.js';
import { SCHOOL_DAY_ENDS_HOUR, SCHOOL_DAY_STARTS_HOUR } from '../domain/audit/school-hours.js';

/** Why an access deserves a second look; the web writes the reason in the reader's language. */
export const accessFlag = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-on-team') }),
  z.object({ kind: z.literal('break-glass'), how: z.enum(['opened', 'through']) }),
  z.object({ kind: z.literal('bulk'), cases: z.number().int() }),
  /** `holiday` names the public holiday when the reason is one. */
  z.object({ kind: z.literal('outside-school-hours'), reason: z.enum(['early', 'late', 'weekend', 'holiday']), holiday: z.string().nullable() }),
]);
export type AccessFlagBody = z.infer<typeof accessFlag>;

/**
 * "Who saw this file": every person who opened the case and what they did, a line per person,
 * action and day. Names, roles, action names and times only; never what the file says.
 */
export const caseAccessLogResponse = z.object({
  lines: z.array(
    z.object({
      actor: z.object({ userId: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable() }),
      /** The audited action's own name (for an action the web has no words for). */
      action: z.string(),
      actionKey: z.enum(ACCESS_ACTION_KEYS),
      /** For a recording or correction: which kind of entry (signal, conversation, …). */
      entryKind: z.string().nullable(),
      outcome: z.string(),
      /** The school's day (yyyy-mm-dd, Europe/Amsterdam). */
      day: z.string(),
      firstAt: z.string(),
      lastAt: z.string(),
      count: z.number().int().min(1),
      flags: z.array(accessFlag),
    }),
  ),
  /** The thresholds the flags use, so the page can explain them. */
  rules: z.object({
    bulkCaseCount: z.literal(BULK_CASE_COUNT),
    bulkWindowMinutes: z.literal(BULK_WINDOW_MINUTES),
    schoolDayStartsHour: z.literal(SCHOOL_DAY_STARTS_HOUR),
    schoolDayEndsHour: z.literal(SCHOOL_DAY_ENDS_HOUR),
  }),
});
export type CaseAccessLogResponse = z.infer<typeof caseAccessLogResponse>;

/** The answer of the availability check: only ever yes (no is "not found", as for the list itself). */
export const accessLogAvailableResponse = z.object({ available: z.literal(true) });
