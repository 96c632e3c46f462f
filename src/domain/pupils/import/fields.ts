/**
 * The fields of a pupil import: what a column of a file can mean in Meldpad. A pupil comes with up
 * to two parents or guardians (ouder/verzorger 1 and 2), as the spreadsheets schools make by hand.
 */
export const PUPIL_FIELDS = ['pupilNumber', 'callName', 'givenNames', 'surnamePrefix', 'surname', 'dateOfBirth', 'sex', 'group', 'enrolledOn'] as const;

export const GUARDIAN_PARTS = ['Name', 'Phone', 'Email', 'Authority'] as const;

export const GUARDIAN_FIELDS = [
  'guardian1Name',
  'guardian1Phone',
  'guardian1Email',
  'guardian1Authority',
  'guardian2Name',
  'guardian2Phone',
  'guardian2Email',
  'guardian2Authority',
] as const;

export const IMPORT_FIELDS = [...PUPIL_FIELDS, ...GUARDIAN_FIELDS] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
export type PupilField = (typeof PUPIL_FIELDS)[number];

/** Boy, girl, or another or unknown sex (X). */
export type PupilSex = 'm' | 'f' | 'x';

/** For each Meldpad field, the column (0-based) it is read from, or null when the file has none. */
export type ColumnMapping = Partial<Record<ImportField, number | null>>;

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}
