import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How much of a file one sealed chunk holds: small enough to stream, large enough to keep rows few. */
export const CHUNK_BYTES = 256 * 1024;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Attachments are sealed in chunks with AES-256-GCM under the record's data key (the same key that
 * seals its file name). Each chunk's associated data binds the attachment, the chunk's place and
 * whether it is the last one, so that a chunk moved to another file or place, a reordering, a
 * dropped chunk or a cut-off end all fail to open (the STREAM construction). Stored form: iv ‖
 * ciphertext ‖ tag.
 */
function associatedData(attachmentId: string, index: number, final: boolean): Buffer {
  return Buffer.from(`case_attachment_chunks:${attachmentId}:${index}:${final ? 'final' : 'more'}`, 'utf8');
}

export function sealChunk(dataKey: Buffer, attachmentId: string, index: number, final: boolean, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(associatedData(attachmentId, index, final));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export class DamagedAttachmentError extends Error {
  constructor(attachmentId: string, index: number) {
    super(`chunk ${index} of attachment ${attachmentId} does not open: altered, moved, missing or cut off`);
    this.name = 'DamagedAttachmentError';
  }
}

export function openChunk(dataKey: Buffer, attachmentId: string, index: number, final: boolean, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DamagedAttachmentError(attachmentId, index);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(attachmentId, index, final));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DamagedAttachmentError(attachmentId, index);
  }
}

/**
 * Opens a file's chunks in order. `count` says how many there are; the last must have been sealed as
 * the last, so that cutting chunks off the end (and lowering the count) is caught too.
 */
export async function* openChunks(dataKey: Buffer, attachmentId: string, count: number, read: (index: number) => Promise<Uint8Array | null>): AsyncGenerator<Buffer> {
  for (let index = 0; index < count; index++) {
    const sealed = await read(index);
    if (!sealed) throw new DamagedAttachmentError(attachmentId, index);
    yield openChunk(dataKey, attachmentId, index, index === count - 1, sealed);
  }
}
