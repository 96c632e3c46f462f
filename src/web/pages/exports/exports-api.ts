import type { ErrorBody } from '../../../contract/errors.js';
import { VERIFICATION_CODE_HEADER, type VerifyPdfResponse } from '../../../contract/exports.js';
import type { DossierVariant } from '../../../domain/exports/dossier-variant.js';
import { ApiError } from '../../api/client.js';
import { currentLanguage, i18n } from '../../i18n/index.js';

/** An answer that is not the file: the API's error, in the person's language. */
async function failure(response: Response): Promise<ApiError> {
  const data = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  const error = data?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return new ApiError(response.status, error.code, error.message, error.hints ?? [], error.field);
  return new ApiError(response.status, 'unexpected', i18n.t('errors.unexpected'));
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

export interface ExportedPdf {
  blob: Blob;
  code: string;
}

/** Exports the dossier as a PDF (the session must hold a fresh code). */
export async function exportDossierPdf(caseId: string, variant: DossierVariant): Promise<ExportedPdf> {
  const response = await send(`/api/cases/${encodeURIComponent(caseId)}/exports/pdf`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/json', 'Accept-Language': currentLanguage() },
    body: JSON.stringify({ variant }),
  });
  if (!response.ok) throw await failure(response);
  return { blob: await response.blob(), code: response.headers.get(VERIFICATION_CODE_HEADER) ?? '' };
}

/** Hands a file to the browser as a download; the name names the export, never the pupil. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Sends a PDF as the raw body for the check; the server answers and keeps nothing of it. */
export async function verifyPdf(file: File): Promise<VerifyPdfResponse> {
  const response = await send('/api/exports/verify', {
    method: 'POST',
    headers: { 'Content-Type': 'application/pdf', Accept: 'application/json', 'Accept-Language': currentLanguage() },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as VerifyPdfResponse;
}
