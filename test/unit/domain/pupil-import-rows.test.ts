import { describe, expect, it } from 'vitest';
import { readEdex, type EdexDocument } from '../../../src/domain/pupils/import/edex.js';
import { recogniseHeaders } from '../../../src/domain/pupils/import/headers.js';
import { readCsvRows, type RawRow } from '../../../src/domain/pupils/import/incoming.js';

const HEADERS = ['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Geslacht', 'Groep', 'Naam ouder 1', 'E-mail ouder 1', 'Gezag ouder 1'];
const mapping = recogniseHeaders(HEADERS);
const rows = (...lines: string[][]): RawRow[] => lines.map((cells, i) => ({ row: i + 2, cells }));

describe('reading the rows of a spreadsheet', () => {
  it('reads a good row into a pupil with their guardian', () => {
    const { pupils, problems } = readCsvRows(rows(['4102', 'Finn', 'de', 'Vries', '07-09-2020', 'M', 'Groep 1/2', 'J. de Vries', 'Ouder@Mail.example', 'ja']), mapping);
    expect(problems).toEqual([]);
    expect(pupils).toEqual([
      {
        row: 2,
        pupilNumber: '4102',
        callName: 'Finn',
        surnamePrefix: 'de',
        surname: 'Vries',
        dateOfBirth: '2020-09-07',
        sex: 'm',
        groupName: 'Groep 1/2',
        guardians: [{ name: 'J. de Vries', phone: null, email: 'ouder@mail.example', hasAuthority: true }],
      },
    ]);
  });

  it('names the row and field of every problem, and leaves such a row out', () => {
    const { pupils, problems } = readCsvRows(
      rows(['4101', 'Mo', '', 'Smit', '31-02-2019', 'Q', '', '', 'geen-adres', 'misschien'], ['', 'Finn', '', '', '', '', '', '', '', '']),
      mapping,
    );
    expect(pupils).toEqual([]);
    expect(problems).toEqual([
      { row: 2, field: 'dateOfBirth', code: 'invalid-date', params: { value: '31-02-2019' } },
      { row: 2, field: 'sex', code: 'invalid-sex', params: { value: 'Q' } },
      { row: 2, field: 'guardian1Name', code: 'guardian-name-missing', params: {} },
      { row: 2, field: 'guardian1Email', code: 'invalid-email', params: { value: 'geen-adres' } },
      { row: 2, field: 'guardian1Authority', code: 'invalid-authority', params: { value: 'misschien' } },
      { row: 3, field: 'pupilNumber', code: 'required', params: {} },
      { row: 3, field: 'surname', code: 'required', params: {} },
    ]);
  });

  it('names a pupil number that appears twice, with the row it appeared first', () => {
    const { problems } = readCsvRows(rows(['7', 'A', '', 'B', '', '', '', '', '', ''], ['7', 'C', '', 'D', '', '', '', '', '', '']), mapping);
    expect(problems).toEqual([{ row: 3, field: 'pupilNumber', code: 'duplicate-number', params: { value: '7', other: 2 } }]);
  });

  it('skips empty lines and rows of empty cells', () => {
    const { pupils, problems } = readCsvRows(rows([''], ['', '', ''], ['1', 'A', '', 'B', '', '', '', '', '', '']), mapping);
    expect(problems).toEqual([]);
    expect(pupils.map((p) => p.row)).toEqual([4]);
  });

  it('names the columns every pupil needs when the file lacks them', () => {
    const { problems } = readCsvRows(rows(['x']), recogniseHeaders(['Naam', 'Geboortedatum']));
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'pupilNumber', 'missing-column'],
      [1, 'surname', 'missing-column'],
      [1, 'callName', 'missing-column'],
    ]);
  });

  it('leaves out what the file has no column for, so an import does not erase it', () => {
    const { pupils } = readCsvRows(rows(['9', 'Ali', 'Bakker']), recogniseHeaders(['Leerlingnummer', 'Voornamen', 'Achternaam']));
    expect(pupils[0]).toEqual({ row: 2, pupilNumber: '9', callName: 'Ali', givenNames: 'Ali', surname: 'Bakker' });
  });
});

describe('reading an EDEX document', () => {
  const doc: EdexDocument = {
    groups: [
      { key: 'a1', name: 'Groep 1/2 Otters', yearGroup: '1' },
      { key: 'a2', name: 'Groep 1/2 Otters', yearGroup: '2' },
      { key: 'b', name: 'Groep 3', yearGroup: '3' },
    ],
    pupils: [
      { key: '1', groupKey: 'a2', fields: { achternaam: 'Vries', voorvoegsel: 'de', voornamen: 'Finn Jan', roepnaam: 'Finn', geboortedatum: '2020-09-07', geslacht: '1' } },
      { key: '2', groupKey: 'zz', fields: { achternaam: 'Berg', roepnaam: 'Levi', geboortedatum: '2019-02-31', geslacht: '2' } },
    ],
    teachers: [{ key: 'L', email: 'Marieke@School.example', name: 'Marieke', groupKeys: ['a1', 'a2', 'b'] }],
  };

  it('merges a combined group, listed once per year group, into one group', () => {
    expect(readEdex(doc).groups).toEqual([
      { name: 'Groep 1/2 Otters', yearGroups: [1, 2] },
      { name: 'Groep 3', yearGroups: [3] },
    ]);
  });

  it('gives teachers their groups by e-mail address', () => {
    expect(readEdex(doc).teachers).toEqual([{ email: 'marieke@school.example', groupNames: ['Groep 1/2 Otters', 'Groep 3'] }]);
  });

  it('reads pupils with EDEX sex codes and names what it cannot read', () => {
    const read = readEdex(doc);
    expect(read.pupils).toEqual([
      { row: 1, pupilNumber: '1', callName: 'Finn', givenNames: 'Finn Jan', surnamePrefix: 'de', surname: 'Vries', dateOfBirth: '2020-09-07', sex: 'm', groupName: 'Groep 1/2 Otters', enrolledOn: null },
    ]);
    expect(read.problems).toEqual([
      { row: 2, field: 'dateOfBirth', code: 'invalid-date', params: { value: '2019-02-31', number: '2' } },
      { row: 2, field: 'group', code: 'unknown-group', params: { value: 'zz', number: '2' } },
    ]);
  });
});
