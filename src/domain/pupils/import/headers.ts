import type { ColumnMapping, ImportField } from './fields.js';
import { IMPORT_FIELDS } from './fields.js';
import { fold } from './text.js';

/** The words schools use for a pupil's field in a column header, folded (see `fold`). */
const PUPIL_HEADERS: Record<string, readonly string[]> = {
  pupilNumber: ['leerlingnummer', 'leerlingnr', 'llnr', 'lln nr', 'leerling nummer', 'leerling nr', 'nummer', 'nr', 'id', 'leerling id', 'leerlingid', 'pupil number', 'student number', 'key'],
  callName: ['roepnaam', 'roep naam', 'call name', 'first name', 'voornaam'],
  givenNames: ['voornamen', 'officiele voornamen', 'volledige voornamen', 'given names'],
  surnamePrefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels', 'tussenv', 'tv', 'prefix', 'surname prefix'],
  surname: ['achternaam', 'geslachtsnaam', 'familienaam', 'achter naam', 'surname', 'last name', 'family name'],
  dateOfBirth: ['geboortedatum', 'geb datum', 'gebdatum', 'geboren', 'geboren op', 'date of birth', 'birth date', 'dob'],
  sex: ['geslacht', 'gender', 'sex', 'm v'],
  group: ['groep', 'klas', 'groepsnaam', 'groep naam', 'stamgroep', 'group', 'class'],
  enrolledOn: ['instroomdatum', 'datum instroom', 'inschrijfdatum', 'datum inschrijving', 'ingeschreven op', 'instroom', 'enrolled on', 'enrolment date'],
};

/** The words for a guardian's part, before or after "ouder/verzorger N". */
const GUARDIAN_HEADERS: Record<'Name' | 'Phone' | 'Email' | 'Authority', readonly string[]> = {
  Name: ['naam', 'name'],
  Phone: ['telefoon', 'telefoonnummer', 'tel', 'telnr', 'mobiel', 'mobiel nummer', 'gsm', 'phone'],
  Email: ['e mail', 'email', 'emailadres', 'e mailadres', 'mail', 'mailadres'],
  Authority: ['gezag', 'ouderlijk gezag', 'heeft gezag', 'gezaghebbend', 'authority', 'parental authority'],
};

/** "ouder/verzorger 1", "ouder 1", "verzorger 2", "ouder1", "parent 2": which guardian a header speaks of. */
const GUARDIAN_WORDS = /\b(?:ouder verzorger|ouder of verzorger|ouder|verzorger|parent guardian|parent|guardian|contact|contactpersoon)\s*([12])\b/;

/** The Meldpad field a column header stands for, or null when it is not recognised. */
export function recogniseHeader(header: string): ImportField | null {
  const folded = fold(header).replace(/\b(ouder|verzorger|parent|contact)([12])\b/g, '$1 $2');
  if (folded === '') return null;
  const guardian = GUARDIAN_WORDS.exec(folded);
  if (guardian) {
    const rest = folded.replace(GUARDIAN_WORDS, ' ').replace(/\s+/g, ' ').trim();
    const n = guardian[1] as '1' | '2';
    for (const [part, words] of Object.entries(GUARDIAN_HEADERS)) {
      if (words.includes(rest) || words.includes(rest.replace(/ van$/, ''))) return `guardian${n}${part}` as ImportField;
    }
    return null;
  }
  for (const [field, words] of Object.entries(PUPIL_HEADERS)) {
    if (words.includes(folded)) return field as ImportField;
  }
  return null;
}

/**
 * The mapping recognised from a header row: each field to the first column that names it. A field
 * recognised twice keeps its first column; the other is left for the person to map.
 */
export function recogniseHeaders(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = recogniseHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  // A file with only "Voornaam" and no "Roepnaam" still has a call name; one with both uses Voornamen for given names.
  for (const field of IMPORT_FIELDS) if (mapping[field] === undefined) mapping[field] = null;
  return mapping;
}
