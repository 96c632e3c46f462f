import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AccessRequestFileResponse, AccessRequestResponse, FileEntry, WithholdingInput } from '../../../contract/access-requests.js';
import { WITHHOLDING_GROUNDS, type WithholdingGround } from '../../../domain/access-requests/withholding-grounds.js';
import { exportAccessRequest, fetchAccessRequest, openAccessRequestFile, saveWithholdings } from '../../api/access-requests.js';
import { ApiError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useElevatedMutation } from '../../dialogs/ElevationProvider.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { formatDate } from '../pupils/dates.js';
import { CaseFile } from './CaseFile.js';
import { FileSections } from './FileSections.js';
import { useGroundLabel, useRequesterLabel } from './labels.js';
import '../cases/case-page/case-page.css';
import './access-requests.css';

/**
 * One access request: look at the pupil's whole file (with a fresh code), withhold parts on a
 * ground, and export the overview (with a fresh code). Once exported, what was withheld is fixed.
 */
export default function AccessRequestPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const query = useQuery({ queryKey: queryKeys.accessRequest(requestId), queryFn: () => fetchAccessRequest(requestId), retry: false });
  if (query.data) return <RequestView requestId={requestId} data={query.data} />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  return (
    <div className="page">
      <PageHeading>{t('accessRequests.request.pageTitle')}</PageHeading>
      {query.isError ? <ErrorAlert error={query.error} /> : <PageLoading />}
    </div>
  );
}

function RequestView({ requestId, data }: { requestId: string; data: AccessRequestResponse }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const requesterLabel = useRequesterLabel();
  const { request, pupil } = data;
  usePageTitle(t('accessRequests.request.pageTitle'));

  return (
    <div className="page access-request-page" data-testid="access-request-page">
      <p className="eyebrow">
        <Link to={`/leerlingen/${encodeURIComponent(pupil.id)}/inzageverzoeken`}>{t('accessRequests.request.back')}</Link>
      </p>
      <PageHeading testId="access-request-heading">{t('accessRequests.request.heading', { name: pupil.displayName })}</PageHeading>
      <dl className="case-print-facts access-request-facts">
        <div className="case-print-fact">
          <dt>{t('accessRequests.request.received')}</dt>
          <dd>{formatDate(request.receivedOn)}</dd>
        </div>
        <div className="case-print-fact">
          <dt>{t('accessRequests.request.requester')}</dt>
          <dd>{requesterLabel(request)}</dd>
        </div>
        <div className="case-print-fact">
          <dt>{t('accessRequests.request.registered')}</dt>
          <dd>{t('accessRequests.request.registeredBy', { date: formatDateTime(request.registeredAt), name: request.registeredBy.name })}</dd>
        </div>
      </dl>
      {request.exportedAt ? <ExportedRequest requestId={requestId} data={data} /> : <OpenRequest requestId={requestId} data={data} />}
    </div>
  );
}

