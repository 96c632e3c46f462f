import { z } from 'zod';

const id = z.string().min(1).max(64);

export const attachmentUploadParams = z.object({ caseId: id, entryId: id });
export const attachmentParams = z.object({ caseId: id, entryId: id, attachmentId: id });

/** The header that carries an upload's file name, percent-encoded (never in the URL). */
export const FILE_NAME_HEADER = 'x-file-name';

/** A file on an entry, as the case page lists it. */
export const attachmentSummary = z.object({
  id: z.string(),
  entryId: z.string(),
  fileName: z.string(),
  /** As judged from the content. */
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedBy: z.object({ userId: z.string(), name: z.string() }),
  uploadedAt: z.string(),
});
export type AttachmentSummary = z.infer<typeof attachmentSummary>;

export const attachmentUploadResponse = z.object({ attachment: attachmentSummary });
