import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccessRequestExportResponse } from '../../../contract/access-requests.js';
import { exportAccessRequest } from '../../api/access-requests.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useElevatedMutation } from '../../dialogs/ElevationProvider.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { formatDate } from '../pupils/dates.js';
import { CaseFile } from './CaseFile.js';
import { FileSections } from './FileSections.js';
import { useRequesterLabel } from './labels.js';
import { WithheldMarker } from './WithheldMarker.js';
import '../cases/case-page/case-page.css';
import './access-requests.css';

/**
 * "Inzageverzoek — overzicht van gegevens": the export as the school hands it over, ready to
 * print, and as a JSON download. It lives in this tab's memory only; made again, it asks for a
 * fresh code again and is audited again.
 */
export default function AccessRequestOverviewPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const queryClient = useQueryClient();
  // Filled by the export; never fetched by itself (an export needs a fresh code and a person's click).
  const { data } = useQuery<AccessRequestExportResponse>({ queryKey: queryKeys.accessRequestExport(requestId), queryFn: () => Promise.reject(new Error('not fetched')), enabled: false, staleTime: Infinity });
  const make = useElevatedMutation({
    mutationFn: () => exportAccessRequest(requestId),
    onSuccess: (doc) => queryClient.setQueryData(queryKeys.accessRequestExport(requestId), doc),
  });
  usePageTitle(t('accessRequests.overview.pageTitle'));

  if (data) return <Overview requestId={requestId} doc={data} />;
  return (
    <div className="page">
      <PageHeading>{t('accessRequests.overview.heading')}</PageHeading>
      <p>{t('accessRequests.overview.missing')}</p>
      <ErrorAlert error={make.error} />
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={make.isPending} onClick={() => make.mutate()} data-testid="access-overview-make">
          {make.isPending ? t('accessRequests.overview.making') : t('accessRequests.overview.make')}
        </button>
        <Link to={`/inzageverzoeken/${encodeURIComponent(requestId)}`} className="button button-secondary">
          {t('accessRequests.overview.back')}
        </Link>
      </div>
    </div>
  );
}

/** The JSON of the export as a file to save; the name carries the date of the request, not the pupil's name. */
function download(doc: AccessRequestExportResponse) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `inzageverzoek-${doc.request.receivedOn}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

function Overview({ requestId, doc }: { requestId: string; doc: AccessRequestExportResponse }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const requesterLabel = useRequesterLabel();

  return (
    <div className="page case-print access-overview" data-testid="access-overview">
      <div className="case-print-toolbar no-print">
        <Link to={`/inzageverzoeken/${encodeURIComponent(requestId)}`} className="button button-secondary">
          {t('accessRequests.overview.back')}
        </Link>
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="access-print">
          {t('accessRequests.overview.print')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => download(doc)} data-testid="access-download">
          {t('accessRequests.overview.download')}
        </button>
        <p className="muted case-print-hint">{t('accessRequests.overview.hint')}</p>
      </div>

      <header className="case-print-header">
        <p className="case-print-school">{doc.schoolName}</p>
        <PageHeading testId="access-overview-heading">{t('accessRequests.overview.heading')}</PageHeading>
        <p className="case-print-confidential">{t('accessRequests.overview.confidential')}</p>
      </header>

      <section aria-labelledby="overview-request-title" className="case-print-section">
        <h2 id="overview-request-title" className="case-print-title">
          {t('accessRequests.overview.request')}
        </h2>
        <p>{t('accessRequests.overview.intro', { school: doc.schoolName, name: doc.pupil.displayName })}</p>
        <p>{t('accessRequests.overview.withheldIntro')}</p>
        <dl className="case-print-facts">
          <div className="case-print-fact">
            <dt>{t('accessRequests.request.received')}</dt>
            <dd>{formatDate(doc.request.receivedOn)}</dd>
          </div>
          <div className="case-print-fact">
            <dt>{t('accessRequests.request.requester')}</dt>
            <dd>{requesterLabel(doc.request)}</dd>
          </div>
        </dl>
      </section>

      <FileSections file={doc} idPrefix="overview" />

      <section aria-labelledby="overview-cases-title" className="case-print-section" data-testid="overview-cases">
        <h2 id="overview-cases-title" className="case-print-title">
          {t('accessRequests.file.cases')}
        </h2>
        {doc.cases.length === 0 && <p>{t('accessRequests.file.noCases')}</p>}
        {doc.cases.map((part, index) =>
          part.kind === 'withheld' ? (
            <WithheldMarker key={`withheld-case-${index}`} what="case" ground={part.ground} basis={part.basis} />
          ) : (
            <CaseFile
              key={part.case.id}
              fileCase={part.case}
              guardians={doc.guardians}
              items={part.entries.map((item, position) =>
                item.kind === 'included'
                  ? { kind: 'entry', entry: item.entry }
                  : { kind: 'placeholder', key: `withheld-${position}`, content: <WithheldMarker what="entry" ground={item.ground} basis={item.basis} /> },
              )}
            />
          ),
        )}
      </section>

      <footer className="case-print-footer" data-testid="access-overview-footer">
        {t('accessRequests.overview.exportedBy', { date: formatDateTime(doc.exportedAt), name: doc.exportedBy.name })}
      </footer>
    </div>
  );
}
