import { describe, expect, it } from 'vitest';
import {
  INTERPRETIVE_KINDS,
  INTERPRETIVE_TERMS,
  factualLanguageAdvice,
  findInterpretiveWords,
  type InterpretiveKind,
} from '../../../src/domain/cases/signals/factual-language.js';

/** The words found, as written. */
function words(text: string): string[] {
  return findInterpretiveWords(text).map((match) => match.word);
}

function kinds(text: string): InterpretiveKind[] {
  return findInterpretiveWords(text).map((match) => match.kind);
}

describe('the factual-language hint', () => {
  it('finds nothing in a factual description', () => {
    const factual =
      'Op maandag 3 maart om 8.30 uur zag ik bij binnenkomst een blauwe plek van ongeveer 3 cm op de linkerwang van Sam. ' +
      'Ik vroeg wat er gebeurd was. Sam keek naar de grond en zei niets. Om 10.15 uur at hij zijn brood niet op.';
    expect(findInterpretiveWords(factual)).toEqual([]);
    expect(findInterpretiveWords('')).toEqual([]);
  });

  it('reports where each word stands, so the UI can point at it', () => {
    const text = 'Sam was agressief en volgens mij verwaarloosd.';
    expect(findInterpretiveWords(text)).toEqual([
      { start: 8, end: 17, word: 'agressief', term: 'agressief', kind: 'judgement' },
      { start: 21, end: 32, word: 'volgens mij', term: 'volgens mij', kind: 'interpretation' },
      { start: 33, end: 45, word: 'verwaarloosd', term: 'verwaarloosd', kind: 'conclusion' },
    ]);
    for (const match of findInterpretiveWords(text)) expect(text.slice(match.start, match.end)).toBe(match.word);
  });

  it('sorts the four kinds: guesses, judgements, conclusions and generalisations', () => {
    expect(kinds('Ik denk dat hij waarschijnlijk bang is.')).toEqual(['interpretation', 'interpretation']);
    expect(kinds('Een brutaal en lui kind.')).toEqual(['judgement', 'judgement']);
    expect(kinds('Ze wordt mishandeld, dat is ongetwijfeld zo.')).toEqual(['conclusion', 'conclusion']);
    expect(kinds('Hij komt altijd te laat en eet nooit.')).toEqual(['generalisation', 'generalisation']);
  });

  it('ignores case', () => {
    expect(words('AGRESSIEF gedrag. Misschien moe. Ik Denk het.')).toEqual(['AGRESSIEF', 'Misschien', 'Ik Denk']);
  });

  it('ignores diacritics, and reports the word with its accents', () => {
    expect(words('Hij was agréssief.')).toEqual(['agréssief']);
    expect(words('Ze is ZIELÏG.')).toEqual(['ZIELÏG']);
    // A separate combining accent stays with its letter in the reported word.
    const decomposed = 'zie\u0301lig kind';
    expect(findInterpretiveWords(decomposed)[0]).toMatchObject({ start: 0, end: 7, word: 'zie\u0301lig' });
  });

  it('finds inflected forms under one entry', () => {
    const found = findInterpretiveWords('agressieve jongen, agressiever dan gisteren, verwaarloosde kinderen, een luie ouder, brutale opmerking');
    expect(found.map((match) => match.term)).toEqual(['agressief', 'agressief', 'verwaarloosd', 'lui', 'brutaal']);
  });

  it('finds a common misspelling too', () => {
    expect(words('aggressief')).toEqual(['aggressief']);
  });

  it('never matches inside another word', () => {
    for (const text of [
      'Ze kwamen gelijktijdig binnen.',
      'Hij deed de sloten dicht.',
      'Hij heeft een gebroken pols volgens de arts.',
      'De luier was nat.',
      'Het domino spel lag op tafel.',
      'Zij tekende een altijdgroene boom.',
      'Ze liep naar het gemeentehuis.',
      'Hij las het boek constantinopel.',
      'Hij zei: mijn vriend heet Slechtenhorst.',
      'Ze hing de kleding over de stoelleuning.',
    ]) {
      expect(words(text), text).toEqual([]);
    }
  });

  it('treats punctuation, hyphens and line breaks as the end of a word', () => {
    expect(words('(agressief)')).toEqual(['agressief']);
    expect(words('"zielig"?')).toEqual([]);
    expect(words('lui, brutaal; asociaal!')).toEqual(['lui', 'brutaal', 'asociaal']);
    expect(words('niet-agressief')).toEqual(['agressief']);
    expect(words('Misschien.\nAltijd…')).toEqual(['Misschien', 'Altijd']);
  });

  it('finds a phrase across any white space, and prefers it over its parts', () => {
    expect(words('Ik  denk\tdat')).toEqual(['Ik  denk']);
    expect(words('Volgens\nmij klopt het niet.')).toEqual(['Volgens\nmij']);
    expect(findInterpretiveWords('Het is duidelijk dat hij bang is.')).toEqual([
      { start: 0, end: 20, word: 'Het is duidelijk dat', term: 'duidelijk dat', kind: 'conclusion' },
    ]);
    expect(words('Hij heeft de hele tijd gehuild.')).toEqual(['de hele tijd']);
  });

  it('does not flag the parts of a phrase on their own', () => {
    expect(words('Ik zag een duidelijke blauwe plek.')).toEqual([]);
    expect(words('Hij praat duidelijk.')).toEqual([]);
    expect(words('Ik zag het. Ze denkt na.')).toEqual([]);
    expect(words('Ik heb het gevonden.')).toEqual([]);
  });

  it('finds the inverted word order of a guess', () => {
    expect(words('Dat is niet goed, denk ik.')).toEqual(['denk ik']);
    expect(words('Dat vond ik vreemd.')).toEqual(['vond ik']);
    expect(words('Ik had de indruk dat hij honger had.')).toEqual(['Ik had de indruk']);
  });

  it('does not flag "nog steeds", which is about now and not a generalisation', () => {
    expect(words('Hij heeft nog steeds buikpijn.')).toEqual([]);
    expect(words('Hij heeft nog  steeds buikpijn, en steeds vaker.')).toEqual(['steeds']);
    expect(words('Steeds weer te laat.')).toEqual(['Steeds']);
  });

  it('skips the words of a quotation: what the child said is what was heard', () => {
    expect(words('Sam zei: "ik denk dat papa boos wordt".')).toEqual([]);
    expect(words('Sam zei: “ik ben altijd alleen thuis”, en ik denk dat het klopt.')).toEqual(['ik denk']);
    expect(words('Moeder zei: „Hij is lui.”')).toEqual([]);
    expect(words('Vader noemde hem «brutaal» en «dom».')).toEqual([]);
  });

  it('does not let an unclosed quote hide the rest of the text', () => {
    expect(words('Sam zei: "ik wil niet naar huis\nIk denk dat hij bang is.')).toEqual(['Ik denk']);
    expect(words('Een "quote zonder einde en misschien meer')).toEqual(['misschien']);
  });

  it('keeps apostrophes as part of ordinary text', () => {
    expect(words("Hij had 's ochtends zo'n vreselijke hoofdpijn.")).toEqual(['vreselijke']);
  });

  it('finds conclusions about parents as well as children', () => {
    expect(words('Vader was dronken bij het ophalen.')).toEqual(['dronken']);
    expect(words('Moeder kwam onder invloed op school.')).toEqual(['onder invloed']);
    expect(words('De moeder is depressief en verslaafd.')).toEqual(['depressief', 'verslaafd']);
  });

  it('returns each match once, in order of appearance', () => {
    const found = findInterpretiveWords('nooit lui, altijd brutaal, misschien nooit');
    expect(found.map((match) => match.start)).toEqual([...found.map((match) => match.start)].sort((a, b) => a - b));
    expect(found.map((match) => match.word)).toEqual(['nooit', 'lui', 'altijd', 'brutaal', 'misschien', 'nooit']);
  });

  it('finds each form of its list in a sentence, under its own entry', () => {
    for (const entry of INTERPRETIVE_TERMS) {
      for (const form of entry.forms) {
        const found = findInterpretiveWords(`Gisteren: ${form}.`);
        expect(found, form).toHaveLength(1);
        expect(found[0]?.term, form).toBe(entry.term);
        expect(found[0]?.kind, form).toBe(entry.kind);
      }
    }
  });

  it('keeps a reasoned list of about fifty entries in every kind, without repeats', () => {
    expect(INTERPRETIVE_TERMS.length).toBeGreaterThanOrEqual(40);
    expect(INTERPRETIVE_TERMS.length).toBeLessThanOrEqual(70);
    for (const kind of INTERPRETIVE_KINDS) expect(INTERPRETIVE_TERMS.some((entry) => entry.kind === kind)).toBe(true);
    const forms = INTERPRETIVE_TERMS.flatMap((entry) => entry.forms);
    expect(new Set(forms).size).toBe(forms.length);
  });
});

describe('the advice', () => {
  it('asks, for every kind, what was seen or heard, in Dutch and English', () => {
    for (const kind of INTERPRETIVE_KINDS) {
      const advice = factualLanguageAdvice(kind);
      expect(advice.nl).toMatch(/zag of hoorde u/);
      expect(advice.nl).toContain('?');
      expect(advice.en).toMatch(/see or hear/);
    }
    expect(factualLanguageAdvice('interpretation').nl).toBe('Wat zag of hoorde u precies waardoor u dit denkt?');
  });
});
