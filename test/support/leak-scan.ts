/**
 * Looks for what must never leave the case file sideways — a pupil's name, a sentence someone typed —
 * in what the server and the browser produced on the side: log lines, mails, URLs, error bodies,
 * notification and job rows. Pure: the e2e harness and the API tests gather the text; this finds needles.
 */

export interface PupilName {
  givenNames: string;
  callName: string;
  surnamePrefix: string | null;
  surname: string;
}

export interface LeakNeedles {
  pupils: readonly PupilName[];
  /** Everything typed into a page, one value per field edit. */
  typed: readonly string[];
  /**
   * Names that may appear (staff, schools, boards, groups): masked before scanning, so that a colleague
   * "Bilal Öztürk" in a mail is not taken for a pupil Öztürk, and a typed school name is not case text.
   */
  allowed: readonly string[];
}

/** One piece of text to scan, and where it came from (said in a failure, instead of the text). */
export interface Haystack {
  where: string;
  text: string;
}

export interface Leak {
  /** What was found: 'pupil name "…"' or 'typed text "…"'. */
  what: string;
  where: string;
}

/** Typed text shorter than this is too common to mean anything ("ja", a date, a code). */
export const MIN_TYPED_LENGTH = 12;
/** A family name alone counts from this many letters on ("Kok" is a word too often). */
export const MIN_SURNAME_LETTERS = 4;

