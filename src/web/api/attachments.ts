import { FILE_NAME_HEADER, type AttachmentSummary } from '../../contract/attachments.js';
import type { ErrorBody } from '../../contract/errors.js';
import { currentLanguage, i18n } from '../i18n/index.js';
import { ApiError } from './client.js';

const attachmentsPath = (caseId: string, entryId: string) => `/api/cases/${encodeURIComponent(caseId)}/entries/${encodeURIComponent(entryId)}/attachments`;

/** Where an attachment is downloaded from (the server always answers with a download, never a page). */
export function attachmentUrl(caseId: string, entryId: string, attachmentId: string): string {
  return `${attachmentsPath(caseId, entryId)}/${encodeURIComponent(attachmentId)}`;
}

/**
 * Uploads a file as the raw request body, its name percent-encoded in a header (never in the URL).
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadAttachment(caseId: string, entryId: string, file: File, onProgress: (fraction: number) => void): Promise<AttachmentSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', attachmentsPath(caseId, entryId));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status === 201 && typeof data === 'object' && data !== null && 'attachment' in data) {
        resolve((data as { attachment: AttachmentSummary }).attachment);
        return;
      }
      const error = (data as Partial<ErrorBody> | undefined)?.error;
      if (error && typeof error.code === 'string' && typeof error.message === 'string') reject(new ApiError(xhr.status, error.code, error.message, error.hints ?? [], error.field));
      else reject(new ApiError(xhr.status, 'unexpected', i18n.t('errors.unexpected')));
    };
    xhr.send(file);
  });
}
