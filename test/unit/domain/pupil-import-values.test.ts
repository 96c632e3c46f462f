import { describe, expect, it } from 'vitest';
import { recogniseHeader, recogniseHeaders } from '../../../src/domain/pupils/import/headers.js';
import { parseAuthority, parseDutchDate, parseSex, yearGroupsFromName } from '../../../src/domain/pupils/import/values.js';

describe('recognising the column headers Dutch schools use', () => {
  it('recognises the headers of the sample spreadsheet', () => {
    const headers =
      'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Geslacht;Groep;Naam ouder/verzorger 1;Telefoon ouder/verzorger 1;E-mail ouder/verzorger 1;Gezag ouder/verzorger 1;Naam ouder/verzorger 2;Telefoon ouder/verzorger 2;E-mail ouder/verzorger 2;Gezag ouder/verzorger 2'.split(';');
    expect(recogniseHeaders(headers)).toMatchObject({
      pupilNumber: 0,
      callName: 1,
      surnamePrefix: 2,
      surname: 3,
      dateOfBirth: 4,
      sex: 5,
      group: 6,
      guardian1Name: 7,
      guardian1Phone: 8,
      guardian1Email: 9,
      guardian1Authority: 10,
      guardian2Name: 11,
      guardian2Phone: 12,
      guardian2Email: 13,
      guardian2Authority: 14,
      givenNames: null,
      enrolledOn: null,
    });
  });

  it('ignores case, accents, spacing and punctuation, and knows the variants', () => {
    expect(recogniseHeader('  LEERLINGNUMMER ')).toBe('pupilNumber');
    expect(recogniseHeader('Leerling nr.')).toBe('pupilNumber');
    expect(recogniseHeader('Voorvoegsel')).toBe('surnamePrefix');
    expect(recogniseHeader('Voornamen')).toBe('givenNames');
    expect(recogniseHeader('Geb. datum')).toBe('dateOfBirth');
    expect(recogniseHeader('Geboortedatum (dd-mm-jjjj)')).toBe(null);
    expect(recogniseHeader('E-mailadres ouder 2')).toBe('guardian2Email');
    expect(recogniseHeader('Ouder1 telefoon')).toBe('guardian1Phone');
    expect(recogniseHeader('Gézag ouder/verzorger 2')).toBe('guardian2Authority');
    expect(recogniseHeader('Lievelingskleur')).toBe(null);
  });

  it('keeps the first column of a field named twice', () => {
    expect(recogniseHeaders(['Achternaam', 'Achternaam']).surname).toBe(0);
  });
});

describe('reading dates as schools write them', () => {
  it('reads dd-mm-jjjj, d-m-jjjj and jjjj-mm-dd', () => {
    expect(parseDutchDate('02-11-2019')).toBe('2019-11-02');
    expect(parseDutchDate('2-1-2019')).toBe('2019-01-02');
    expect(parseDutchDate('2019-11-02')).toBe('2019-11-02');
    expect(parseDutchDate('02/11/2019')).toBe('2019-11-02');
    expect(parseDutchDate('29-02-2020')).toBe('2020-02-29');
  });

  it('refuses what is no real date', () => {
    expect(parseDutchDate('31-02-2019')).toBeNull();
    expect(parseDutchDate('29-02-2019')).toBeNull();
    expect(parseDutchDate('13-13-2019')).toBeNull();
    expect(parseDutchDate('11/2/19')).toBeNull();
    expect(parseDutchDate('morgen')).toBeNull();
  });
});

describe('reading sex', () => {
  it('reads M/J as boy, V as girl and X as other in a spreadsheet', () => {
    expect(['M', 'j', 'V', 'x', 'meisje', ''].map((v) => parseSex(v, 'csv'))).toEqual(['m', 'm', 'f', 'x', 'f', null]);
  });
  it('reads EDEX codes: 1 = boy, 2 = girl, 0 and 9 = not known', () => {
    expect(['1', '2', '0', '9'].map((v) => parseSex(v, 'edex'))).toEqual(['m', 'f', null, null]);
  });
  it('names what it cannot read', () => {
    expect(parseSex('Q', 'csv')).toBeUndefined();
    expect(parseSex('3', 'edex')).toBeUndefined();
  });
});

describe('reading parental authority and group names', () => {
  it('reads ja/nee and their variants', () => {
    expect(['ja', 'Nee', 'J', '1', '0', 'misschien'].map(parseAuthority)).toEqual([true, false, true, true, false, undefined]);
  });
  it('takes year groups from a group name', () => {
    expect(yearGroupsFromName('Groep 1/2 Otters')).toEqual([1, 2]);
    expect(yearGroupsFromName('Groep 7 Herten')).toEqual([7]);
    expect(yearGroupsFromName('Vossen')).toEqual([]);
  });
});
