import { stringify } from 'csv-stringify/sync';
import { CLOSING_REASON_DETAILS, CLOSING_REASONS } from '../../domain/cases/closing.js';
import { SIGNAL_CATALOGUE } from '../../domain/cases/signals/signal-catalogue.js';
import { STEP_MILESTONES, type FiguresOf, type StepMilestone } from '../../domain/statistics/figures.js';
import type { ShownCount } from '../../domain/statistics/small-numbers.js';

/** The steps' names in the export (the web app has its own, in both languages). */
const STEP_LABELS: Record<StepMilestone, string> = {
  consultation: 'Collegiale consultatie',
  'veilig-thuis-advice': 'Advies Veilig Thuis',
  'parent-conversation': 'Gesprek met ouders',
  weighing: 'Afwegingskader gestart',
  report: 'Melding Veilig Thuis',
  'risk-index-registration': 'Registratie verwijsindex',
  closed: 'Afgesloten',
};

const HEADER = ['Schooljaar', 'School', 'Onderdeel', 'Onderwerp', 'Aantal', 'Mediaan (dagen)', 'Kortst (dagen)', 'Langst (dagen)'];

/** A number of days as Dutch spreadsheets read it: a decimal comma (a median can fall on half a day). */
function days(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}

function rowsOf<C extends ShownCount>(year: string, school: string, f: FiguresOf<C>): string[][] {
  const row = (part: string, subject: string, count: C, extra: string[] = ['', '', '']) => [year, school, part, subject, String(count), ...extra];
  return [
    row('Casussen', 'Gestart', f.casesStarted),
    row('Casussen', 'Afgesloten', f.casesClosed),
    ...CLOSING_REASONS.map((r) => row('Reden van afsluiten', CLOSING_REASON_DETAILS[r].label.nl, f.closedByReason[r])),
    ...SIGNAL_CATALOGUE.map((c) => row('Signalen per categorie', `${c.letter}. ${c.label.nl}`, f.signalsByCategory[c.id].signals)),
    ...SIGNAL_CATALOGUE.map((c) => row('Casussen met signalen per categorie', `${c.letter}. ${c.label.nl}`, f.signalsByCategory[c.id].cases)),
    row('Veilig Thuis', 'Adviesvragen', f.adviceRequests),
    row('Veilig Thuis', 'Meldingen', f.reports),
    row('Verwijsindex', 'Registraties', f.riskIndexRegistrations),
    ...STEP_MILESTONES.map((m) => {
      const d = f.durations[m];
      return row('Tijd vanaf eerste signaal', STEP_LABELS[m], d.count, [days(d.medianDays), days(d.minDays), days(d.maxDays)]);
    }),
  ];
}

/**
 * A CSV a spreadsheet opens as it is: a byte order mark so Excel reads UTF-8, and semicolons, the
 * list separator of Dutch Excel. One row per figure, so a school's annual report can pick lines.
 */
function csv(rows: string[][]): string {
  return '\uFEFF' + stringify([HEADER, ...rows], { delimiter: ';', record_delimiter: 'windows' });
}

export function schoolCsv(year: string, schoolName: string, figures: FiguresOf<number>): string {
  return csv(rowsOf(year, schoolName, figures));
}

export function boardCsv(
  year: string,
  board: { schools: { name: string; figures: FiguresOf<ShownCount> }[]; total: FiguresOf<ShownCount>; staffRoute: { casesStarted: ShownCount; casesClosed: ShownCount } },
): string {
  const all = 'Alle scholen';
  return csv([
    ...board.schools.flatMap((s) => rowsOf(year, s.name, s.figures)),
    ...rowsOf(year, all, board.total),
    [year, all, 'Personeelsroute (bestuur)', 'Gestart', String(board.staffRoute.casesStarted), '', '', ''],
    [year, all, 'Personeelsroute (bestuur)', 'Afgesloten', String(board.staffRoute.casesClosed), '', '', ''],
  ]);
}

/** A file name without the school's name (ASCII, no names in the download list): "cijfers-meldcode-2026-2027.csv". */
export function csvFileName(year: string, which: 'school' | 'bestuur'): string {
  return which === 'school' ? `cijfers-meldcode-${year}.csv` : `cijfers-meldcode-bestuur-${year}.csv`;
}
