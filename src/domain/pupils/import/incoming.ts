import type { ColumnMapping, ImportField, PupilSex } from './fields.js';
import type { ImportProblem } from './problems.js';
import { cell, fold } from './text.js';
import { isEmail, parseAuthority, parseDutchDate, parseSex } from './values.js';

export type { PupilSex } from './fields.js';

export interface IncomingGuardian {
  name: string;
  phone: string | null;
  email: string | null;
  hasAuthority: boolean;
}

/**
 * A pupil as a file describes them. A field that is `undefined` is not in the file: an import
 * leaves it as it is in Meldpad. `null` means the file has the column and it is empty.
 */
export interface IncomingPupil {
  /** The row the pupil was read from, for messages. */
  row: number;
  pupilNumber: string;
  callName: string;
  givenNames?: string;
  surnamePrefix?: string | null;
  surname: string;
  dateOfBirth?: string | null;
  sex?: PupilSex | null;
  groupName?: string | null;
  enrolledOn?: string | null;
  /** undefined when the file has no guardian columns (EDEX never has). */
  guardians?: IncomingGuardian[];
}

export interface RawRow {
  /** The row as a person counts it in the file (the header row of a CSV is 1). */
  row: number;
  cells: readonly string[];
}

export interface ReadRows {
  pupils: IncomingPupil[];
  problems: ImportProblem[];
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = { pupilNumber: 40, surnamePrefix: 40, sex: 20, dateOfBirth: 40, enrolledOn: 40 };
const DEFAULT_MAX = 200;

/** The problems of a mapping that leaves out what every pupil needs: a number, a surname and a name to call them by. */
export function missingColumns(mapping: ColumnMapping, headerRow = 1): ImportProblem[] {
  const has = (field: ImportField) => mapping[field] !== undefined && mapping[field] !== null;
  const problems: ImportProblem[] = [];
  if (!has('pupilNumber')) problems.push({ row: headerRow, field: 'pupilNumber', code: 'missing-column', params: {} });
  if (!has('surname')) problems.push({ row: headerRow, field: 'surname', code: 'missing-column', params: {} });
  if (!has('callName') && !has('givenNames')) problems.push({ row: headerRow, field: 'callName', code: 'missing-column', params: {} });
  return problems;
}

/** Reads plain rows of a spreadsheet (header row excluded) into pupils, naming every problem by row and field. */
export function readCsvRows(rows: readonly RawRow[], mapping: ColumnMapping, headerRow = 1): ReadRows {
  const missing = missingColumns(mapping, headerRow);
  if (missing.length > 0) return { pupils: [], problems: missing };
  const has = (field: ImportField) => mapping[field] !== undefined && mapping[field] !== null;
  const problems: ImportProblem[] = [];
  const pupils: IncomingPupil[] = [];
  const firstRowOf = new Map<string, number>();
  const hasGuardians = (['1', '2'] as const).some((n) => has(`guardian${n}Name`) || has(`guardian${n}Email`) || has(`guardian${n}Phone`));

  for (const { row, cells } of rows) {
    if (cells.every((c) => cell(c) === null)) continue;
    const rowProblems: ImportProblem[] = [];
    const problem = (field: ImportField, code: ImportProblem['code'], params: ImportProblem['params'] = {}) => rowProblems.push({ row, field, code, params });
    const read = (field: ImportField): string | null | undefined => {
      const column = mapping[field];
      if (column === undefined || column === null) return undefined;
      const value = cell(cells[column]);
      if (value !== null && value.length > (MAX_LENGTH[field] ?? DEFAULT_MAX)) {
        problem(field, 'too-long', { max: MAX_LENGTH[field] ?? DEFAULT_MAX });
        return null;
      }
      return value;
    };
    const date = (field: 'dateOfBirth' | 'enrolledOn') => {
      const value = read(field);
      if (value === undefined || value === null) return value;
      const parsed = parseDutchDate(value);
      if (parsed === null) problem(field, 'invalid-date', { value });
      return parsed;
    };

    const pupilNumber = read('pupilNumber');
    if (!pupilNumber) problem('pupilNumber', 'required');
    else if (firstRowOf.has(pupilNumber)) problem('pupilNumber', 'duplicate-number', { value: pupilNumber, other: firstRowOf.get(pupilNumber)! });
    else firstRowOf.set(pupilNumber, row);

    const surname = read('surname');
    if (!surname) problem('surname', 'required');
    const givenNames = read('givenNames');
    const callName = read('callName') ?? givenNames?.split(/\s+/)[0] ?? null;
    if (!callName) problem(has('callName') ? 'callName' : 'givenNames', 'required');

    const sexText = read('sex');
    let sex: PupilSex | null | undefined = sexText === undefined ? undefined : null;
    if (sexText) {
      const parsed = parseSex(sexText, 'csv');
      if (parsed === undefined) problem('sex', 'invalid-sex', { value: sexText });
      else sex = parsed;
    }

    const pupil: IncomingPupil = {
      row,
      pupilNumber: pupilNumber ?? '',
      callName: callName ?? '',
      surname: surname ?? '',
    };
    if (givenNames !== undefined && givenNames !== null) pupil.givenNames = givenNames;
    const prefix = read('surnamePrefix');
    if (prefix !== undefined) pupil.surnamePrefix = prefix;
    const dateOfBirth = date('dateOfBirth');
    if (dateOfBirth !== undefined) pupil.dateOfBirth = dateOfBirth;
    if (sex !== undefined) pupil.sex = sex;
    const group = read('group');
    if (group !== undefined) pupil.groupName = group;
    const enrolledOn = date('enrolledOn');
    if (enrolledOn !== undefined) pupil.enrolledOn = enrolledOn;

    if (hasGuardians) {
      pupil.guardians = [];
      for (const n of ['1', '2'] as const) {
        const name = read(`guardian${n}Name`);
        const phone = read(`guardian${n}Phone`) ?? null;
        const email = read(`guardian${n}Email`)?.toLowerCase() ?? null;
        const authorityText = read(`guardian${n}Authority`);
        if (email && !isEmail(email)) problem(`guardian${n}Email`, 'invalid-email', { value: email });
        let hasAuthority = true;
        if (authorityText) {
          const parsed = parseAuthority(authorityText);
          if (parsed === undefined) problem(`guardian${n}Authority`, 'invalid-authority', { value: authorityText });
          else hasAuthority = parsed;
        }
        if (!name) {
          if (phone || email) problem(`guardian${n}Name`, 'guardian-name-missing');
          continue;
        }
        pupil.guardians.push({ name, phone, email, hasAuthority });
      }
    }

    // In the order of the file's columns, as a person reads the row.
    rowProblems.sort((a, b) => (mapping[a.field] ?? -1) - (mapping[b.field] ?? -1));
    problems.push(...rowProblems);
    if (rowProblems.length === 0) pupils.push(pupil);
  }
  return { pupils, problems };
}

/** Whether two group names mean the same group: case, accents, spacing and punctuation do not count. */
export function sameGroupName(a: string | null | undefined, b: string | null | undefined): boolean {
  return fold(a ?? '') === fold(b ?? '');
}
