import type { Readable } from 'node:stream';
import type { AttachmentsRepository, NewAttachment, PendingAttachment } from '../../db/repositories/attachments-repository.js';
import { CHUNK_BYTES } from '../../db/encryption/attachment-chunks.js';
import type { AttachmentType } from '../../domain/attachments/attachment-rules.js';
import { HttpError } from '../http/http-error.js';
import { detectAttachmentType } from './detect-type.js';

export interface ReceivedUpload {
  pending: PendingAttachment;
  contentType: AttachmentType;
  sizeBytes: number;
  chunkCount: number;
}

export const tooLarge = (maxBytes: number) => new HttpError(413, 'attachment-too-large', { max: Math.floor(maxBytes / (1024 * 1024)) || 1 });

/**
 * Streams an upload into the database: cut into chunks as it arrives, the type judged from the first
 * chunk before anything is stored, each chunk sealed and written before the next is read. A chunk is
 * held back until the next data shows whether it is the last (its seal says so). Too large, of a
 * refused type, empty or broken off: whatever was written is removed and the request fails.
 */
export async function receiveUpload(body: Readable, attachments: AttachmentsRepository, attachment: NewAttachment, maxBytes: number): Promise<ReceivedUpload> {
  const state: { pending: PendingAttachment | null; contentType: AttachmentType | null; held: Buffer | null; seq: number } = { pending: null, contentType: null, held: null, seq: 0 };
  let filling: Buffer[] = [];
  let filled = 0;
  let total = 0;

  // The first chunk decides the type and starts the record; each later chunk pushes the held one out.
  const take = async (chunk: Buffer) => {
    if (state.pending && state.held) {
      await attachments.appendChunk(state.pending, state.seq++, false, state.held);
    } else {
      state.contentType = await detectAttachmentType(chunk);
      if (!state.contentType) throw new HttpError(415, 'attachment-type-refused');
      state.pending = await attachments.begin(attachment);
    }
    state.held = chunk;
  };

  try {
    // Stopping early must not destroy the request: that would close the connection before the answer goes out.
    for await (const piece of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      total += piece.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      filling.push(piece);
      filled += piece.length;
      while (filled >= CHUNK_BYTES) {
        const all = filling.length === 1 ? filling[0]! : Buffer.concat(filling);
        const rest = all.subarray(CHUNK_BYTES);
        filling = rest.length > 0 ? [rest] : [];
        filled = rest.length;
        await take(Buffer.from(all.subarray(0, CHUNK_BYTES)));
      }
    }
    if (filled > 0) await take(Buffer.concat(filling));
    const { pending, contentType, held } = state;
    if (!pending || !contentType || !held) throw new HttpError(422, 'attachment-empty');
    await attachments.appendChunk(pending, state.seq++, true, held);
    return { pending, contentType, sizeBytes: total, chunkCount: state.seq };
  } catch (error) {
    // The rest of the body is read and dropped, so that the client, still sending, gets the answer.
    if (!body.readableEnded) body.resume();
    // Refused, too large or broken off: nothing of it stays.
    if (state.pending) await attachments.discard(state.pending.id);
    throw error;
  }
}
