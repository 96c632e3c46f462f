import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, reportCheckResponse, reportFeedbackRequest, reportRequest } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import type { CaseWithAccess } from '../../db/repositories/cases-repository.js';
import { foldEntries } from '../../domain/cases/case-entry.js';
import { isEscalated } from '../../domain/cases/case-progress.js';
import type { NotHoldingGround } from '../../domain/cases/parent-conversation.js';
import { mayProceed, proceduralCheck, proceduralCheckRecord, type ProceduralFinding } from '../../domain/cases/procedural-check.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import { schoolDate } from '../pupils/school-date.js';
import { requireChangeable } from './case-checks.js';
import { caseFromPath, caseScope, loadedCase, progressOf } from './case-resource.js';
import { scheduleFeedbackReminder } from './due-reminders.js';
import { recordNewEntry } from './entry-routes.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
type ReportBody = z.output<typeof reportRequest>;

/** What the meldcode expects before a report and this file lacks, from the case's entries and the report as written. */
async function findings(ctx: AppContext, c: CaseWithAccess, report: ReportBody): Promise<ProceduralFinding[]> {
  const current = foldEntries(await ctx.repos.cases.entryVersions(c.id)).map((e) => e.current);
  const heldOn = current.filter((v) => v.kind === 'parent-conversation').map((v) => (v.body as { heldOn: string }).heldOn).sort();
  return proceduralCheck({
    parentConversationHeldOn: heldOn.at(-1) ?? null,
    notHoldingGround: current.filter((v) => v.kind === 'parent-conversation-not-held').map((v) => (v.body as { ground: NotHoldingGround | null }).ground).at(-1) ?? null,
    parentsInformedOfIntent: report.parentsInformed,
    informExceptionGround: report.parentsInformed ? null : report.informExceptionGround,
    consultationCount: current.filter((v) => v.kind === 'consultation').length,
    veiligThuisAdviceCount: current.filter((v) => v.kind === 'veilig-thuis-advice').length,
    reportText: report.whatReported,
    acute: report.acute,
    today: schoolDate(ctx.now()),
  });
}

/** The report's own rules: "open melden, tenzij", and an anonymity request with its reason. */
function checkReport(report: ReportBody): void {
  if (report.parentsInformed && !report.parentsInformedOn) throw new HttpError(400, 'report-parents-informed-on-required', {}, { field: 'parentsInformedOn' });
  if (!report.parentsInformed && !report.informExceptionGround) throw new HttpError(400, 'report-inform-ground-required', {}, { field: 'informExceptionGround' });
  if (report.anonymityRequested && !report.anonymityReason) throw new HttpError(400, 'report-anonymity-reason-required', {}, { field: 'anonymityReason' });
}

function requireEscalated(c: CaseWithAccess): void {
  if (!isEscalated(progressOf(c))) throw new HttpError(400, 'decision-not-escalated');
}

/** The report to Veilig Thuis (step 5), the procedural check before it, and Veilig Thuis's feedback. */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onCase = caseFromPath(ctx);

  api.post('/api/cases/:caseId/report/check', {
    config: { action: 'case.report', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'The procedural check before a report: what the meldcode expects and this file lacks, each with how to mend it',
      params: caseParams,
      body: reportRequest,
      response: { 200: reportCheckResponse, ...errors },
    },
    handler: async (request) => {
      const c = loadedCase(request);
      requireEscalated(c);
      const found = await findings(ctx, c, request.body);
      return { findings: found.map((f) => ({ code: f.code, message: f.message, mend: f.mend, ...(f.matches ? { matches: f.matches.map((m) => ({ start: m.start, end: m.end, word: m.word })) } : {}) })) };
    },
  });

  api.post('/api/cases/:caseId/report', {
    config: { action: 'case.report', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Record the report to Veilig Thuis, made by the casushouder; every finding of the procedural check needs a reason to go on, unless the child is in acute danger',
      params: caseParams,
      body: reportRequest,
      response: { 201: z.object({ entryId: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.report');
      requireEscalated(c);
      const report = request.body;
      checkReport(report);
      const found = await findings(ctx, c, report);
      if (!mayProceed(found, report.proceedReasons, report.acute)) throw new HttpError(400, 'procedural-reasons-required', {}, { field: 'proceedReasons' });
      const check = proceduralCheckRecord(found, report.proceedReasons, report.acute);
      const entryId = randomUUID();
      const at = ctx.now().toISOString();
      const body = {
        reportedOn: report.reportedOn,
        how: report.how,
        reference: report.reference,
        whatReported: report.whatReported,
        anonymityRequested: report.anonymityRequested,
        anonymityReason: report.anonymityRequested ? report.anonymityReason : null,
        parentsInformed: report.parentsInformed,
        parentsInformedOn: report.parentsInformed ? report.parentsInformedOn : null,
        informExceptionGround: report.parentsInformed ? null : report.informExceptionGround,
        acute: report.acute,
        findings: check.findings,
        proceedReasons: check.reasons,
      };
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId, version: 1, kind: 'report', body, recordedBy: scope.userId, recordedAt: at, correctionReason: null }, tx);
        await ctx.repos.cases.setProgress(c.id, { step: Math.max(c.step, 5), phase: 'open', casushouderId: c.casushouderId }, at, tx);
        await scheduleFeedbackReminder(ctx, { entryId, caseId: c.id, schoolId: c.schoolId, casushouderId: scope.userId, reportedOn: report.reportedOn }, tx);
        await auditRequest(ctx, request, { action: 'case.report', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: entryId }, tx);
      });
      return reply.code(201).send({ entryId });
    },
  });

  api.post('/api/cases/:caseId/report-feedback', {
    config: { action: 'case.write', resource: onCase },
    schema: {
      tags: ['cases'],
      summary: 'Record the feedback Veilig Thuis gave after a report (ends the reminder to ask for it)',
      params: caseParams,
      body: reportFeedbackRequest,
      response: { 201: z.object({ entryId: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const c = loadedCase(request);
      const entryId = await recordNewEntry(ctx, request, c, { kind: 'report-feedback', body: request.body });
      return reply.code(201).send({ entryId });
    },
  });
}
