import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../../../domain/cases/case-entry.js';
import { correctEntry } from '../../../api/cases.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Notice } from '../../../components/Notice.js';
import { useFormatDateTime } from '../../../hooks/useFormat.js';
import { useCaseView, type CaseEntryView } from './case-context.js';
import { isEntryKind, useKindLabel } from './case-labels.js';
import { AttachmentList } from './AttachmentList.js';
import { EntryBody } from './EntryBody.js';
import { refreshCase } from './entry-form.js';
import { EntryForm, isCorrectableHere } from './EntryForm.js';

/**
 * Everything recorded on the case, in the order it happened, each with who and when. A correction
 * shows who made it and why; the earlier versions stay one click away.
 */
export function Timeline() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const kindLabel = useKindLabel();
  const [kinds, setKinds] = useState<EntryKind[]>([]);
  const present = [...new Set(data.entries.map((e) => e.kind))].filter(isEntryKind);
  // The filter: the chosen kinds, or everything when none is chosen.
  const shown = kinds.length === 0 ? data.entries : data.entries.filter((entry) => (kinds as readonly string[]).includes(entry.kind));

  function toggle(kind: EntryKind) {
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  }

  return (
    <section className="card case-timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <div className="section-title-row">
        <h2 id="timeline-title" className="section-title">
          {t('casePage.timeline.title')}
        </h2>
        <p className="muted case-timeline-count" data-testid="timeline-count">
          {kinds.length === 0 ? t('casePage.timeline.count', { count: data.entries.length }) : t('casePage.timeline.countFiltered', { shown: shown.length, count: data.entries.length })}
        </p>
      </div>
      {present.length > 1 && (
        <div className="case-filter" role="group" aria-labelledby="timeline-filter-label" data-testid="timeline-filter">
          <span id="timeline-filter-label" className="case-filter-label">
            {t('casePage.timeline.filter')}
          </span>
          <button type="button" className="case-filter-button" aria-pressed={kinds.length === 0} onClick={() => setKinds([])}>
            {t('casePage.timeline.all')}
          </button>
          {present.map((kind) => (
            <button key={kind} type="button" className="case-filter-button" aria-pressed={kinds.includes(kind)} onClick={() => toggle(kind)} data-kind={kind}>
              {kindLabel(kind)} <span className="case-filter-count">{data.entries.filter((e) => e.kind === kind).length}</span>
            </button>
          ))}
        </div>
      )}
      {data.entries.length === 0 ? (
        <p className="muted">{t('casePage.timeline.empty')}</p>
      ) : (
        <ol className="case-timeline-list">
          {shown.map((entry) => (
            <TimelineEntry key={entry.entryId} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({ entry }: { entry: CaseEntryView }) {
  const { t } = useTranslation();
  const { data, caseId } = useCaseView();
  const kindLabel = useKindLabel();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [correcting, setCorrecting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const correctButton = useRef<HTMLButtonElement>(null);
  const canWrite = data.abilities['case.write'];
  const corrected = entry.history.length > 0;
  const agreementOpen = entry.kind === 'agreement' && (entry.current.body as { done?: unknown } | null)?.done !== true;

  const finish = useMutation({
    mutationFn: () => correctEntry(caseId, entry.entryId, { ...(entry.current.body as Record<string, unknown>), done: true }, t('casePage.agreement.doneReason')),
    onSuccess: async () => {
      await refreshCase(queryClient);
      setNotice(t('casePage.agreement.markedDone'));
    },
  });

  return (
    <li className={`case-entry case-entry-${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind} data-entry-id={entry.entryId}>
      <article aria-labelledby={titleId}>
        <header className="case-entry-header">
          <h3 id={titleId} className="case-entry-title">
            {kindLabel(entry.kind)}
          </h3>
          <p className="case-entry-meta">
            {t('casePage.timeline.recorded', { name: entry.firstRecordedBy.name, date: formatDateTime(entry.firstRecordedAt) })}
          </p>
        </header>
        {corrected && (
          <p className="case-entry-correction" data-testid="entry-correction">
            {t('casePage.timeline.corrected', {
              name: entry.current.recordedBy.name,
              date: formatDateTime(entry.current.recordedAt),
              reason: entry.current.correctionReason ?? '—',
            })}
          </p>
        )}
        <EntryBody kind={entry.kind} body={entry.current.body} />
        <AttachmentList entry={entry} />
        {corrected && (
          <details className="case-disclosure case-history" data-testid="entry-history">
            <summary>{t('casePage.timeline.earlier', { count: entry.history.length })}</summary>
            <ol className="case-history-list">
              {[...entry.history].reverse().map((version) => (
                <li key={version.version} className="case-history-version">
                  <p className="case-entry-meta">
                    {version.correctionReason
                      ? t('casePage.timeline.versionCorrected', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt), reason: version.correctionReason })
                      : t('casePage.timeline.versionFirst', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt) })}
                  </p>
                  <EntryBody kind={entry.kind} body={version.body} />
                </li>
              ))}
            </ol>
          </details>
        )}
        {notice && <Notice tone="success">{notice}</Notice>}
        <ErrorAlert error={finish.error} />
        {canWrite && !correcting && (isCorrectableHere(entry.kind) || agreementOpen) && (
          <div className="case-entry-actions">
            {isCorrectableHere(entry.kind) && (
              <button
                ref={correctButton}
                type="button"
                className="link-button case-entry-action"
                onClick={() => {
                  setNotice(null);
                  setCorrecting(true);
                }}
                data-testid="entry-correct"
              >
                {t('casePage.timeline.correct')}
              </button>
            )}
            {agreementOpen && (
              <button type="button" className="link-button case-entry-action" disabled={finish.isPending} onClick={() => finish.mutate()} data-testid="agreement-done">
                {t('casePage.agreement.markDone')}
              </button>
            )}
          </div>
        )}
        {correcting && (
          <div className="case-panel">
            <EntryForm
              kind={entry.kind}
              idPrefix={`correct-${entry.entryId}`}
              correcting={{ entryId: entry.entryId, body: entry.current.body }}
              onSaved={() => {
                setCorrecting(false);
                setNotice(t('casePage.timeline.correctionSaved'));
                window.setTimeout(() => correctButton.current?.focus(), 0);
              }}
              onCancel={() => {
                setCorrecting(false);
                window.setTimeout(() => correctButton.current?.focus(), 0);
              }}
            />
          </div>
        )}
      </article>
    </li>
  );
}
