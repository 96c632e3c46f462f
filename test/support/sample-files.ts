import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG (a 2×2 image that any viewer opens), padded to about `size` bytes with a private chunk of
 * random bytes, and carrying `marker` as text so that tests can look for it in the raw database.
 */
export function samplePng(size = 2048, marker = 'meldpad-proef-foto'): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]));
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1'))];
  const fixed = parts.reduce((n, p) => n + p.length, 0) + pngChunk('IDAT', pixels).length + pngChunk('IEND', Buffer.alloc(0)).length;
  const padding = Math.max(0, size - fixed - 12);
  if (padding > 0) parts.push(pngChunk('prVt', randomBytes(padding)));
  parts.push(pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A minimal one-page PDF. */
export function samplePdf(text = 'Brief van de jeugdarts'): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
      `4 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj`,
      '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

/** An HTML page with a script: what an attacker would like Meldpad to serve from its own origin. */
export const sampleHtml = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8');

export const sampleSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'utf8');
