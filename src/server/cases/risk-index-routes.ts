import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, riskIndexRegistrationRequest } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { recordRiskIndexRegistration } from '../../domain/cases/risk-index-registration.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import { schoolDate } from '../pupils/school-date.js';
import { requireChangeable } from './case-checks.js';
import { caseFromPath, caseScope, loadedCase } from './case-resource.js';
import { scheduleRiskIndexReminder } from './due-reminders.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * The verwijsindex registration (SISA in the Rotterdam region): the record holds no content and no
 * reason — only that the school registered, when, and until when the signal is active.
 */
export function registerRiskIndexRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/cases/:caseId/risk-index-registration', {
    config: { action: 'case.risk-index', resource: caseFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'Record that the casushouder registered the pupil in the verwijsindex (date only); active for two years, with a reminder before it lapses',
      params: caseParams,
      body: riskIndexRegistrationRequest,
      response: { 201: z.object({ entryId: z.string(), activeUntil: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.risk-index');
      const outcome = recordRiskIndexRegistration({ registeredOn: request.body.registeredOn, registeredBy: scope.userId, casushouderId: c.casushouderId, today: schoolDate(ctx.now()) });
      if (outcome.kind === 'invalid') {
        const problem = outcome.problems[0]!;
        throw new HttpError(400, problem.code === 'date-in-future' ? 'date-in-future' : problem.code === 'date-invalid' ? 'weighing-invalid-date' : 'not-found', {}, { field: 'registeredOn' });
      }
      const { registration } = outcome;
      const entryId = randomUUID();
      const at = ctx.now().toISOString();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.addEntryVersion(
          { id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId, version: 1, kind: 'risk-index-registration', body: { registeredOn: registration.registeredOn, activeUntil: registration.activeUntil, reminderOn: registration.reminderOn }, recordedBy: scope.userId, recordedAt: at, correctionReason: null },
          tx,
        );
        await ctx.repos.cases.touch(c.id, at, tx);
        await scheduleRiskIndexReminder(ctx, { entryId, caseId: c.id, schoolId: c.schoolId, casushouderId: scope.userId, reminderOn: registration.reminderOn, activeUntil: registration.activeUntil }, tx);
        await auditRequest(ctx, request, { action: 'case.risk-index', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: entryId }, tx);
      });
      return reply.code(201).send({ entryId, activeUntil: registration.activeUntil });
    },
  });
}
