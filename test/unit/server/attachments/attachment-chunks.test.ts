import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DamagedAttachmentError, openChunk, openChunks, sealChunk } from '../../../../src/db/encryption/attachment-chunks.js';

const key = randomBytes(32);
const id = 'a6f0c1d2-0000-4000-8000-000000000001';

function sealAll(parts: Buffer[], attachmentId = id): Buffer[] {
  return parts.map((p, i) => sealChunk(key, attachmentId, i, i === parts.length - 1, p));
}

async function openAll(sealed: (Buffer | null)[], count = sealed.length, attachmentId = id): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of openChunks(key, attachmentId, count, async (i) => sealed[i] ?? null)) out.push(part);
  return Buffer.concat(out);
}

describe('sealing an attachment in chunks', () => {
  const parts = [randomBytes(1000), randomBytes(1000), randomBytes(17)];

  it('opens what it sealed, in order', async () => {
    expect(await openAll(sealAll(parts))).toEqual(Buffer.concat(parts));
  });

  it('keeps no plaintext in a sealed chunk, and seals the same bytes differently each time', () => {
    const text = Buffer.from('Finn zei: ik ben gevallen. '.repeat(20));
    const a = sealChunk(key, id, 0, true, text);
    const b = sealChunk(key, id, 0, true, text);
    expect(a.includes(Buffer.from('Finn'))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(a.length).toBe(text.length + 28);
  });

  it('detects a changed byte', async () => {
    const sealed = sealAll(parts);
    const chunk = sealed[1]!;
    chunk[20] = chunk[20]! ^ 1;
    await expect(openAll(sealed)).rejects.toBeInstanceOf(DamagedAttachmentError);
  });

  it('detects chunks swapped', async () => {
    const sealed = sealAll(parts);
    await expect(openAll([sealed[1]!, sealed[0]!, sealed[2]!])).rejects.toBeInstanceOf(DamagedAttachmentError);
  });

  it('detects a chunk cut off the end, even when the count is lowered to match', async () => {
    const sealed = sealAll(parts);
    await expect(openAll(sealed.slice(0, 2), 2)).rejects.toBeInstanceOf(DamagedAttachmentError);
    await expect(openAll(sealed.slice(0, 2), 3)).rejects.toBeInstanceOf(DamagedAttachmentError);
  });

  it('detects a chunk added after the last one', async () => {
    const sealed = sealAll(parts);
    await expect(openAll([...sealed, sealChunk(key, id, 3, true, Buffer.from('extra'))])).rejects.toBeInstanceOf(DamagedAttachmentError);
  });

  it('detects a chunk taken from another attachment, or opened under another key', () => {
    const other = sealChunk(key, 'another-attachment', 0, true, parts[0]!);
    expect(() => openChunk(key, id, 0, true, other)).toThrow(DamagedAttachmentError);
    const mine = sealChunk(key, id, 0, true, parts[0]!);
    expect(() => openChunk(randomBytes(32), id, 0, true, mine)).toThrow(DamagedAttachmentError);
    expect(() => openChunk(key, id, 0, true, Buffer.alloc(10))).toThrow(DamagedAttachmentError);
  });
});