interface Needle {
  what: string;
  test(text: string): boolean;
  /** Of a name: whether it is a full name or the family name alone, and which family name. */
  name?: { full: boolean; surname: string };
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern (escaped already) as a whole word: no letter or digit may touch it on either side. */
function bounded(source: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${source.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, `u${flags}`);
}

function wholeWord(text: string, flags: string): RegExp {
  return bounded(escapeRegExp(text), flags);
}

/** "van der Meer" or "Van der Meer" (a prefix is capitalised without a given name before it), exactly otherwise. */
function prefixedFamilyName(prefix: string, surname: string): RegExp {
  const first = prefix[0] ?? '';
  return bounded(`[${escapeRegExp(first.toLowerCase())}${escapeRegExp(first.toUpperCase())}]${escapeRegExp(prefix.slice(1))} ${escapeRegExp(surname)}`, '');
}

/** "Sem de Jong", "Sem Maria de Jong", "Sem Maria" is not: a given name alone says too little. */
function fullNames(pupil: PupilName): string[] {
  const family = normalise([pupil.surnamePrefix, pupil.surname].filter(Boolean).join(' '));
  const given = new Set([pupil.callName, pupil.givenNames, pupil.givenNames.split(/\s+/)[0] ?? ''].map(normalise).filter(Boolean));
  return [...given].map((name) => `${name} ${family}`);
}

/**
 * Not case text: an address, a link, or one word without spaces (a client id, a password, a code) —
 * these are settings and credentials, which other tests keep out of logs; a sentence has words.
 */
function notASentence(value: string): boolean {
  return !/\s/.test(value) || /^[^\s@]+@[^\s@]+$/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/** The sentences and lines of typed text worth looking for: a long note leaks by its parts too. */
export function typedPieces(typed: readonly string[], allowed: readonly string[]): string[] {
  const allowedSet = new Set(allowed.map((a) => normalise(a).toLowerCase()));
  const pieces = new Set<string>();
  for (const value of typed) {
    const whole = normalise(value);
    if (whole.length < MIN_TYPED_LENGTH || notASentence(whole) || allowedSet.has(whole.toLowerCase())) continue;
    pieces.add(whole);
    for (const part of value.split(/\n+|(?<=[.!?;])\s+/)) {
      const piece = normalise(part);
      if (piece.length >= MIN_TYPED_LENGTH && !notASentence(piece) && !allowedSet.has(piece.toLowerCase())) pieces.add(piece);
    }
  }
  return [...pieces];
}

function needlesFor(input: LeakNeedles): Needle[] {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  for (const pupil of input.pupils) {
    for (const name of fullNames(pupil)) {
      if (seen.has(`n:${name}`)) continue;
      seen.add(`n:${name}`);
      const pattern = wholeWord(name, 'i');
      needles.push({ what: `pupil name "${name}"`, test: (text) => pattern.test(text), name: { full: true, surname: normalise(pupil.surname) } });
    }
    const surname = normalise(pupil.surname);
    if ([...surname.matchAll(/\p{L}/gu)].length < MIN_SURNAME_LETTERS) continue;
    // Whole-word and case-sensitive: "Bakker" the pupil, not "bakker" the trade or "Bakkers". With a
    // prefix the family name goes with it ("van der Meer", "Van der Meer"): "Meer informatie" is Dutch.
    const prefix = pupil.surnamePrefix ? normalise(pupil.surnamePrefix) : null;
    const family = prefix ? `${prefix} ${surname}` : surname;
    if (seen.has(`s:${family}`)) continue;
    seen.add(`s:${family}`);
    const pattern = prefix ? prefixedFamilyName(prefix, surname) : wholeWord(surname, '');
    needles.push({ what: `pupil family name "${family}"`, test: (text) => pattern.test(text), name: { full: false, surname } });
  }
  for (const piece of typedPieces(input.typed, input.allowed)) {
    const lower = piece.toLowerCase();
    needles.push({ what: `typed text "${piece.length > 40 ? `${piece.slice(0, 37)}…` : piece}"`, test: (text) => text.toLowerCase().includes(lower) });
  }
  return needles;
}

/** Replaces the allowed names by a placeholder, longest first (so "Bilal Öztürk" goes before "Öztürk" could match). */
function masker(allowed: readonly string[]): (text: string) => string {
  const patterns = [...new Set(allowed.map(normalise).filter((a) => a.length >= 3))].sort((a, b) => b.length - a.length).map((a) => wholeWord(a, 'gi'));
  return (text) => patterns.reduce((masked, pattern) => masked.replace(pattern, '[allowed]'), normalise(text));
}

/** Every needle found in every haystack. */
export function scanForLeaks(input: LeakNeedles, haystacks: readonly Haystack[]): Leak[] {
  const needles = needlesFor(input);
  const mask = masker(input.allowed);
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  for (const haystack of haystacks) {
    const text = mask(haystack.text);
    const found = needles.filter((needle) => needle.test(text));
    for (const needle of found) {
      // The same thing in the same place once; a family name not again where the full name was found.
      if (needle.name && !needle.name.full && found.some((other) => other.name?.full && other.name.surname === needle.name!.surname)) continue;
      const key = `${needle.what}\u0000${haystack.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      leaks.push({ what: needle.what, where: haystack.where });
    }
  }
  return leaks;
}

/** A failure message: what was found where, one a line, without the text around it. */
export function describeLeaks(leaks: readonly Leak[]): string {
  const lines = leaks.slice(0, 30).map((leak) => `  - ${leak.what} in ${leak.where}`);
  if (leaks.length > 30) lines.push(`  … and ${leaks.length - 30} more`);
  return `Something about a pupil leaked sideways (${leaks.length}):\n${lines.join('\n')}`;
}

/**
 * The haystacks of one log line: each string in the JSON by its path (a path logged with %-escapes
 * is read decoded too), or the raw line when it is not JSON. The message itself is never quoted back.
 */
export function logLineHaystacks(line: string, where: string): Haystack[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return [{ where, text: withDecoded(line) }];
  }
  const found: Haystack[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') found.push({ where: `${where}, field ${path || '(line)'}`, text: withDecoded(value) });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(parsed, '');
  return found;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: the raw text is scanned.
    return text;
  }
}

function withDecoded(text: string): string {
  return text.includes('%') ? `${text}\n${safeDecode(text)}` : text;
}

/** A URL as a person reads it: its parts decoded, so "Fatima%20Kowalski" and "Fatima+Kowalski" are found. */
export function urlHaystack(url: string, where: string): Haystack {
  return { where, text: safeDecode(url) };
}

/** Where a URL was seen, by its path only: the query and fragment are what may hold the leak. */
export function urlPlace(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search ? '?…' : ''}${parsed.hash ? '#…' : ''}`;
  } catch {
    return '(unparsable URL)';
  }
}
