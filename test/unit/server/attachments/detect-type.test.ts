import { describe, expect, it } from 'vitest';
import { detectAttachmentType } from '../../../../src/server/attachments/detect-type.js';
import { contentDisposition, downloadHeaders } from '../../../../src/server/attachments/download-headers.js';
import { samplePdf, samplePng, sampleHtml, sampleSvg } from '../../../support/sample-files.js';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(200)]);
const webp = Buffer.concat([Buffer.from('RIFF', 'ascii'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'ascii'), Buffer.alloc(200)]);
/** The start of an iPhone photo: an ISO box `ftyp` with the brand heic. */
const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'ascii'), Buffer.alloc(4), Buffer.from('mif1heic', 'ascii'), Buffer.alloc(200)]);
const gif = Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.alloc(200)]);
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);

describe('the type of an attachment, judged from its content', () => {
  it.each([
    ['PNG', samplePng(), 'image/png'],
    ['PDF', samplePdf(), 'application/pdf'],
    ['JPEG', jpeg, 'image/jpeg'],
    ['WebP', webp, 'image/webp'],
    ['HEIC', heic, 'image/heic'],
  ])('accepts %s', async (_name, bytes, type) => {
    expect(await detectAttachmentType(bytes)).toBe(type);
  });

  it.each([
    ['HTML', sampleHtml],
    ['SVG', sampleSvg],
    ['a script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['plain text', Buffer.from('Gewoon een briefje.')],
    ['a GIF', gif],
    ['a ZIP (or Office file)', zip],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', async (_name, bytes) => {
    expect(await detectAttachmentType(bytes)).toBeNull();
  });
});

describe('the download headers', () => {
  it('always offers a download, in a sandbox, never cached or sniffed', () => {
    expect(downloadHeaders({ fileName: 'foto.png', contentType: 'image/png', sizeBytes: 10 })).toMatchObject({
      'content-type': 'image/png',
      'content-length': '10',
      'content-disposition': 'attachment; filename="foto.png"; filename*=UTF-8\'\'foto.png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'no-store',
    });
    expect(downloadHeaders({ fileName: 'x', contentType: 'text/html', sizeBytes: 1 })['content-type']).toBe('application/octet-stream');
  });

  it('names a file with any characters safely (RFC 5987), with an ASCII fallback', () => {
    expect(contentDisposition('Brief "Ayşe" 100%; ok.pdf')).toBe(`attachment; filename="Brief _Ay_e_ 100__ ok.pdf"; filename*=UTF-8''Brief%20%22Ay%C5%9Fe%22%20100%25%3B%20ok.pdf`);
    expect(contentDisposition("l'été (1).jpg")).toBe(`attachment; filename="l'_t_ (1).jpg"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.jpg`);
  });
});
