import type { AttachmentType } from '../../domain/attachments/attachment-rules.js';

/**
 * The headers an attachment is served with. Always a download (`attachment`), never shown inline in
 * Meldpad's origin; the type is the one judged from the content at upload, and only an image or PDF
 * type is ever named (anything else goes out as opaque bytes). `nosniff` stops the browser guessing
 * another type, and the sandbox CSP keeps a file that is opened anyway from running script with
 * Meldpad's origin.
 */
export function downloadHeaders(file: { fileName: string; contentType: string; sizeBytes: number }): Record<string, string> {
  return {
    'content-type': servedType(file.contentType),
    'content-length': String(file.sizeBytes),
    'content-disposition': contentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
  };
}

const SERVED: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'] satisfies readonly AttachmentType[];

function servedType(stored: string): string {
  return SERVED.includes(stored) ? stored : 'application/octet-stream';
}

/**
 * `attachment` with the name twice: an ASCII fallback (`filename`, non-ASCII and quoting characters
 * replaced) and the exact name in UTF-8 (`filename*`, RFC 5987/6266).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
