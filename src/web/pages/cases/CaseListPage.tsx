import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../contract/cases.js';
import { getBoardCases, getMyCases, getSchoolCases, type CaseList } from '../../api/cases.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoading } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableCard, type TableColumn } from '../../components/TableCard.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { CaseLink, PhaseBadge, useCaseDate, useCaseStep } from './case-summary.js';

/**
 * The cases a person may see listed: their own; for the IB'er and directie the school's (no
 * content); for the board the staff-route cases. What a list holds is the server's decision.
 */
export default function CaseListPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.list.title'));
  const me = useSignedInMe();
  const schoolList = me.abilities['case.list'];
  const boardList = me.abilities['case.list.board'];

  const mine = useQuery({ queryKey: queryKeys.myCases, queryFn: getMyCases, staleTime: 0 });
  const school = useQuery({ queryKey: queryKeys.schoolCases, queryFn: getSchoolCases, enabled: schoolList, staleTime: 0 });
  const board = useQuery({ queryKey: queryKeys.boardCases, queryFn: getBoardCases, enabled: boardList, staleTime: 0 });
  const schoolIds = new Set(school.data?.cases.map((c) => c.id) ?? []);
  const mineOutsideSchool = mine.data && school.data ? { cases: mine.data.cases.filter((c) => !schoolIds.has(c.id)) } : undefined;

  return (
    <div className="page case-list-page">
      <div className="page-title-row">
        <PageHeading testId="case-list-heading">{t('cases.list.title')}</PageHeading>
        {me.school !== null && (
          <Link to="/leerlingen" className="button button-secondary">
            {t('cases.list.searchPupils')}
          </Link>
        )}
      </div>
      <p className="lead">{t('cases.list.intro')}</p>

      {/* The IB'er and directie see the school's list below; their own list then only holds what it
          does not (a staff-route case they raised), so no case is listed twice. */}
      {(!schoolList || (mineOutsideSchool?.cases.length ?? 0) > 0) && (
        <CaseListSection
          id="cases-mine"
          title={t('cases.list.mine')}
          query={schoolList ? { ...mine, data: mineOutsideSchool } : mine}
          empty={t('cases.list.mineNone')}
          testId="cases-mine"
          showSchool={me.school === null}
        />
      )}
      {schoolList && (
        <>
          <CaseListSection id="cases-school" title={t('cases.list.school')} query={school} empty={t('cases.list.none')} testId="cases-school" />
          <p className="muted case-list-note">{t('cases.list.schoolIntro')}</p>
        </>
      )}
      {boardList && <CaseListSection id="cases-board" title={t('cases.list.board')} query={board} empty={t('cases.list.none')} testId="cases-board" showSchool />}
    </div>
  );
}

function CaseListSection({
  id,
  title,
  query,
  empty,
  testId,
  showSchool = false,
}: {
  id: string;
  title: string;
  query: { data: CaseList | undefined; error: unknown; isPending: boolean };
  empty: string;
  testId: string;
  showSchool?: boolean;
}) {
  const titleId = `${id}-title`;
  if (query.data === undefined || query.data.cases.length === 0) {
    return (
      <section className="card" aria-labelledby={titleId} data-testid={`${testId}-card`}>
        <h2 id={titleId} className="section-title">
          {title}
        </h2>
        {query.error ? <ErrorAlert error={query.error} /> : query.data === undefined ? <PageLoading /> : <p className="muted" data-testid={`${testId}-none`}>{empty}</p>}
      </section>
    );
  }
  return <CaseTable titleId={titleId} title={title} cases={query.data.cases} testId={testId} showSchool={showSchool} error={query.error} />;
}

/** One list of cases as a table: who, where it stands, who holds it, when it last changed. */
export function CaseTable({
  titleId,
  title,
  cases,
  testId,
  showSchool,
  error,
}: {
  titleId: string;
  title: string;
  cases: readonly CaseSummary[];
  testId: string;
  showSchool: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const stepOf = useCaseStep();
  const dateOf = useCaseDate();
  const columns: TableColumn[] = [
    { label: t('cases.list.col.pupil') },
    showSchool ? { label: t('cases.list.col.school') } : { label: t('cases.list.col.group') },
    { label: t('cases.list.col.step') },
    { label: t('cases.list.col.phase') },
    { label: t('cases.list.col.casushouder') },
    { label: t('cases.list.col.updated'), className: 'nowrap' },
  ];
  return (
    <TableCard
      titleId={titleId}
      title={title}
      error={error}
      testId={testId}
      tableClassName="case-table"
      columns={columns}
      rows={cases.map((summary) => (
        <tr key={summary.id} data-testid="case-row">
          <th scope="row">
            <CaseLink summary={summary} />
          </th>
          <td className="nowrap">{showSchool ? summary.schoolName : (summary.pupil.groupName ?? t('pupils.noGroup'))}</td>
          <td>{stepOf(summary)}</td>
          <td>
            <PhaseBadge phase={summary.phase} />
          </td>
          <td>{summary.casushouderName ?? <span className="muted">{t('cases.noCasushouder')}</span>}</td>
          <td className="nowrap">{dateOf(summary.updatedAt)}</td>
        </tr>
      ))}
    />
  );
}
