import type { LocalisedText } from './signal-catalogue.js';

/**
 * The factual-language hint. Step 1 of the meldcode asks staff to describe what they saw and heard,
 * factually, without interpreting. This finds words in a Dutch description that usually carry an
 * interpretation, a judgement, a conclusion or a generalisation, so the UI can ask what was seen or
 * heard. It advises and never blocks: every word here can be right in context, and the person
 * writing decides.
 */

export const INTERPRETIVE_KINDS = ['interpretation', 'judgement', 'conclusion', 'generalisation'] as const;

/**
 * interpretation: the writer's guess ("ik denk", "waarschijnlijk");
 * judgement: a value judgement about a person ("lui", "brutaal");
 * conclusion: naming what happened as a settled fact ("mishandeld", "ongetwijfeld");
 * generalisation: a frequency nobody can observe ("altijd", "nooit").
 */
export type InterpretiveKind = (typeof INTERPRETIVE_KINDS)[number];

/** One word or phrase found; start and end are offsets into the text as given (end exclusive). */
export interface InterpretiveMatch {
  start: number;
  end: number;
  /** The text as written, e.g. "Agressieve". */
  word: string;
  /** The list entry it matched, e.g. "agressief": the same for every inflection. */
  term: string;
  kind: InterpretiveKind;
}

export interface InterpretiveTerm {
  /** The entry as a person would look it up. */
  readonly term: string;
  readonly kind: InterpretiveKind;
  /** Every form that counts, lowercase; a phrase's words may be separated by any white space. */
  readonly forms: readonly string[];
  /** Words that, right before a form, make it mean something else: "nog steeds" is not "steeds". */
  readonly exceptAfter?: readonly string[];
}

/** The inflections of a Dutch adjective: base, -e, -er, -st, -ste. The stem carries spelling changes (agressief → agressiev-e). */
function adjective(base: string, stem: string = base): string[] {
  return [base, `${stem}e`, `${stem}er`, `${base}st`, `${base}ste`];
}

function term(kind: InterpretiveKind, entry: string, forms: readonly string[] = [entry], exceptAfter?: readonly string[]): InterpretiveTerm {
  return exceptAfter ? { term: entry, kind, forms, exceptAfter } : { term: entry, kind, forms };
}

/** "ik heb het gevoel", "ik had het gevoel", "ik krijg het gevoel" …: one impression, any tense. */
function impression(object: string): string[] {
  return ['heb', 'had', 'krijg', 'kreeg'].map((verb) => `ik ${verb} ${object}`);
}

