import type { BodyMapMark } from '../../domain/cases/signals/body-map.js';

/**
 * The dossier as a document, before it is laid out: sections of labelled lines and entries. Built
 * from the case page (dossier-content.ts), drawn by dossier-pdf.ts; kept apart so that what the file
 * says can be tested without reading a PDF.
 */
export interface Line {
  label: string;
  value: string;
  /** A line that heads the ones after it (a step of the route). */
  strong?: boolean;
}

export interface DossierEntry {
  heading: string;
  /** Who recorded it and when; a correction's who, when and why. */
  meta: string[];
  lines: Line[];
  bodyMap: BodyMapMark[] | null;
  /** Earlier versions, oldest first, each with what it said. */
  earlier: { meta: string[]; lines: Line[] }[];
}

export type Block = { kind: 'lines'; lines: Line[] } | { kind: 'entry'; entry: DossierEntry } | { kind: 'text'; text: string };

export interface DossierSection {
  title: string;
  blocks: Block[];
}

export interface Dossier {
  title: string;
  pupilName: string;
  variantNote: string;
  /** "Geëxporteerd op 29 november 2026 om 10:04 door …", for the first page and the footer. */
  exportedOn: string;
  exportedLine: string;
  code: string;
  sections: DossierSection[];
}
