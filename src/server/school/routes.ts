import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { schoolSettings, schoolSettingsResponse } from '../../contract/administration.js';
import { errorBody } from '../../contract/errors.js';
import { abilities } from '../../domain/access/policy.js';
import { veiligThuisPhone } from '../../domain/school/local-parties.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export function registerSchoolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function present(request: Parameters<typeof scopeOf>[0]) {
    const scope = scopeOf(request);
    const settings = await ctx.repos.schoolSettings.get(scope);
    if (!settings) throw notFound();
    return {
      settings,
      veiligThuisPhoneInEffect: veiligThuisPhone(settings.veiligThuisPhone),
      abilities: abilities(request.actor, ['school.settings.update'] as const, { kind: 'school', schoolId: scope.schoolId }, ctx.now()),
    };
  }

  api.get('/api/school/settings', {
    config: { action: 'school.settings.read', resource: actingSchool },
    schema: { tags: ['school'], summary: "The school's facts and local parties (Veilig Thuis, verwijsindex, wijkteam, …)", response: { 200: schoolSettingsResponse, ...errors } },
    handler: (request) => present(request),
  });

  api.put('/api/school/settings', {
    config: { action: 'school.settings.update', resource: actingSchool },
    schema: { tags: ['school'], summary: "Change the school's facts and local parties", body: schoolSettings, response: { 200: schoolSettingsResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.schoolSettings.update(scope, request.body, tx);
        await auditRequest(ctx, request, { action: 'school.settings.update', outcome: 'success', subjectId: scope.schoolId }, tx);
      });
      return present(request);
    },
  });
}
