import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { boardStatisticsResponse, schoolStatisticsResponse, statisticsQuery } from '../../contract/statistics.js';
import type { Resource } from '../../domain/access/resources.js';
import type { SchoolYear } from '../../domain/pupils/school-year.js';
import { schoolYearOf } from '../../domain/pupils/school-year.js';
import { boardFigures, suppressBoardFigures } from '../../domain/statistics/board-figures.js';
import { figuresOf } from '../../domain/statistics/figures.js';
import { parseSchoolYear, recentSchoolYears } from '../../domain/statistics/statistics-period.js';
import type { AppContext } from '../app-context.js';
import { contentDisposition } from '../attachments/download-headers.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { schoolDate } from '../pupils/school-date.js';
import { actingSchool } from '../staff/staff-resource.js';
import { boardCsv, csvFileName, schoolCsv } from './statistics-csv.js';
import { factsOf, windowOf } from './statistics-facts.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** The board the person belongs to, as the resource of the board's figures. */
function ownBoard(request: FastifyRequest): Promise<Resource | null> {
  return Promise.resolve(request.actor.kind === 'user' ? { kind: 'board', boardId: request.actor.boardId } : null);
}

function boardIdOf(request: FastifyRequest): string {
  if (request.actor.kind !== 'user') throw notFound();
  return request.actor.boardId;
}

/** The asked school year, or the current one; a label that is no school year is a 400 with a message. */
function yearOf(ctx: AppContext, label: string | undefined): SchoolYear {
  if (label === undefined || label === '') return schoolYearOf(schoolDate(ctx.now()));
  const year = parseSchoolYear(label);
  if (!year) throw new HttpError(400, 'statistics-school-year-invalid', {}, { field: 'schoolYear' });
  return year;
}

function csvHeaders(fileName: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(fileName), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
}

/**
 * Cijfers meldcode: a school year's figures for the school (exact, for its IB'er and directie) and
 * for the board (across its schools, small numbers hidden), as JSON for the page and as CSV for the
 * annual report. The figures carry no names, no pupil ids and no text; every read is audited with
 * the action and the school only.
 */
export function registerStatisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function schoolFigures(request: FastifyRequest, label: string | undefined) {
    const scope = scopeOf(request);
    const year = yearOf(ctx, label);
    const [school, rows] = await Promise.all([ctx.repos.boards.findSchool(scope.schoolId), ctx.repos.statistics.rows({ kind: 'school', schoolId: scope.schoolId }, windowOf(year))]);
    if (!school) throw notFound();
    return { year, school, figures: figuresOf(factsOf(rows), year) };
  }

  async function boardFiguresFor(request: FastifyRequest, label: string | undefined) {
    const boardId = boardIdOf(request);
    const year = yearOf(ctx, label);
    const [board, schools, rows] = await Promise.all([ctx.repos.boards.findBoard(boardId), ctx.repos.statistics.schoolsOfBoard(boardId), ctx.repos.statistics.rows({ kind: 'board', boardId }, windowOf(year))]);
    if (!board) throw notFound();
    return { year, board, shown: suppressBoardFigures(boardFigures(factsOf(rows), schools, year)) };
  }

  const schoolYears = () => recentSchoolYears(schoolDate(ctx.now())).map((y) => y.label);

  api.get('/api/statistics', {
    config: { action: 'statistics.school', resource: actingSchool },
    schema: {
      tags: ['statistics'],
      summary: "The school's meldcode figures for a school year (exact counts and durations; no names, pupil ids or text). Audited.",
      querystring: statisticsQuery,
      response: { 200: schoolStatisticsResponse, ...errors },
    },
    handler: async (request) => {
      const { year, school, figures } = await schoolFigures(request, request.query.schoolYear);
      await auditRequest(ctx, request, { action: 'statistics.school', outcome: 'success', schoolId: school.id });
      return { schoolYear: year, schoolYears: schoolYears(), school: { id: school.id, name: school.name }, figures };
    },
  });

  api.get('/api/statistics/statistics.csv', {
    config: { action: 'statistics.school', resource: actingSchool },
    schema: {
      tags: ['statistics'],
      summary: "The school's meldcode figures for a school year as CSV (UTF-8 with BOM, semicolons). Audited.",
      querystring: statisticsQuery,
      // 200 is the CSV file itself.
      response: { 200: z.unknown(), ...errors },
    },
    handler: async (request, reply) => {
      const { year, school, figures } = await schoolFigures(request, request.query.schoolYear);
      await auditRequest(ctx, request, { action: 'statistics.school.csv', outcome: 'success', schoolId: school.id });
      return reply.headers(csvHeaders(csvFileName(year.label, 'school'))).send(schoolCsv(year.label, school.name, figures));
    },
  });

  api.get('/api/statistics/board', {
    config: { action: 'statistics.board', resource: ownBoard },
    schema: {
      tags: ['statistics'],
      summary: "The board's meldcode figures for a school year, per school and in total, with every count below 5 shown as \"< 5\" (and \"×\" where a total would give one away); staff-route cases on a line of their own. Audited.",
      querystring: statisticsQuery,
      response: { 200: boardStatisticsResponse, ...errors },
    },
    handler: async (request) => {
      const { year, board, shown } = await boardFiguresFor(request, request.query.schoolYear);
      await auditRequest(ctx, request, { action: 'statistics.board', outcome: 'success', boardId: board.id });
      return {
        schoolYear: year,
        schoolYears: schoolYears(),
        board: { id: board.id, name: board.name },
        schools: shown.schools.map((s) => ({ id: s.schoolId, name: s.schoolName, figures: s.figures })),
        total: shown.total,
        staffRoute: shown.staffRoute,
      };
    },
  });

  api.get('/api/statistics/board/statistics.csv', {
    config: { action: 'statistics.board', resource: ownBoard },
    schema: {
      tags: ['statistics'],
      summary: "The board's meldcode figures as CSV, with the same hidden numbers as the page. Audited.",
      querystring: statisticsQuery,
      response: { 200: z.unknown(), ...errors },
    },
    handler: async (request, reply) => {
      const { year, board, shown } = await boardFiguresFor(request, request.query.schoolYear);
      await auditRequest(ctx, request, { action: 'statistics.board.csv', outcome: 'success', boardId: board.id });
      const body = boardCsv(year.label, { schools: shown.schools.map((s) => ({ name: s.schoolName, figures: s.figures })), total: shown.total, staffRoute: shown.staffRoute });
      return reply.headers(csvHeaders(csvFileName(year.label, 'bestuur'))).send(body);
    },
  });
}
