import type { PupilSex } from './fields.js';

/**
 * A date as schools write it: dd-mm-jjjj or d-m-jjjj (with -, / or . between), or jjjj-mm-dd; as
 * yyyy-mm-dd, or null when it is no real date (31-02-2019 is not).
 */
export function parseDutchDate(text: string): string | null {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/.exec(value);
  if (dutch) {
    [day, month, year] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return null;
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const SEX_WORDS: Record<string, PupilSex> = {
  m: 'm',
  j: 'm',
  man: 'm',
  mannelijk: 'm',
  jongen: 'm',
  male: 'm',
  boy: 'm',
  v: 'f',
  f: 'f',
  vrouw: 'f',
  vrouwelijk: 'f',
  meisje: 'f',
  female: 'f',
  girl: 'f',
  x: 'x',
  o: 'x',
  onbekend: 'x',
  anders: 'x',
  overig: 'x',
};

/**
 * Sex as a spreadsheet writes it (M/J = boy, V = girl, X = other or unknown), or as EDEX codes it
 * (1 = boy, 2 = girl, 0 and 9 = not known). undefined when it cannot be read.
 */
export function parseSex(text: string, format: 'csv' | 'edex'): PupilSex | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  if (format === 'edex' || /^\d$/.test(value)) {
    if (value === '1') return 'm';
    if (value === '2') return 'f';
    if (value === '0' || value === '9') return null;
  }
  return SEX_WORDS[value];
}

/** Whether a guardian holds parental authority: ja/nee, j/n, yes/no, 1/0, x. undefined when unreadable. */
export function parseAuthority(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', '1', 'x', 'waar', 'true', 'wel'].includes(value)) return true;
  if (['nee', 'n', 'no', '0', 'onwaar', 'false', 'geen', '-'].includes(value)) return false;
  return undefined;
}

/** A plausible e-mail address (one @, a dot in the domain, no spaces). */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** Year groups named in a group's name: "Groep 1/2 Otters" → [1, 2], "Groep 7" → [7], "Vossen" → []. */
export function yearGroupsFromName(name: string): number[] {
  const match = /(?:^|\D)([1-8](?:\s*[/&+-]\s*[1-8])*)(?:\D|$)/.exec(name);
  if (!match) return [];
  return [...new Set(match[1]!.split(/\s*[/&+-]\s*/).map(Number))].sort((a, b) => a - b);
}
