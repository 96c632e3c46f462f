import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentParams, attachmentUploadParams, attachmentUploadResponse, FILE_NAME_HEADER } from '../../contract/attachments.js';
import { errorBody } from '../../contract/errors.js';
import { DamagedAttachmentError } from '../../db/encryption/attachment-chunks.js';
import { cleanFileName, isAttachable } from '../../domain/attachments/attachment-rules.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { requireChangeable } from '../cases/case-checks.js';
import { caseFromPath, caseScope, loadedCase } from '../cases/case-resource.js';
import { HttpError, notFound } from '../http/http-error.js';
import { presentAttachment } from './attachment-presenter.js';
import { downloadHeaders } from './download-headers.js';
import { receiveUpload, tooLarge } from './receive-upload.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const uploadErrors = { ...errors, 409: errorBody, 413: errorBody, 415: errorBody, 422: errorBody };

/** An upload left pending this long was broken off by a stopped instance; the next upload clears it. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** The file name from its header: percent-encoded UTF-8, so that any name survives HTTP's header rules. */
function fileNameFrom(request: FastifyRequest): string {
  const raw = request.headers[FILE_NAME_HEADER];
  if (typeof raw !== 'string' || raw.trim() === '') throw new HttpError(400, 'attachment-name-required');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'attachment-name-required');
  }
  const name = cleanFileName(decoded);
  if (!name) throw new HttpError(400, 'attachment-name-required');
  return name;
}

/**
 * Attachments on a case's signals and conversations: upload (the raw file as the body, streamed into
 * sealed chunks) and download (streamed out, always as a download). Their own scope, because only here
 * does the server take a body that is not JSON. Listed on the case page with their entry.
 */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    // The body is handed over unread: the access check runs first, and the upload streams into the database.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    const api = scope.withTypeProvider<ZodTypeProvider>();
    const onCase = caseFromPath(ctx);

    api.post('/api/cases/:caseId/entries/:entryId/attachments', {
      config: { action: 'case.write', resource: onCase },
      schema: {
        tags: ['cases'],
        summary:
          'Attach a file (photo, scan, PDF) to a signal or conversation: the raw file as an application/octet-stream body, its name percent-encoded in X-File-Name. The type is judged from the content; stored encrypted.',
        params: attachmentUploadParams,
        consumes: ['application/octet-stream'],
        body: z.unknown().describe('The file itself'),
        response: { 201: attachmentUploadResponse, ...uploadErrors },
      },
      handler: async (request, reply) => {
        const c = loadedCase(request);
        if (!(request.body instanceof Readable)) throw new HttpError(415, 'attachment-body-type');
        requireChangeable(c, 'case.write');
        const maxBytes = ctx.config.attachmentMaxBytes;
        // Refused before a byte is read when the size is declared; counted as it streams otherwise.
        if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(maxBytes);
        const fileName = fileNameFrom(request);
        const [first] = await ctx.repos.cases.versionsOf(c.id, request.params.entryId);
        if (!first) throw notFound();
        if (!isAttachable(first.kind)) throw new HttpError(422, 'attachment-entry-kind');

        await ctx.repos.attachments.discardAbandoned(new Date(ctx.now().getTime() - ABANDONED_AFTER_MS).toISOString());
        const { userId } = caseScope(request, c);
        const id = randomUUID();
        const at = ctx.now().toISOString();
        const received = await receiveUpload(request.body, ctx.repos.attachments, { id, caseId: c.id, schoolId: c.schoolId, entryId: first.entryId, fileName, uploadedBy: userId, uploadedAt: at }, maxBytes);
        try {
          await ctx.db.kysely.transaction().execute(async (tx) => {
            await ctx.repos.attachments.complete(received.pending, received, tx);
            await ctx.repos.cases.touch(c.id, at, tx);
            await auditRequest(ctx, request, { action: 'case.attachment.add', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: id }, tx);
          });
        } catch (error) {
          await ctx.repos.attachments.discard(id);
          throw error;
        }
        const stored = await ctx.repos.attachments.find(c.id, first.entryId, id);
        if (!stored) throw notFound();
        return reply.code(201).send({ attachment: presentAttachment(stored) });
      },
    });

    api.get('/api/cases/:caseId/entries/:entryId/attachments/:attachmentId', {
      config: { action: 'case.read', resource: onCase },
      schema: {
        tags: ['cases'],
        summary: 'Download an attachment: streamed out of its sealed chunks, always as a download (never shown inline). Every download is audited.',
        params: attachmentParams,
        // 200 is the file itself (image/* or application/pdf), never JSON.
        response: { 200: z.unknown(), ...errors, 422: errorBody },
      },
      handler: async (request, reply) => {
        const c = loadedCase(request);
        const found = await ctx.repos.attachments.find(c.id, request.params.entryId, request.params.attachmentId);
        if (!found) throw notFound();
        const chunks = ctx.repos.attachments.content(found);
        // The first chunk is opened before answering, so that a damaged file gets a clear answer, not a cut-off one.
        let first: IteratorResult<Buffer>;
        try {
          first = await chunks.next();
        } catch (error) {
          if (error instanceof DamagedAttachmentError) throw new HttpError(422, 'attachment-damaged');
          throw error;
        }
        await auditRequest(ctx, request, { action: 'case.attachment.read', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: found.id });
        async function* all(): AsyncGenerator<Buffer> {
          if (!first.done) yield first.value;
          yield* chunks;
        }
        return reply.headers(downloadHeaders(found)).send(Readable.from(all()));
      },
    });
  });
}
