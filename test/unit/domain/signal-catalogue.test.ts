import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_GUIDANCE,
  RECORDING_GUIDANCE,
  SIGNAL_CATALOGUE,
  SIGNAL_CATEGORY_IDS,
  categoryOfItem,
  findSignalCategory,
  findSignalItem,
  isSignalItemId,
} from '../../../src/domain/cases/signals/signal-catalogue.js';

const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;
const allItems = SIGNAL_CATALOGUE.flatMap((category) => category.items);

describe('the signal catalogue', () => {
  it('has the fourteen categories A to N of the reference, in order', () => {
    expect(SIGNAL_CATALOGUE.map((category) => category.letter).join('')).toBe('ABCDEFGHIJKLMN');
    expect(SIGNAL_CATALOGUE.map((category) => category.id)).toEqual([...SIGNAL_CATEGORY_IDS]);
  });

  it('names every category and item with a kebab-case id under its category', () => {
    for (const category of SIGNAL_CATALOGUE) {
      expect(category.id).toMatch(KEBAB);
      expect(category.items.length).toBeGreaterThan(0);
      for (const item of category.items) {
        const [prefix, name, ...rest] = item.id.split('.');
        expect(prefix).toBe(category.id);
        expect(name).toMatch(KEBAB);
        expect(rest).toEqual([]);
      }
    }
  });

  it('never uses an item id twice', () => {
    const ids = allItems.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels every category and item in Dutch and English', () => {
    for (const labelled of [...SIGNAL_CATALOGUE, ...allItems]) {
      expect(labelled.label.nl.trim()).not.toBe('');
      expect(labelled.label.en.trim()).not.toBe('');
      // The same text in both would mean a translation was forgotten.
      expect(labelled.label.nl).not.toBe(labelled.label.en);
    }
  });

  it('gives no item a weight or score: a list supports or weakens a suspicion, it does not measure it', () => {
    for (const item of allItems) {
      for (const key of Object.keys(item)) expect(['id', 'label', 'unconfirmed']).toContain(key);
    }
    for (const category of SIGNAL_CATALOGUE) {
      for (const key of Object.keys(category)) expect(['id', 'letter', 'label', 'note', 'items']).toContain(key);
    }
  });

  it('marks the items the reference could not confirm, in witnessing violence and parent signals', () => {
    const unconfirmed = allItems.filter((item) => item.unconfirmed).map((item) => categoryOfItem(item).id);
    expect(new Set(unconfirmed)).toEqual(new Set(['witnessing-violence', 'parent-signals']));
    expect(findSignalItem('witnessing-violence.partner-violence')?.unconfirmed).toBeUndefined();
    expect(findSignalItem('witnessing-violence.talks-about-fights')?.unconfirmed).toBe(true);
  });

  it('cannot be changed by a screen that uses it', () => {
    expect(Object.isFrozen(SIGNAL_CATALOGUE)).toBe(true);
    const first = SIGNAL_CATALOGUE[0];
    expect(first && Object.isFrozen(first.items[0]?.label)).toBe(true);
    expect(() => (SIGNAL_CATALOGUE as unknown as unknown[]).push({})).toThrow();
  });
});

describe('finding an item', () => {
  it('finds an item by its id', () => {
    const item = findSignalItem('physical.bruises-unusual-places');
    expect(item?.label.nl).toContain('Blauwe plekken');
    expect(item && categoryOfItem(item).letter).toBe('A');
  });

  it('answers nothing for an unknown id, a category id or a near miss', () => {
    for (const id of ['', 'physical', 'physical.', 'physical.bruises', 'Physical.bruises-unusual-places', 'physical.bruises-unusual-places ', 'score']) {
      expect(findSignalItem(id)).toBeUndefined();
      expect(isSignalItemId(id)).toBe(false);
    }
  });

  it('knows every item id of the catalogue', () => {
    for (const item of allItems) expect(isSignalItemId(item.id)).toBe(true);
  });

  it('finds a category by its id', () => {
    expect(findSignalCategory('fgm')?.letter).toBe('K');
    expect(findSignalCategory('nope')).toBeUndefined();
  });
});

describe('the guidance above the list', () => {
  it('starts with "supports or weakens, not proof" and ends with "one signal is no signal"', () => {
    expect(CATALOGUE_GUIDANCE[0]?.nl).toBe('Een signalenlijst ondersteunt of verzwakt een vermoeden, het is geen bewijs.');
    expect(CATALOGUE_GUIDANCE.at(-1)).toEqual({ nl: 'Eén signaal is geen signaal.', en: 'One signal is no signal.' });
    expect(CATALOGUE_GUIDANCE.map((line) => line.nl).join(' ')).toContain('geen signalen');
  });

  it('tells how to record: what was seen or heard, the source, counter-indications, the body map', () => {
    const text = RECORDING_GUIDANCE.map((line) => line.nl).join(' ');
    for (const part of ['zag of hoorde', 'van wie', 'contra-indicaties', 'lichaamskaart']) expect(text).toContain(part);
  });
});
