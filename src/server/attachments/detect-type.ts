import { isAcceptedType, type AttachmentType } from '../../domain/attachments/attachment-rules.js';

/**
 * The type of a file judged from its first bytes (magic numbers), never from its name or the
 * browser's claim; null when it is not one Meldpad accepts (HTML, SVG and scripts have no magic
 * number and come out as unknown, so they are refused too).
 */
export async function detectAttachmentType(head: Uint8Array): Promise<AttachmentType | null> {
  // Loaded with the first upload rather than at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  return isAcceptedType(detected?.mime) ? detected.mime : null;
}