export const INTERPRETIVE_TERMS: readonly InterpretiveTerm[] = [
  // The writer's own guess or opinion.
  term('interpretation', 'ik denk', ['ik denk', 'denk ik', 'ik dacht', 'dacht ik']),
  term('interpretation', 'ik vermoed', ['ik vermoed', 'vermoed ik', 'ik vermoedde', 'vermoedde ik']),
  term('interpretation', 'ik vind', ['ik vind', 'vind ik', 'ik vond', 'vond ik']),
  term('interpretation', 'ik heb het gevoel', impression('het gevoel')),
  term('interpretation', 'ik heb het idee', impression('het idee')),
  term('interpretation', 'ik heb de indruk', impression('de indruk')),
  term('interpretation', 'ik ben bang dat', ['ik ben bang dat', 'ik was bang dat']),
  term('interpretation', 'volgens mij'),
  term('interpretation', 'waarschijnlijk'),
  term('interpretation', 'misschien'),
  term('interpretation', 'wellicht'),
  term('interpretation', 'vermoedelijk'),
  term('interpretation', 'blijkbaar'),
  term('interpretation', 'kennelijk'),
  term('interpretation', 'lijkt', ['lijkt', 'lijken', 'leek', 'leken']),
  term('interpretation', 'zou kunnen'),

  // Value judgements about the child or a parent.
  term('judgement', 'agressief', [...adjective('agressief', 'agressiev'), ...adjective('aggressief', 'aggressiev')]),
  term('judgement', 'brutaal', adjective('brutaal', 'brutal')),
  // Not adjective(): its comparative would be "luier", which is a nappy.
  term('judgement', 'lui', ['lui', 'luie', 'luiaard']),
  term('judgement', 'asociaal', adjective('asociaal', 'asocial')),
  term('judgement', 'zielig', adjective('zielig')),
  term('judgement', 'slecht', adjective('slecht')),
  term('judgement', 'vreselijk', adjective('vreselijk')),
  term('judgement', 'verschrikkelijk', adjective('verschrikkelijk')),
  term('judgement', 'onverzorgd', ['onverzorgd', 'onverzorgde']),
  term('judgement', 'onbeschoft', adjective('onbeschoft')),
  term('judgement', 'ongemanierd', ['ongemanierd', 'ongemanierde']),
  term('judgement', 'onhandelbaar', adjective('onhandelbaar', 'onhandelbar')),
  term('judgement', 'gemeen', adjective('gemeen', 'gemen')),
  term('judgement', 'respectloos', adjective('respectloos', 'respectloz')),
  term('judgement', 'onverschillig', adjective('onverschillig')),
  term('judgement', 'raar', ['raar', 'rare', 'raarder', 'raarst', 'raarste']),
  term('judgement', 'gek', adjective('gek', 'gekk')),
  term('judgement', 'dom', adjective('dom', 'domm')),
  term('judgement', 'abnormaal', [...adjective('abnormaal', 'abnormal'), 'niet normaal']),
  term('judgement', 'hysterisch', adjective('hysterisch')),

  // What happened, stated as settled, or certainty the writer cannot have.
  term('conclusion', 'mishandeld', ['mishandeld', 'mishandelde', 'mishandelden', 'mishandelt', 'mishandelen']),
  term('conclusion', 'mishandeling', ['mishandeling', 'mishandelingen']),
  term('conclusion', 'verwaarloosd', ['verwaarloosd', 'verwaarloosde', 'verwaarloosden', 'verwaarloost', 'verwaarlozen']),
  term('conclusion', 'verwaarlozing'),
  term('conclusion', 'misbruikt', ['misbruikt', 'misbruikte', 'misbruikten', 'misbruiken', 'misbruik']),
  term('conclusion', 'getraumatiseerd', ['getraumatiseerd', 'getraumatiseerde']),
  term('conclusion', 'onveilig', ['onveilig', 'onveilige']),
  term('conclusion', 'verslaafd', ['verslaafd', 'verslaafde']),
  term('conclusion', 'dronken', ['dronken', 'onder invloed']),
  term('conclusion', 'depressief', ['depressief', 'depressieve']),
  term('conclusion', 'duidelijk dat', ['duidelijk dat', 'het is duidelijk', 'het is duidelijk dat']),
  term('conclusion', 'overduidelijk', ['overduidelijk', 'overduidelijke']),
  term('conclusion', 'ongetwijfeld'),
  term('conclusion', 'zonder twijfel', ['zonder twijfel', 'zonder enige twijfel']),
  term('conclusion', 'zeker weten'),

  // Frequencies nobody observes: what was seen is a number of times, on days.
  term('generalisation', 'altijd'),
  term('generalisation', 'nooit'),
  term('generalisation', 'steeds', ['steeds'], ['nog']),
  term('generalisation', 'telkens'),
  term('generalisation', 'elke keer', ['elke keer', 'iedere keer']),
  term('generalisation', 'elke dag', ['elke dag', 'iedere dag']),
  term('generalisation', 'de hele tijd'),
  term('generalisation', 'voortdurend'),
  term('generalisation', 'constant', ['constant', 'continu']),
  term('generalisation', 'iedereen'),
  term('generalisation', 'niemand'),
];

