import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownCount } from '../../../contract/statistics.js';
import { CLOSING_REASON_DETAILS, CLOSING_REASONS } from '../../../domain/cases/closing.js';
import { SIGNAL_CATALOGUE } from '../../../domain/cases/signals/signal-catalogue.js';
import { STEP_MILESTONES, type FiguresOf } from '../../../domain/statistics/figures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { BarChart, RangeChart } from './BarChart.js';
import { csvUrl, getBoardStatistics, getSchoolStatistics, statisticsKeys } from './statistics-api.js';
import './statistics.css';

type View = 'school' | 'board';
type AnyFigures = FiguresOf<ShownCount>;

/**
 * Cijfers meldcode: a school year's figures for the school's annual report — signals by category,
 * cases started and closed (and why), advice asked of Veilig Thuis, reports, verwijsindex
 * registrations, and the time from the first signal to each step. Each chart has its table. The
 * school's IB'er and directie see exact numbers; the board sees every school with small numbers hidden.
 */
export default function StatisticsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const maySchool = me.abilities['statistics.school'];
  const mayBoard = me.abilities['statistics.board'];
  const [view, setView] = useState<View>(maySchool ? 'school' : 'board');
  const [year, setYear] = useState('');
  usePageTitle(t('statistics.title'));
  const school = useQuery({ queryKey: statisticsKeys.school(year), queryFn: () => getSchoolStatistics(year), enabled: maySchool && view === 'school' });
  const board = useQuery({ queryKey: statisticsKeys.board(year), queryFn: () => getBoardStatistics(year), enabled: mayBoard && view === 'board' });
  if (!maySchool && !mayBoard) return <NotAllowed title={t('statistics.title')} />;

  const current = view === 'school' ? school : board;
  const data = current.data;
  const shownYear = data?.schoolYear.label ?? year;
  return (
    <div className="page statistics-page" data-testid="statistics-page">
      <PageHeading>{t('statistics.title')}</PageHeading>
      <p className="lead">{view === 'school' ? t('statistics.introSchool') : t('statistics.introBoard')}</p>
      <div className="stats-toolbar">
        {maySchool && mayBoard && (
          <div className="field">
            <label htmlFor="stats-view" className="field-label">
              {t('statistics.view')}
            </label>
            <select id="stats-view" className="select" value={view} onChange={(e) => setView(e.target.value as View)}>
              <option value="school">{t('statistics.viewSchool')}</option>
              <option value="board">{t('statistics.viewBoard')}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="stats-year" className="field-label">
            {t('statistics.schoolYear')}
          </label>
          <select id="stats-year" className="select" value={shownYear} onChange={(e) => setYear(e.target.value)} disabled={!data}>
            {(data?.schoolYears ?? [shownYear]).map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <a className="button button-secondary" href={csvUrl(view, data.schoolYear.label)} download data-testid="statistics-csv">
            {t('statistics.downloadCsv')}
          </a>
        )}
      </div>
      {current.isPending && <PageLoading />}
      {current.isError && <ErrorAlert error={current.error} />}
      {view === 'school' && school.data && <SchoolView figures={school.data.figures} year={school.data.schoolYear} />}
      {view === 'board' && board.data && <BoardView data={board.data} />}
    </div>
  );
}

