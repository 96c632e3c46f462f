/** The parts of a Dutch pupil's name as the pupil administration keeps them. */
export interface PupilNameParts {
  givenNames: string;
  /** The name the child is called by (roepnaam). */
  callName: string;
  /** voorvoegsel: "de", "van den", "ter" … */
  surnamePrefix: string | null;
  surname: string;
}

/** "Finn de Vries": how staff say the name. */
export function displayName(name: PupilNameParts): string {
  return [name.callName, name.surnamePrefix, name.surname].filter((part) => part && part.trim()).join(' ');
}

/** "Vries, Finn de": how lists sort, by surname without its prefix (Dutch convention). */
export function sortName(name: PupilNameParts): string {
  return `${name.surname}, ${[name.callName, name.surnamePrefix].filter(Boolean).join(' ')}`;
}

/** Lowercase without diacritics, so "dogan" finds "Doğan" and "sahin" finds "Şahin". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The text a pupil is found by: every name part, folded, with the full surname too, so that
 * typing "van den b", "berg" or "levi" all find Levi van den Berg.
 */
export function searchText(name: PupilNameParts): string {
  const words = [name.callName, name.givenNames, name.surnamePrefix ?? '', name.surname, `${name.surnamePrefix ?? ''} ${name.surname}`];
  return ` ${[...new Set(words.map(foldForSearch).filter(Boolean))].join(' | ')} `;
}

/** The folded words of a query; a pupil matches when each word starts a word of their search text. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean).slice(0, 5);
}
