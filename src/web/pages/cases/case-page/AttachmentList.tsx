import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isAttachable } from '../../../../domain/attachments/attachment-rules.js';
import { attachmentUrl } from '../../../api/attachments.js';
import { useFormatDateTime } from '../../../hooks/useFormat.js';
import { AttachmentUpload, useFormatBytes } from './AttachmentUpload.js';
import { useCaseView, type CaseEntryView } from './case-context.js';
import './attachments.css';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'application/pdf': 'PDF',
};

/**
 * The files on a signal or conversation, each a download link (a file is never shown inside
 * Meldpad), and, for whoever may write on the case, the way to add one.
 */
export function AttachmentList({ entry }: { entry: CaseEntryView }) {
  const { t } = useTranslation();
  const { data, caseId } = useCaseView();
  const formatDateTime = useFormatDateTime();
  const formatBytes = useFormatBytes();
  const titleId = useId();
  const canWrite = data.abilities['case.write'];
  if (!isAttachable(entry.kind) || (entry.attachments.length === 0 && !canWrite)) return null;

  return (
    // A group, not a section: one per entry, and landmarks must have unique names.
    <div className="attachments" role="group" aria-labelledby={titleId} data-testid="attachments">
      <h4 id={titleId} className="attachments-title">
        {t('attachments.title')}
      </h4>
      {entry.attachments.length === 0 ? (
        <p className="muted attachments-none">{t('attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {entry.attachments.map((a) => (
            <li key={a.id} className="attachment-item" data-testid="attachment">
              <a className="attachment-link" href={attachmentUrl(caseId, entry.entryId, a.id)} download={a.fileName} data-testid="attachment-link">
                {a.fileName}
              </a>
              <span className="attachment-meta">
                {t('attachments.meta', { type: TYPE_LABELS[a.contentType] ?? a.contentType, size: formatBytes(a.sizeBytes), name: a.uploadedBy.name, date: formatDateTime(a.uploadedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && <AttachmentUpload entryId={entry.entryId} maxBytes={data.attachmentMaxBytes} />}
    </div>
  );
}
