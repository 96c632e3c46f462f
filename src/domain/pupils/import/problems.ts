import type { ImportField } from './fields.js';

/** What can be wrong with a row or a column of an import file; the server words it for a person. */
export const PROBLEM_CODES = [
  'missing-column',
  'required',
  'invalid-date',
  'invalid-sex',
  'invalid-email',
  'invalid-authority',
  'duplicate-number',
  'too-long',
  'guardian-name-missing',
  'unknown-group',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * One problem: the row as a person counts it in the file (for CSV the line, the header being 1; for
 * EDEX the n-th pupil), the field, a code and what the message needs.
 */
export interface ImportProblem {
  row: number;
  field: ImportField;
  code: ProblemCode;
  params: Record<string, string | number>;
}