const ADVICE: Readonly<Record<InterpretiveKind, LocalisedText>> = {
  interpretation: {
    nl: 'Wat zag of hoorde u precies waardoor u dit denkt?',
    en: 'What exactly did you see or hear that makes you think this?',
  },
  judgement: {
    nl: 'Wat zag of hoorde u precies? Beschrijf wat er gebeurde, dan kan een ander zelf een oordeel vormen.',
    en: 'What exactly did you see or hear? Describe what happened, so that others can form their own view.',
  },
  conclusion: {
    nl: 'Dit klinkt als een conclusie. Wat zag of hoorde u precies, en van wie weet u het?',
    en: 'This sounds like a conclusion. What exactly did you see or hear, and who did you learn it from?',
  },
  generalisation: {
    nl: 'Hoe vaak en wanneer zag of hoorde u dit? Noem de keren of dagen die u weet.',
    en: 'How often and when did you see or hear this? Name the times or days you know of.',
  },
};

/** The question that asks what was seen or heard, for a kind of word found. */
export function factualLanguageAdvice(kind: InterpretiveKind): LocalisedText {
  return ADVICE[kind];
}

/**
 * The interpretive words and phrases in a description, in order of appearance. Case and
 * diacritics do not matter ("Agressief", "agressief"); a form never matches inside another word
 * ("lijkt" is not in "gelijktijdig"). Words inside double quotes are skipped: a child's own words,
 * quoted, are exactly what was heard ("Hij zei: “ik denk dat papa boos wordt”").
 */
export function findInterpretiveWords(text: string): InterpretiveMatch[] {
  const folded = fold(text);
  const quotes = quotedSpans(text);
  const found: InterpretiveMatch[] = [];
  for (const { entry, pattern } of PATTERNS) {
    for (const match of folded.text.matchAll(pattern)) {
      const start = folded.starts[match.index];
      const end = folded.ends[match.index + match[0].length - 1];
      if (start === undefined || end === undefined) continue;
      if (quotes.some(([from, to]) => start >= from && start < to)) continue;
      found.push({ start, end, word: text.slice(start, end), term: entry.term, kind: entry.kind });
    }
  }
  return withoutOverlaps(found);
}

// Letters and digits of any script make a word; everything else (space, punctuation, hyphen) ends it.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

const PATTERNS = INTERPRETIVE_TERMS.map((entry) => {
  // Longest first, so a phrase is preferred over a shorter form that starts the same way.
  const forms = [...entry.forms].map(foldForm).sort((a, b) => b.length - a.length).map(formPattern);
  const exceptions = (entry.exceptAfter ?? []).map((word) => `(?<!${NOT_AFTER_WORD}${formPattern(foldForm(word))}\\s+)`).join('');
  return { entry, pattern: new RegExp(`${exceptions}${NOT_AFTER_WORD}(?:${forms.join('|')})${NOT_BEFORE_WORD}`, 'gu') };
});

function foldForm(form: string): string {
  return fold(form).text.trim();
}

/** A form as a pattern: its characters literally, its spaces as any run of white space. */
function formPattern(form: string): string {
  return form
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

interface FoldedText {
  text: string;
  /** For each code unit of the folded text, where its character starts and ends in the original. */
  starts: number[];
  ends: number[];
}

/**
 * Lowercase without diacritics, one character at a time, remembering where each folded character
 * came from: a match in the folded text is reported at its place in the text the person wrote.
 */
function fold(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of text) {
    const end = offset + character.length;
    const plain = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    // A separate combining accent belongs to the letter before it: widen that letter's span.
    if (plain === '' && ends.length > 0) ends[ends.length - 1] = end;
    for (let unit = 0; unit < plain.length; unit++) {
      starts.push(offset);
      ends.push(end);
    }
    folded += plain;
    offset = end;
  }
  return { text: folded, starts, ends };
}

// Straight, curly and low-high („…”) double quotes, and guillemets. Single quotes are left out:
// they double as the apostrophe in "auto's" and "zo'n".
const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);

/** The stretches between a pair of double quotes, within one line; an unclosed quote quotes nothing. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open: number | null = null;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (character === '\n') open = null;
    else if (QUOTE_MARKS.has(character)) {
      if (open === null) open = index;
      else {
        spans.push([open, index + 1]);
        open = null;
      }
    }
  }
  return spans;
}

/** Where two entries overlap ("het is duidelijk dat" and "duidelijk dat"), the earlier and longer one stays. */
function withoutOverlaps(matches: InterpretiveMatch[]): InterpretiveMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: InterpretiveMatch[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}
