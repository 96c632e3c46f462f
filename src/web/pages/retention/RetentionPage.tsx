import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionOverview } from '../../../contract/retention.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableCard } from '../../components/TableCard.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { formatDate } from '../pupils/dates.js';
import { DestroyDialog, type DestroyTarget } from './DestroyDialog.js';
import { getRetentionOverview, retentionKeys } from './retention-api.js';
import { TermCard } from './TermCard.js';
import { termWords } from './term-words.js';
import './retention.css';

/**
 * Bewaartermijnen: the school's term, the closed cases due for destruction now and within a month
 * (pupil's name and dates, nothing of the content), confirming one destruction at a time, and the
 * records of what was destroyed. For the IB'er and directie.
 */
export default function RetentionPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const allowed = me.abilities['retention.overview'];
  const overview = useQuery({ queryKey: retentionKeys.overview, queryFn: getRetentionOverview, enabled: allowed });
  const [target, setTarget] = useState<DestroyTarget | null>(null);
  const [destroyedName, setDestroyedName] = useState<string | null>(null);
  usePageTitle(t('retention.title'));

  if (!allowed) return <NotAllowed title={t('retention.title')} />;
  const data = overview.data;
  return (
    <div className="page retention-page" data-testid="retention-page">
      <PageHeading>{t('retention.title')}</PageHeading>
      <p className="lead">{t('retention.intro')}</p>
      {overview.isPending && <PageLoading />}
      {overview.isError && data === undefined && <ErrorAlert error={overview.error} />}
      {destroyedName && <Notice tone="success">{t('retention.dialog.done', { name: destroyedName })}</Notice>}
      {data && (
        <>
          <TermCard term={data.term} maySet={data.abilities.setTerm} />
          <DueTable data={data} onDestroy={(item) => { setDestroyedName(null); setTarget(item); }} />
          <UpcomingTable data={data} />
          <KeptSummary data={data} />
          <DestructionsTable data={data} />
        </>
      )}
      <DestroyDialog
        target={target}
        onClose={(destroyed) => {
          if (destroyed && target) setDestroyedName(target.pupilName);
          setTarget(null);
        }}
      />
    </div>
  );
}

function DueTable({ data, onDestroy }: { data: RetentionOverview; onDestroy: (item: DestroyTarget) => void }) {
  const { t } = useTranslation();
  const columns = [{ label: t('retention.col.pupil') }, { label: t('retention.col.started') }, { label: t('retention.col.left') }, { label: t('retention.col.due') }];
  return (
    <TableCard
      titleId="retention-due-title"
      title={t('retention.due.title', { count: data.due.length })}
      testId="retention-due"
      columns={columns}
      actions={data.abilities.destroy ? {} : false}
      rows={
        data.due.length === 0 ? (
          <tr>
            <td colSpan={columns.length + (data.abilities.destroy ? 1 : 0)} className="muted">
              {t('retention.due.none')}
            </td>
          </tr>
        ) : (
          data.due.map((item) => (
            <tr key={item.caseId} data-testid="retention-due-item" data-case-id={item.caseId}>
              <th scope="row">{item.pupilName}</th>
              <td>{formatDate(item.startedOn)}</td>
              <td>{formatDate(item.pupilLeftOn)}</td>
              <td>
                {formatDate(item.dueOn)}
                <span className={item.escalated ? 'retention-note retention-note-warning' : 'retention-note'}>
                  {item.escalated ? t('retention.due.escalated') : t('retention.due.escalatesOn', { date: formatDate(item.escalateOn) })}
                </span>
              </td>
              {data.abilities.destroy && (
                <td className="table-actions">
                  <button type="button" className="button button-danger button-compact" aria-label={t('retention.due.destroyLabel', { name: item.pupilName })} data-testid="retention-destroy" onClick={() => onDestroy(item)}>
                    {t('retention.due.destroy')}
                  </button>
                </td>
              )}
            </tr>
          ))
        )
      }
    />
  );
}

function UpcomingTable({ data }: { data: RetentionOverview }) {
  const { t } = useTranslation();
  const columns = [{ label: t('retention.col.pupil') }, { label: t('retention.col.started') }, { label: t('retention.col.left') }, { label: t('retention.col.due') }];
  return (
    <TableCard
      titleId="retention-upcoming-title"
      title={t('retention.upcoming.title', { count: data.upcoming.length })}
      testId="retention-upcoming"
      columns={columns}
      rows={
        data.upcoming.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="muted">
              {t('retention.upcoming.none')}
            </td>
          </tr>
        ) : (
          data.upcoming.map((item) => (
            <tr key={item.caseId} data-testid="retention-upcoming-item">
              <th scope="row">{item.pupilName}</th>
              <td>{formatDate(item.startedOn)}</td>
              <td>{formatDate(item.pupilLeftOn)}</td>
              <td>{formatDate(item.dueOn)}</td>
            </tr>
          ))
        )
      }
    />
  );
}

/** Closed cases not on either list, and why: a legal hold, or a pupil still at school. */
function KeptSummary({ data }: { data: RetentionOverview }) {
  const { t } = useTranslation();
  if (data.heldCount === 0 && data.pupilNotLeftCount === 0) return null;
  return (
    <section className="card retention-kept" aria-labelledby="retention-kept-title" data-testid="retention-kept">
      <h2 id="retention-kept-title" className="section-title">
        {t('retention.kept.title')}
      </h2>
      <ul className="retention-kept-list">
        {data.pupilNotLeftCount > 0 && <li>{t('retention.kept.notLeft', { count: data.pupilNotLeftCount, term: termWords(t, data.term.years) })}</li>}
        {data.heldCount > 0 && <li>{t('retention.kept.held', { count: data.heldCount })}</li>}
      </ul>
    </section>
  );
}

function DestructionsTable({ data }: { data: RetentionOverview }) {
  const { t } = useTranslation();
  const columns = [{ label: t('retention.col.reference') }, { label: t('retention.col.closed') }, { label: t('retention.col.due') }, { label: t('retention.col.confirmedBy') }, { label: t('retention.col.destroyed') }];
  return (
    <TableCard
      titleId="retention-destroyed-title"
      title={t('retention.destructions.title')}
      testId="retention-destructions"
      columns={columns}
      rows={
        data.destructions.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="muted">
              {t('retention.destructions.none')}
            </td>
          </tr>
        ) : (
          data.destructions.map((d) => (
            <tr key={d.caseId} data-testid="retention-destruction">
              <th scope="row" className="retention-reference">
                {t('retention.destructions.reference', { ref: d.caseId.slice(0, 8) })}
              </th>
              <td>{formatDate(d.closedOn)}</td>
              <td>
                {formatDate(d.dueOn)}
                <span className="retention-note">{t('retention.destructions.term', { years: d.termYears })}</span>
              </td>
              <td>{d.confirmedBy.name}</td>
              <td>{shortDateTime(d.destroyedAt)}</td>
            </tr>
          ))
        )
      }
    />
  );
}

const SHORT_TIME = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "29-11-2026 06:55": the moment of a destruction (local time, as elsewhere in the app), written as the lists write dates. */
function shortDateTime(iso: string): string {
  return SHORT_TIME.format(new Date(iso)).replace(',', '');
}
