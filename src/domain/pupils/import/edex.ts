import type { IncomingPupil, PupilSex } from './incoming.js';
import type { ImportProblem } from './problems.js';
import { cell, fold } from './text.js';
import { parseDutchDate, parseSex } from './values.js';

/** An EDEX document as plain data, read by the server's XML parser (element names lowercased, namespaces gone). */
export interface EdexDocument {
  groups: { key: string; name: string | null; yearGroup: string | null }[];
  pupils: { key: string | null; fields: Record<string, string | undefined>; groupKey: string | null }[];
  teachers: { key: string | null; email: string | null; name: string; groupKeys: string[] }[];
}

export interface EdexGroup {
  name: string;
  yearGroups: number[];
}

export interface EdexRead {
  pupils: IncomingPupil[];
  /** The groups of the file, a combined group (1/2) once with both year groups. */
  groups: EdexGroup[];
  /** Which groups each teacher teaches, by their e-mail address (lowercase). */
  teachers: { email: string; groupNames: string[] }[];
  problems: ImportProblem[];
}

/**
 * Turns an EDEX document into pupils, groups and teachers' groups. A combined group appears once per
 * year group in EDEX (two keys, one name): it becomes one group. Pupils are numbered 1, 2, … in file
 * order for messages.
 */
export function readEdex(doc: EdexDocument): EdexRead {
  const problems: ImportProblem[] = [];
  const groupNameByKey = new Map<string, string>();
  const groups = new Map<string, EdexGroup>();
  for (const group of doc.groups) {
    const name = cell(group.name ?? undefined) ?? cell(group.key);
    if (!name) continue;
    groupNameByKey.set(group.key, name);
    const key = fold(name);
    const existing = groups.get(key) ?? { name, yearGroups: [] };
    const year = Number.parseInt(group.yearGroup ?? '', 10);
    if (Number.isInteger(year) && year >= 1 && year <= 8 && !existing.yearGroups.includes(year)) existing.yearGroups.push(year);
    existing.yearGroups.sort((a, b) => a - b);
    groups.set(key, existing);
  }

  const pupils: IncomingPupil[] = [];
  const firstRowOf = new Map<string, number>();
  doc.pupils.forEach((raw, index) => {
    const row = index + 1;
    const rowProblems: ImportProblem[] = [];
    const f = (name: string) => cell(raw.fields[name]);
    const pupilNumber = cell(raw.key ?? undefined) ?? f('leerlingnummer');
    if (!pupilNumber) rowProblems.push({ row, field: 'pupilNumber', code: 'required', params: {} });
    else if (firstRowOf.has(pupilNumber)) rowProblems.push({ row, field: 'pupilNumber', code: 'duplicate-number', params: { value: pupilNumber, other: firstRowOf.get(pupilNumber)! } });
    else firstRowOf.set(pupilNumber, row);
    const surname = f('achternaam');
    if (!surname) rowProblems.push({ row, field: 'surname', code: 'required', params: { number: pupilNumber ?? '' } });
    const givenNames = f('voornamen');
    const callName = f('roepnaam') ?? givenNames?.split(/\s+/)[0] ?? null;
    if (!callName) rowProblems.push({ row, field: 'callName', code: 'required', params: { number: pupilNumber ?? '' } });
    const date = (element: string, field: 'dateOfBirth' | 'enrolledOn') => {
      const text = f(element);
      if (!text) return null;
      const parsed = parseDutchDate(text);
      if (!parsed) rowProblems.push({ row, field, code: 'invalid-date', params: { value: text, number: pupilNumber ?? '' } });
      return parsed;
    };
    const dateOfBirth = date('geboortedatum', 'dateOfBirth');
    const enrolledOn = date('instroomdatum', 'enrolledOn');
    let sex: PupilSex | null = null;
    const sexText = f('geslacht');
    if (sexText) {
      const parsed = parseSex(sexText, 'edex');
      if (parsed === undefined) rowProblems.push({ row, field: 'sex', code: 'invalid-sex', params: { value: sexText, number: pupilNumber ?? '' } });
      else sex = parsed;
    }
    let groupName: string | null = null;
    if (raw.groupKey) {
      groupName = groupNameByKey.get(raw.groupKey) ?? null;
      if (groupName === null) rowProblems.push({ row, field: 'group', code: 'unknown-group', params: { value: raw.groupKey, number: pupilNumber ?? '' } });
    }
    problems.push(...rowProblems);
    if (rowProblems.length > 0) return;
    pupils.push({
      row,
      pupilNumber: pupilNumber!,
      callName: callName!,
      ...(givenNames ? { givenNames } : {}),
      surnamePrefix: f('voorvoegsel'),
      surname: surname!,
      dateOfBirth,
      sex,
      groupName,
      enrolledOn,
    });
  });

  const teachers = doc.teachers
    .filter((teacher) => teacher.email)
    .map((teacher) => ({
      email: teacher.email!.trim().toLowerCase(),
      groupNames: [...new Set(teacher.groupKeys.map((key) => groupNameByKey.get(key)).filter((name): name is string => Boolean(name)))],
    }));
  return { pupils, groups: [...groups.values()], teachers, problems };
}
