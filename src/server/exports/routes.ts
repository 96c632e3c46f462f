import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { dossierExportRequest, VERIFICATION_CODE_HEADER, VERIFY_MAX_BYTES, verifyPdfResponse } from '../../contract/exports.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { ELEVATION_MS } from '../auth/elevation.js';
import { contentDisposition } from '../attachments/download-headers.js';
import { caseFromPath, loadedCase } from '../cases/case-resource.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';
import { exportDossierPdf } from './export-dossier.js';
import { checkDossierPdf } from './verify-dossier.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Reads a raw body to the end, refusing it once it passes `max` bytes. */
async function readAll(body: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const piece of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    total += piece.length;
    if (total > max) {
      body.resume();
      throw new HttpError(413, 'payload-too-large');
    }
    parts.push(piece);
  }
  return Buffer.concat(parts);
}

/**
 * The dossier PDF: exported with a fresh code (one code, one export), recorded with the digest of its
 * bytes; and the check of a PDF against that record and the audit chain (the file is read, answered
 * about and dropped: nothing of it is stored).
 */
export function registerDossierExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    // The check takes the PDF itself as the body; only in this scope.
    scope.addContentTypeParser(['application/pdf', 'application/octet-stream'], (_request, payload, done) => done(null, payload));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post('/api/cases/:caseId/exports/pdf', {
      config: { action: 'case.export', resource: caseFromPath(ctx) },
      schema: {
        tags: ['cases'],
        summary:
          'Export the whole case as a PDF (variant `full`, or `without-staff-names` for sharing outside the school). Needs a fresh code; one code serves one export. The PDF carries a verification code; its SHA-256 is recorded and covered by the audit chain.',
        params: caseParams,
        body: dossierExportRequest,
        // 200 is the PDF itself.
        response: { 200: z.unknown(), ...errors },
      },
      handler: async (request, reply) => {
        const actor = request.actor;
        if (actor.kind !== 'user') throw notFound();
        const c = loadedCase(request);
        // One fresh code, one export: a code given before this person's last export is used up.
        const elevatedFrom = new Date((actor.elevatedUntil?.getTime() ?? 0) - ELEVATION_MS).toISOString();
        const last = await ctx.repos.dossierExports.lastExportedBy(actor.userId);
        if (last !== null && last >= elevatedFrom) throw new HttpError(403, 'elevation-required');

        const exported = await exportDossierPdf(ctx, request, c, request.body.variant);
        // The file name names the export, never the pupil.
        return reply
          .headers({
            'content-type': 'application/pdf',
            'content-length': String(exported.pdf.length),
            'content-disposition': contentDisposition(`dossier-${exported.code}.pdf`),
            [VERIFICATION_CODE_HEADER]: exported.code,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
          })
          .send(exported.pdf);
      },
    });

    api.post('/api/exports/verify', {
      bodyLimit: VERIFY_MAX_BYTES,
      config: { action: 'case.export.verify', resource: actingSchool },
      schema: {
        tags: ['cases'],
        summary:
          'Check a dossier PDF (the raw file as an application/pdf body): whether its bytes are exactly those of a recorded export, whose export and digest are in an intact audit chain. The file is not stored.',
        consumes: ['application/pdf', 'application/octet-stream'],
        // The PDF itself, read as a stream (anything else is refused with 415).
        body: z.unknown().describe('The PDF file itself'),
        response: { 200: verifyPdfResponse, ...errors, 413: errorBody },
      },
      handler: async (request) => {
        if (!(request.body instanceof Readable)) throw new HttpError(415, 'verify-pdf-body-type');
        const bytes = await readAll(request.body, VERIFY_MAX_BYTES);
        if (bytes.length === 0) throw new HttpError(400, 'verify-pdf-empty');
        const check = await checkDossierPdf(ctx.repos, bytes);
        const own = check.found !== null && check.found.schoolId === scopeOf(request).schoolId;
        await auditRequest(ctx, request, { action: 'case.export.verify', outcome: 'success', subjectId: check.found?.id ?? null, caseId: own ? check.found!.caseId : null });
        return {
          result: check.result,
          sha256: check.sha256,
          code: check.code,
          export: check.export ? { ...check.export, caseId: own ? check.export.caseId : null } : null,
        };
      },
    });
  });
}
