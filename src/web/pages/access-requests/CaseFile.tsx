import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileCase, FileEntry } from '../../../contract/access-requests.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { CaseContext } from '../cases/case-page/case-context.js';
import { useKindLabel } from '../cases/case-page/case-labels.js';
import { EntryBody } from '../cases/case-page/EntryBody.js';
import { formatDate } from '../pupils/dates.js';
import { entryViewFor } from './entry-view.js';

/** One place in a case's timeline: an entry to show, or what stands in place of a withheld one. */
export type TimelineItem = { kind: 'entry'; entry: FileEntry } | { kind: 'placeholder'; key: string; content: ReactNode };

/**
 * One meldcode case of the file: who started it, where it stands, who is involved, and every entry
 * with who recorded it when (earlier versions of a corrected entry too). `control` adds, per entry,
 * the handler's choice to withhold it; `aside`, under the title, the choice for the whole case.
 */
export function CaseFile({
  fileCase,
  items,
  guardians,
  control,
  aside,
}: {
  fileCase: FileCase;
  items: readonly TimelineItem[];
  guardians: readonly { id: string; name: string }[];
  control?: (entry: FileEntry) => ReactNode;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const kindLabel = useKindLabel();
  const entries = items.flatMap((item) => (item.kind === 'entry' ? [item.entry] : []));
  const view = entryViewFor(fileCase, entries, guardians);
  const titleId = `file-case-${fileCase.id}`;

  return (
    <CaseContext.Provider value={view}>
      <section aria-labelledby={titleId} className="access-case" data-testid="file-case">
        <h3 id={titleId} className="access-case-title">
          {t('accessRequests.file.caseTitle', { date: formatDate(fileCase.startedAt) })}
        </h3>
        {aside}
        <dl className="case-print-facts">
          <div className="case-print-fact">
            <dt>{t('accessRequests.file.startedBy')}</dt>
            <dd>{t('casePage.header.startedBy', { name: fileCase.startedBy.name, date: formatDateTime(fileCase.startedAt) })}</dd>
          </div>
          <div className="case-print-fact">
            <dt>{t('accessRequests.file.where')}</dt>
            <dd>{t('accessRequests.file.stepPhase', { step: fileCase.step, phase: t(`casePage.phase.${fileCase.phase}`, { defaultValue: fileCase.phase }) })}</dd>
          </div>
          <div className="case-print-fact">
            <dt>{t('casePage.header.casushouder')}</dt>
            <dd>{fileCase.casushouder?.name ?? t('casePage.header.noCasushouder')}</dd>
          </div>
          <div className="case-print-fact">
            <dt>{t('accessRequests.file.team')}</dt>
            <dd>
              {fileCase.team.length === 0
                ? t('accessRequests.file.noTeam')
                : fileCase.team.map((m) => `${m.name} (${t(`casePage.teamRoles.${m.teamRole}`, { defaultValue: m.teamRole })})`).join(', ')}
            </dd>
          </div>
        </dl>
        <h4 className="case-print-subtitle access-timeline-title">{t('accessRequests.file.timeline')}</h4>
        {items.length === 0 && <p>{t('accessRequests.file.noEntries')}</p>}
        <ol className="case-print-timeline">
          {items.map((item) =>
            item.kind === 'placeholder' ? (
              <li key={item.key} className="case-print-entry">
                {item.content}
              </li>
            ) : (
              <li key={item.entry.entryId} className="case-print-entry" data-testid="file-entry">
                <h5 className="case-print-subtitle">
                  {kindLabel(item.entry.kind)}{' '}
                  <span className="case-print-meta">{t('casePage.timeline.recorded', { name: item.entry.firstRecordedBy.name, date: formatDateTime(item.entry.firstRecordedAt) })}</span>
                </h5>
                {control?.(item.entry)}
                {item.entry.history.length > 0 && (
                  <p className="case-entry-correction">
                    {t('casePage.timeline.corrected', {
                      name: item.entry.current.recordedBy.name,
                      date: formatDateTime(item.entry.current.recordedAt),
                      reason: item.entry.current.correctionReason ?? '—',
                    })}
                  </p>
                )}
                <EntryBody kind={item.entry.kind} body={item.entry.current.body} print />
                {[...item.entry.history].reverse().map((version) => (
                  <div key={version.version} className="case-print-version">
                    <p className="case-print-meta">
                      {version.correctionReason
                        ? t('casePage.timeline.versionCorrected', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt), reason: version.correctionReason })
                        : t('casePage.timeline.versionFirst', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt) })}
                    </p>
                    <EntryBody kind={item.entry.kind} body={version.body} print />
                  </div>
                ))}
              </li>
            ),
          )}
        </ol>
      </section>
    </CaseContext.Provider>
  );
}
