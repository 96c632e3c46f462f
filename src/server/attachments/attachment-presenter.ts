import type { AttachmentSummary } from '../../contract/attachments.js';
import type { AttachmentRecord } from '../../db/repositories/attachments-repository.js';

/** An attachment as the case page lists it, picked field by field. */
export function presentAttachment(a: AttachmentRecord): AttachmentSummary {
  return {
    id: a.id,
    entryId: a.entryId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    uploadedBy: { userId: a.uploadedBy, name: a.uploadedByName },
    uploadedAt: a.uploadedAt,
  };
}

/** The attachments of a case, by the entry they belong to. */
export function attachmentsByEntry(records: readonly AttachmentRecord[]): Map<string, AttachmentSummary[]> {
  const byEntry = new Map<string, AttachmentSummary[]>();
  for (const record of records) byEntry.set(record.entryId, [...(byEntry.get(record.entryId) ?? []), presentAttachment(record)]);
  return byEntry;
}
