import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessRequestExportResponse,
  accessRequestFileResponse,
  accessRequestListResponse,
  accessRequestParams,
  accessRequestResponse,
  accessRequestSummary,
  registeredResponse,
  registerAccessRequest,
  withholdingsRequest,
} from '../../contract/access-requests.js';
import { errorBody } from '../../contract/errors.js';
import { pupilParams } from '../../contract/pupils.js';
import { checkRequester } from '../../domain/access-requests/requester.js';
import { mayChangeWithholdings } from '../../domain/access-requests/request-state.js';
import { checkWithholdings } from '../../domain/access-requests/withholdings.js';
import { abilities } from '../../domain/access/policy.js';
import { displayName } from '../../domain/pupils/pupil-name.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { pupilFromPath } from '../pupils/pupil-resource.js';
import { schoolDate } from '../pupils/school-date.js';
import { accessRequestFromPath, loadedAccessRequest } from './access-request-resource.js';
import { presentAccessRequest } from './access-request-presenter.js';
import { exportDocument } from './export-document.js';
import { indexOf, readPupilFile, type PupilFile } from './pupil-file.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * Access requests (inzageverzoek, AVG art. 15): register who asked, read the pupil's whole file,
 * withhold parts on a ground, export. Reading the file and exporting it need a fresh code and are
 * audited per case; every audit event carries ids only.
 */
