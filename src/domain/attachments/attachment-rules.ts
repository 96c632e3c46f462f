import type { EntryKind } from '../cases/case-entry.js';

/**
 * What may carry attachments: the records of what was seen or said — a signal (a photo of a bruise
 * drawn on the body map, a note the child wrote) and a conversation with the pupil or the parents
 * (a scanned letter, the signed agreements). Decisions, plans and Meldpad's own events do not: their
 * record is the reasoning itself.
 */
export const ATTACHABLE_ENTRY_KINDS = ['signal', 'pupil-conversation', 'parent-conversation'] as const satisfies readonly EntryKind[];
export type AttachableEntryKind = (typeof ATTACHABLE_ENTRY_KINDS)[number];

export function isAttachable(kind: string): kind is AttachableEntryKind {
  return (ATTACHABLE_ENTRY_KINDS as readonly string[]).includes(kind);
}

/**
 * The file types accepted, as judged from the content (never the name): photos and scans, and PDF.
 * Nothing that a browser would run (HTML, SVG, scripts) and nothing unrecognised.
 */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export function isAcceptedType(mime: string | undefined): mime is AttachmentType {
  return mime !== undefined && (ATTACHMENT_TYPES as readonly string[]).includes(mime);
}

/** The extensions people know the accepted types by, for the upload form's hint and file picker. */
export const ATTACHMENT_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.heif', '.pdf'] as const;

export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const MAX_FILE_NAME_LENGTH = 200;

/**
 * The name an attachment is stored and offered under: the last part of what the browser sent (no
 * folders), without control characters, trimmed to a length any file system takes. Empty → null.
 */
export function cleanFileName(raw: string): string | null {
  const lastPart = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = lastPart.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return null;
  if (clean.length <= MAX_FILE_NAME_LENGTH) return clean;
  // Keep the extension when shortening, so the file still opens with the right program.
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}