/** After the first export: what was withheld, on record; the overview can be made again. */
function ExportedRequest({ requestId, data }: { requestId: string; data: AccessRequestResponse }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const groundLabel = useGroundLabel();
  const { request } = data;
  return (
    <>
      <Notice tone="info">{t('accessRequests.request.exportedNotice', { date: formatDateTime(request.exportedAt!), name: request.exportedBy?.name ?? '—' })}</Notice>
      <section className="card" aria-labelledby="access-withheld-title" data-testid="access-withheld-recorded">
        <h2 id="access-withheld-title" className="section-title">
          {t('accessRequests.request.withheldRecorded')}
        </h2>
        {request.withholdings.length === 0 ? (
          <p>{t('accessRequests.request.summary', { count: 0 })}</p>
        ) : (
          <ul>
            {request.withholdings.map((w) => (
              <li key={`${w.caseId}-${w.entryId ?? 'case'}`}>
                {w.entryId === null ? t('accessRequests.request.withheldCase') : t('accessRequests.request.withheldEntry')} — {groundLabel(w.ground)}
              </li>
            ))}
          </ul>
        )}
        {data.abilities['pupil.access-request.export'] && (
          <p>
            <Link to={`/inzageverzoeken/${encodeURIComponent(requestId)}/overzicht`} className="button button-secondary" data-testid="access-remake">
              {t('accessRequests.request.remake')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

function OpenRequest({ requestId, data }: { requestId: string; data: AccessRequestResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<AccessRequestFileResponse | null>(null);
  // What the server holds, and the choice on screen (ahead of it while a save is under way).
  const [saved, setSaved] = useState<WithholdingInput[]>(() => data.request.withholdings.map(({ caseId, entryId, ground }) => ({ caseId, entryId, ground })));
  const [withholdings, setWithholdings] = useState<WithholdingInput[]>(saved);

  const open = useElevatedMutation({ mutationFn: () => openAccessRequestFile(requestId), onSuccess: setFile });
  const save = useMutation({
    mutationFn: (next: WithholdingInput[]) => saveWithholdings(requestId, next),
    // One save after the other: each sends the whole choice, so the last one sent is the last one kept.
    scope: { id: `access-request-withholdings-${requestId}` },
    onSuccess: async (request) => {
      const now = request.withholdings.map(({ caseId, entryId, ground }) => ({ caseId, entryId, ground }));
      // The screen shows the choice already (perhaps a newer one, saved next); only what is held moves on.
      setSaved(now);
      await queryClient.invalidateQueries({ queryKey: queryKeys.accessRequests(data.pupil.id) });
    },
    // What the server holds stays the truth: a refused choice goes back to it.
    onError: () => setWithholdings(saved),
  });
  const makeExport = useElevatedMutation({
    mutationFn: () => exportAccessRequest(requestId),
    onSuccess: async (doc) => {
      queryClient.setQueryData(queryKeys.accessRequestExport(requestId), doc);
      await queryClient.invalidateQueries({ queryKey: queryKeys.accessRequest(requestId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.accessRequests(data.pupil.id) });
      await navigate(`/inzageverzoeken/${encodeURIComponent(requestId)}/overzicht`);
    },
  });

  function choose(caseId: string, entryId: string | null, ground: WithholdingGround | null) {
    // Withholding a whole case takes in its entries: their own choices give way to it.
    const rest = withholdings.filter((w) => !(w.caseId === caseId && (w.entryId === entryId || (entryId === null && ground !== null))));
    const next = ground ? [...rest, { caseId, entryId, ground }] : rest;
    setWithholdings(next);
    save.mutate(next);
  }

  const canWithhold = data.abilities['pupil.access-request.withhold'];

  return (
    <>
      <section className="card" aria-labelledby="access-how-title">
        <h2 id="access-how-title" className="section-title">
          {t('accessRequests.request.howTitle')}
        </h2>
        <ol className="access-how">
          <li>{t('accessRequests.request.how1')}</li>
          <li>{t('accessRequests.request.how2')}</li>
          <li>{t('accessRequests.request.how3')}</li>
        </ol>
        <p className="muted">{t('accessRequests.request.consultFg')}</p>
        {!file && (
          <>
            <ErrorAlert error={open.error} />
            <button type="button" className="button button-primary" disabled={open.isPending} onClick={() => open.mutate()} data-testid="access-open-file">
              {open.isPending ? t('accessRequests.request.openingFile') : t('accessRequests.request.openFile')}
            </button>
          </>
        )}
      </section>

      {file && (
        <>
          <FileSections file={file} idPrefix="access-file" />
          <section aria-labelledby="access-cases-title" className="case-print-section" data-testid="access-file-cases">
            <h2 id="access-cases-title" className="case-print-title">
              {t('accessRequests.file.cases')}
            </h2>
            {file.cases.length === 0 && <p>{t('accessRequests.file.noCases')}</p>}
            {file.cases.map((c) => {
              const wholeCase = withholdings.find((w) => w.caseId === c.id && w.entryId === null)?.ground ?? null;
              return (
                <CaseFile
                  key={c.id}
                  fileCase={c}
                  guardians={file.guardians}
                  items={c.entries.map((entry) => ({ kind: 'entry', entry }))}
                  aside={canWithhold && <GroundChoice id={`withhold-case-${c.id}`} what={t('accessRequests.withhold.case')} value={wholeCase} onChange={(g) => choose(c.id, null, g)} />}
                  control={(entry: FileEntry) =>
                    !canWithhold ? null : wholeCase ? (
                      <p className="access-withheld-inline">{t('accessRequests.withhold.byCase')}</p>
                    ) : (
                      <GroundChoice
                        id={`withhold-entry-${entry.entryId}`}
                        what={t('accessRequests.withhold.entry')}
                        value={withholdings.find((w) => w.caseId === c.id && w.entryId === entry.entryId)?.ground ?? null}
                        onChange={(g) => choose(c.id, entry.entryId, g)}
                      />
                    )
                  }
                />
              );
            })}
          </section>
        </>
      )}

      <section className="card access-export-bar" aria-labelledby="access-export-title" data-testid="access-export">
        <h2 id="access-export-title" className="sr-only">
          {t('accessRequests.request.export')}
        </h2>
        <p role="status" className="access-export-status" data-testid="access-withheld-count">
          {save.isPending ? t('accessRequests.request.saving') : t('accessRequests.request.summary', { count: withholdings.length })}
        </p>
        <ErrorAlert error={save.error ?? makeExport.error} />
        {data.abilities['pupil.access-request.export'] && (
          <button type="button" className="button button-primary" disabled={makeExport.isPending || save.isPending} onClick={() => makeExport.mutate()} data-testid="access-export-button">
            {makeExport.isPending ? t('accessRequests.request.exporting') : t('accessRequests.request.export')}
          </button>
        )}
      </section>
    </>
  );
}

/** Withhold this part? Not, or on one of the fixed grounds (each with its example). */
function GroundChoice({ id, what, value, onChange }: { id: string; what: string; value: WithholdingGround | null; onChange: (ground: WithholdingGround | null) => void }) {
  const { t } = useTranslation();
  const groundLabel = useGroundLabel();
  return (
    <div className={value ? 'access-choice access-choice-withheld' : 'access-choice'}>
      <label htmlFor={id} className="access-choice-label">
        {t('accessRequests.withhold.label', { what })}
      </label>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as WithholdingGround))} data-testid={id}>
        <option value="">{t('accessRequests.withhold.choose')}</option>
        {WITHHOLDING_GROUNDS.map((ground) => (
          <option key={ground} value={ground}>
            {groundLabel(ground)}
          </option>
        ))}
      </select>
      {value && <p className="field-hint access-choice-help">{t(`accessRequests.groundHelp.${value}`)}</p>}
    </div>
  );
}