function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  return {
    category: (c: (typeof SIGNAL_CATALOGUE)[number]) => `${c.letter}. ${c.label[lang]}`,
    reason: (r: (typeof CLOSING_REASONS)[number]) => CLOSING_REASON_DETAILS[r].label[lang],
    step: (m: (typeof STEP_MILESTONES)[number]) => t(`statistics.steps.${m}`),
    days: (n: number) => t('statistics.days', { count: n, days: n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL') }),
  };
}

function Section({ title, note, chart, children }: { title: string; note?: string; chart?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {note && <p className="stats-note">{note}</p>}
      {chart}
      <div className="table-scroll">{children}</div>
    </section>
  );
}

function Kpis({ figures }: { figures: AnyFigures }) {
  const { t } = useTranslation();
  const items = [
    ['casesStarted', figures.casesStarted],
    ['casesClosed', figures.casesClosed],
    ['adviceRequests', figures.adviceRequests],
    ['reports', figures.reports],
    ['riskIndexRegistrations', figures.riskIndexRegistrations],
  ] as const;
  return (
    <dl className="stats-kpis" data-testid="statistics-kpis">
      {items.map(([key, value]) => (
        <div key={key} className="stats-kpi">
          <dt>{t(`statistics.kpi.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SchoolView({ figures, year }: { figures: AnyFigures; year: { startsOn: string; endsOn: string; label: string } }) {
  const { t } = useTranslation();
  const l = useLabels();
  return (
    <>
      <p className="stats-note">{t('statistics.period', { year: year.label })}</p>
      <Kpis figures={figures} />
      <Section title={t('statistics.signals.title')} note={t('statistics.signals.note')} chart={<BarChart bars={SIGNAL_CATALOGUE.map((c) => ({ key: c.id, label: l.category(c), value: figures.signalsByCategory[c.id].signals }))} />}>
        <table className="table stats-table" data-testid="statistics-signals">
          <thead>
            <tr>
              <th scope="col">{t('statistics.signals.category')}</th>
              <th scope="col" className="num">{t('statistics.signals.signals')}</th>
              <th scope="col" className="num">{t('statistics.signals.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {SIGNAL_CATALOGUE.map((c) => (
              <tr key={c.id}>
                <th scope="row">{l.category(c)}</th>
                <td className="num">{figures.signalsByCategory[c.id].signals}</td>
                <td className="num">{figures.signalsByCategory[c.id].cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('statistics.closed.title')} chart={<BarChart bars={CLOSING_REASONS.map((r) => ({ key: r, label: l.reason(r), value: figures.closedByReason[r] }))} />}>
        <table className="table stats-table" data-testid="statistics-closed">
          <thead>
            <tr>
              <th scope="col">{t('statistics.closed.reason')}</th>
              <th scope="col" className="num">{t('statistics.closed.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {CLOSING_REASONS.map((r) => (
              <tr key={r}>
                <th scope="row">{l.reason(r)}</th>
                <td className="num">{figures.closedByReason[r]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('statistics.closed.total')}</th>
              <td className="num">{figures.casesClosed}</td>
            </tr>
          </tbody>
        </table>
      </Section>
      <DurationSection figures={figures} />
    </>
  );
}

function DurationSection({ figures }: { figures: AnyFigures }) {
  const { t } = useTranslation();
  const l = useLabels();
  const d = (n: number | null) => (n === null ? '–' : l.days(n));
  return (
    <Section
      title={t('statistics.durations.title')}
      note={t('statistics.durations.note')}
      chart={<RangeChart daysLabel={l.days} spans={STEP_MILESTONES.map((m) => ({ key: m, label: l.step(m), min: figures.durations[m].minDays, median: figures.durations[m].medianDays, max: figures.durations[m].maxDays }))} />}
    >
      <table className="table stats-table" data-testid="statistics-durations">
        <thead>
          <tr>
            <th scope="col">{t('statistics.durations.step')}</th>
            <th scope="col" className="num">{t('statistics.durations.cases')}</th>
            <th scope="col" className="num">{t('statistics.durations.median')}</th>
            <th scope="col" className="num">{t('statistics.durations.min')}</th>
            <th scope="col" className="num">{t('statistics.durations.max')}</th>
          </tr>
        </thead>
        <tbody>
          {STEP_MILESTONES.map((m) => (
            <tr key={m}>
              <th scope="row">{l.step(m)}</th>
              <td className="num">{figures.durations[m].count}</td>
              <td className="num">{d(figures.durations[m].medianDays)}</td>
              <td className="num">{d(figures.durations[m].minDays)}</td>
              <td className="num">{d(figures.durations[m].maxDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** The board: the total with its charts, then one table per part with a column per school. */
function BoardView({ data }: { data: NonNullable<Awaited<ReturnType<typeof getBoardStatistics>>> }) {
  const { t } = useTranslation();
  const l = useLabels();
  const columns = [...data.schools.map((s) => ({ key: s.id, name: s.name, figures: s.figures })), { key: 'total', name: t('statistics.board.total'), figures: data.total }];
  const perSchool = (title: string, testId: string, rows: { key: string; label: string; value: (f: AnyFigures) => ShownCount }[], chart?: ReactNode, note?: string) => (
    <Section title={title} chart={chart} note={note}>
      <table className="table stats-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('statistics.board.figure')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map((c) => (
                <td key={c.key} className="num">
                  {r.value(c.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
  return (
    <>
      <p className="stats-note" data-testid="statistics-suppression-note">
        {t('statistics.board.suppression')}
      </p>
      <Kpis figures={data.total} />
      {perSchool(t('statistics.board.cases'), 'statistics-board-cases', [
        { key: 'started', label: t('statistics.kpi.casesStarted'), value: (f) => f.casesStarted },
        { key: 'closed', label: t('statistics.kpi.casesClosed'), value: (f) => f.casesClosed },
        ...CLOSING_REASONS.map((r) => ({ key: r, label: `– ${l.reason(r)}`, value: (f: AnyFigures) => f.closedByReason[r] })),
        { key: 'advice', label: t('statistics.kpi.adviceRequests'), value: (f) => f.adviceRequests },
        { key: 'reports', label: t('statistics.kpi.reports'), value: (f) => f.reports },
        { key: 'risk-index', label: t('statistics.kpi.riskIndexRegistrations'), value: (f) => f.riskIndexRegistrations },
      ])}
      {perSchool(
        t('statistics.signals.title'),
        'statistics-board-signals',
        SIGNAL_CATALOGUE.map((c) => ({ key: c.id, label: l.category(c), value: (f: AnyFigures) => f.signalsByCategory[c.id].signals })),
        <BarChart bars={SIGNAL_CATALOGUE.map((c) => ({ key: c.id, label: l.category(c), value: data.total.signalsByCategory[c.id].signals }))} />,
        t('statistics.board.signalsNote'),
      )}
      <DurationSection figures={data.total} />
      <Section title={t('statistics.board.staffRoute')} note={t('statistics.board.staffRouteNote')}>
        <table className="table stats-table" data-testid="statistics-staff-route">
          <thead>
            <tr>
              <th scope="col">{t('statistics.board.figure')}</th>
              <th scope="col" className="num">{t('statistics.board.total')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('statistics.kpi.casesStarted')}</th>
              <td className="num">{data.staffRoute.casesStarted}</td>
            </tr>
            <tr>
              <th scope="row">{t('statistics.kpi.casesClosed')}</th>
              <td className="num">{data.staffRoute.casesClosed}</td>
            </tr>
          </tbody>
        </table>
      </Section>
    </>
  );
}