export function registerAccessRequestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = accessRequestFromPath(ctx);

  async function pupilHeader(request: FastifyRequest, pupilId: string) {
    const pupil = await ctx.repos.pupils.find(scopeOf(request), pupilId);
    if (!pupil) throw notFound();
    return { id: pupil.id, displayName: displayName(pupil) };
  }

  /** The pupil as the access-request rules see it: they look at the pupil's school and the person's roles only. */
  const pupilAt = (schoolId: string) => ({ kind: 'pupil' as const, schoolId, groupIds: [], caseMemberUserIds: [] });

  /** One event for the pupil and one per case read, so each case's "who saw this file" shows it. */
  async function auditFile(request: FastifyRequest, action: 'pupil.access-request.read' | 'pupil.access-request.export', requestId: string, file: PupilFile, executor?: Parameters<typeof auditRequest>[3]) {
    await auditRequest(ctx, request, { action, outcome: 'success', pupilId: file.pupil.id, subjectId: requestId }, executor);
    for (const c of file.cases) await auditRequest(ctx, request, { action, outcome: 'success', pupilId: file.pupil.id, caseId: c.id, subjectId: requestId }, executor);
  }

  api.get('/api/pupils/:pupilId/access-requests', {
    config: { action: 'pupil.access-request.list', resource: pupilFromPath(ctx) },
    schema: {
      tags: ['access-requests'],
      summary: "The pupil's access requests with what was withheld on which ground (ids only, no content)",
      params: pupilParams,
      response: { 200: accessRequestListResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const { pupilId } = request.params;
      const [pupil, guardians, requests] = await Promise.all([pupilHeader(request, pupilId), ctx.repos.pupils.guardians(pupilId), ctx.repos.accessRequests.forPupil(scope, pupilId)]);
      return {
        pupil,
        guardians: guardians.map((g) => ({ id: g.id, name: g.name })),
        requests: requests.map((r) => presentAccessRequest(r, guardians)),
        abilities: abilities(request.actor, ['pupil.access-request.register', 'pupil.access-request.export'] as const, pupilAt(scope.schoolId), ctx.now()),
      };
    },
  });

  api.post('/api/pupils/:pupilId/access-requests', {
    config: { action: 'pupil.access-request.register', resource: pupilFromPath(ctx) },
    schema: {
      tags: ['access-requests'],
      summary: 'Registers an access request: who asked, in what capacity, and the day the school received it',
      params: pupilParams,
      body: registerAccessRequest,
      response: { 200: registeredResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const { pupilId } = request.params;
      const body = request.body;
      const guardians = await ctx.repos.pupils.guardians(pupilId);
      const problem = checkRequester({ capacity: body.capacity, guardianId: body.guardianId, name: body.requesterName }, guardians.map((g) => g.id));
      if (problem) throw new HttpError(400, `access-request-${problem}`, {}, { field: problem === 'name-required' ? 'requesterName' : 'guardianId' });
      if (body.receivedOn > schoolDate(ctx.now())) throw new HttpError(400, 'access-request-received-in-future', {}, { field: 'receivedOn' });
      const id = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.accessRequests.create(scope, { id, pupilId, capacity: body.capacity, guardianId: body.guardianId, requesterName: body.guardianId ? null : body.requesterName, receivedOn: body.receivedOn, at: ctx.now() }, tx);
        await auditRequest(ctx, request, { action: 'pupil.access-request.register', outcome: 'success', pupilId, subjectId: id }, tx);
      });
      return { id };
    },
  });

  api.get('/api/access-requests/:requestId', {
    config: { action: 'pupil.access-request.list', resource: onRequest },
    schema: {
      tags: ['access-requests'],
      summary: 'One access request: who asked, when, and what is withheld on which ground (no content)',
      params: accessRequestParams,
      response: { 200: accessRequestResponse, ...errors },
    },
    handler: async (request) => {
      const found = loadedAccessRequest(request);
      const [pupil, guardians] = await Promise.all([pupilHeader(request, found.pupilId), ctx.repos.pupils.guardians(found.pupilId)]);
      return {
        pupil,
        request: presentAccessRequest(found, guardians),
        abilities: abilities(request.actor, ['pupil.access-request.withhold', 'pupil.access-request.export'] as const, pupilAt(found.schoolId), ctx.now()),
      };
    },
  });

  api.post('/api/access-requests/:requestId/file', {
    config: { action: 'pupil.access-request.read', resource: onRequest },
    schema: {
      tags: ['access-requests'],
      summary: 'Everything the school holds about the pupil, unredacted, to choose what to withhold. Needs a fresh code; audited per case.',
      params: accessRequestParams,
      body: z.object({}).optional(),
      response: { 200: accessRequestFileResponse, ...errors },
    },
    handler: async (request) => {
      const found = loadedAccessRequest(request);
      const file = await readPupilFile(ctx, request, found.pupilId);
      await auditFile(request, 'pupil.access-request.read', found.id, file);
      return { ...file, request: presentAccessRequest(found, file.guardians) };
    },
  });

  api.put('/api/access-requests/:requestId/withholdings', {
    config: { action: 'pupil.access-request.withhold', resource: onRequest },
    schema: {
      tags: ['access-requests'],
      summary: 'What to withhold from the export, each part on a ground; every part must belong to this pupil\'s file. Fixed once exported.',
      params: accessRequestParams,
      body: withholdingsRequest,
      response: { 200: accessRequestSummary, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const found = loadedAccessRequest(request);
      if (!mayChangeWithholdings(found)) throw new HttpError(409, 'access-request-exported');
      const { withholdings } = request.body;
      const file = await readPupilFile(ctx, request, found.pupilId);
      const [problem] = checkWithholdings(indexOf(file), withholdings);
      if (problem) throw new HttpError(400, `access-request-withholding-${problem.code}`, { index: problem.index + 1 }, { field: 'withholdings' });
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.accessRequests.replaceWithholdings(scope, found.id, withholdings.map((w) => ({ ...w, id: randomUUID() })), ctx.now(), tx);
        await auditRequest(ctx, request, { action: 'pupil.access-request.withhold', outcome: 'success', pupilId: found.pupilId, subjectId: found.id }, tx);
      });
      const saved = await ctx.repos.accessRequests.find(scope, found.id);
      if (!saved) throw notFound();
      return presentAccessRequest(saved, file.guardians);
    },
  });

  api.post('/api/access-requests/:requestId/export', {
    config: { action: 'pupil.access-request.export', resource: onRequest },
    schema: {
      tags: ['access-requests'],
      summary: 'The export to hand over: the file with each withheld part replaced by its ground. Needs a fresh code; the first export fixes the withholdings.',
      params: accessRequestParams,
      body: z.object({}).optional(),
      response: { 200: accessRequestExportResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const found = loadedAccessRequest(request);
      const file = await readPupilFile(ctx, request, found.pupilId);
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.accessRequests.markExported(scope, found.id, ctx.now(), tx);
        await auditFile(request, 'pupil.access-request.export', found.id, file, tx);
      });
      const saved = await ctx.repos.accessRequests.find(scope, found.id);
      if (!saved?.exportedAt || !saved.exportedBy) throw notFound();
      const summary = presentAccessRequest(saved, file.guardians);
      // The moment and person of this export (a later one repeats the first's withholdings).
      const me = { userId: scope.userId, name: (await ctx.repos.users.namesByIds([scope.userId])).get(scope.userId) ?? '—' };
      return exportDocument(file, summary, saved.withholdings, { at: ctx.now().toISOString(), by: me });
    },
  });
}
