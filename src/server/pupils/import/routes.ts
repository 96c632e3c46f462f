import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contract/errors.js';
import {
  analyseResponse,
  confirmLeavingBody,
  importFileRequest,
  importProblemsBody,
  importReport,
  importRequest,
  type AnalyseResponse,
  type ImportReport,
} from '../../../contract/pupil-import.js';
import { IMPORT_FIELDS, type ImportField } from '../../../domain/pupils/import/fields.js';
import { cell } from '../../../domain/pupils/import/text.js';
import type { AppContext } from '../../app-context.js';
import { auditRequest } from '../../audit/request-audit.js';
import { scopeOf } from '../../http/scope.js';
import { negotiateLanguage, translate } from '../../i18n/translate.js';
import { actingSchool } from '../../staff/staff-resource.js';
import { applyImport, decodeBase64, describeProblem, leavingPercentage, readImport, type ReadImport } from './run-import.js';

const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody };
/** A 10 MB file as base64 in JSON, with room to spare. */
const BODY_LIMIT = 15 * 1024 * 1024;
const PREVIEW_ROWS = 20;

const languageOf = (request: FastifyRequest) => negotiateLanguage(request.headers['accept-language']);

function problemsOf(request: FastifyRequest, read: ReadImport) {
  const language = languageOf(request);
  return read.problems.map((p) => describeProblem(language, p, read.parsed.format));
}

function preview(read: ReadImport): AnalyseResponse['preview'] {
  if (read.parsed.format === 'csv') {
    return read.parsed.rows
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .slice(0, PREVIEW_ROWS)
      .map((r) => {
        const values: Partial<Record<ImportField, string | null>> = {};
        for (const field of IMPORT_FIELDS) {
          const column = read.mapping[field];
          if (column !== null && column !== undefined) values[field] = cell(r.cells[column]);
        }
        return { row: r.row, values };
      });
  }
  return read.pupils.slice(0, PREVIEW_ROWS).map((p) => ({
    row: p.row,
    values: {
      pupilNumber: p.pupilNumber,
      callName: p.callName,
      givenNames: p.givenNames ?? null,
      surnamePrefix: p.surnamePrefix ?? null,
      surname: p.surname,
      dateOfBirth: p.dateOfBirth ?? null,
      sex: p.sex ?? null,
      group: p.groupName ?? null,
      enrolledOn: p.enrolledOn ?? null,
    },
  }));
}

/**
 * Importing pupils from the school's pupil administration: analyse a file, try it (dry run), import
 * it. One-way: nothing of Meldpad is ever written back to the pupil administration.
 */
export function registerPupilImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/pupils/import/analyse', {
    bodyLimit: BODY_LIMIT,
    config: { action: 'pupils.import', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: 'Read an import file (EDEX or CSV): format, recognised columns, a preview and every problem. Stores nothing.',
      body: importFileRequest,
      response: { 200: analyseResponse, 400: errorBody, ...errors },
    },
    handler: async (request) => {
      const read = readImport(decodeBase64(request.body.contentBase64), request.body.mapping);
      const { parsed } = read;
      return {
        format: parsed.format,
        encoding: parsed.encoding,
        separator: parsed.format === 'csv' ? ({ ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const)[parsed.separator] : null,
        headers: parsed.format === 'csv' ? parsed.headers : [],
        mapping: read.mapping,
        rowCount: read.rowCount,
        preview: preview(read),
        problems: problemsOf(request, read),
        edex: parsed.format === 'edex' ? { groups: read.groups.length, teachers: read.teachers.length } : null,
      };
    },
  });

  api.post('/api/pupils/import/dry-run', {
    bodyLimit: BODY_LIMIT,
    config: { action: 'pupils.import', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: 'What an import of this file would do: added, changed, marked as left, returned, problems. Stores nothing.',
      body: importFileRequest,
      response: { 200: importReport, 400: errorBody, ...errors },
    },
    handler: async (request) => {
      const read = readImport(decodeBase64(request.body.contentBase64), request.body.mapping);
      const outcome = await applyImport(ctx, scopeOf(request), read, { dryRun: true, confirmLeaving: false, audit: async () => undefined });
      if (outcome.kind !== 'done') throw new Error('a dry run always reports');
      return { ...outcome.report, format: read.parsed.format, rowCount: read.rowCount, problems: problemsOf(request, read) } satisfies ImportReport;
    },
  });

  api.post('/api/pupils/import', {
    bodyLimit: BODY_LIMIT,
    config: { action: 'pupils.import', resource: actingSchool },
    schema: {
      tags: ['pupils'],
      summary: 'Import the file in one transaction (all or nothing). 400 with the problems when a row has one; 409 when more than 5 % would be marked as left and confirmLeaving is not set.',
      body: importRequest,
      response: { 200: importReport, 400: z.union([importProblemsBody, errorBody]), 409: z.union([confirmLeavingBody, errorBody]), ...errors },
    },
    handler: async (request, reply) => {
      const language = languageOf(request);
      const read = readImport(decodeBase64(request.body.contentBase64), request.body.mapping);
      if (read.problems.length > 0) {
        const problems = problemsOf(request, read);
        return reply.code(400).send({
          error: { code: 'import-has-problems' as const, message: translate(language, 'import-has-problems', { count: problems.length }), hints: problems.slice(0, 50).map((p) => p.message) },
          problems,
        });
      }
      const scope = scopeOf(request);
      const outcome = await applyImport(ctx, scope, read, {
        dryRun: false,
        confirmLeaving: request.body.confirmLeaving === true,
        audit: (tx) => auditRequest(ctx, request, { action: 'pupils.import', outcome: 'success', subjectId: scope.schoolId }, tx),
      });
      if (outcome.kind === 'confirm') {
        const leaving = { markedAsLeft: outcome.plan.markedAsLeft.length, activeCount: outcome.plan.activeCount, percentage: leavingPercentage(outcome.plan) };
        return reply.code(409).send({
          error: {
            code: 'confirm-leaving' as const,
            message: translate(language, 'confirm-leaving', { leaving: leaving.markedAsLeft, active: leaving.activeCount, percentage: leaving.percentage.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB') }),
          },
          leaving,
        });
      }
      return reply.code(200).send({ ...outcome.report, format: read.parsed.format, rowCount: read.rowCount, problems: [] });
    },
  });
}
