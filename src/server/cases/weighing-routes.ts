import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, weighingAnswerRequest } from '../../contract/cases.js';
import { errorBody } from '../../contract/errors.js';
import { checkAnswer, weigh, type AnswerProblem, type AnswerRecord } from '../../domain/cases/afwegingskader/weighing.js';
import { foldEntries } from '../../domain/cases/case-entry.js';
import { afterWeighing, isEscalated } from '../../domain/cases/case-progress.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError } from '../http/http-error.js';
import type { MessageKey } from '../i18n/messages.js';
import { schoolDate } from '../pupils/school-date.js';
import { requireChangeable } from './case-checks.js';
import { caseFromPath, caseScope, loadedCase, progressOf } from './case-resource.js';
import { weighingRecords, type WeighingAnswerBody } from './weighing.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Each problem of an answer: its message, and the field of the form it concerns. */
const PROBLEM: Record<AnswerProblem['code'], [MessageKey, string]> = {
  'not-answerable-now': ['weighing-not-answerable-now', 'question'],
  'answer-not-allowed': ['weighing-answer-not-allowed', 'answer'],
  'unsafety-kind-required': ['weighing-unsafety-kind-required', 'unsafety'],
  'unsafety-kind-not-applicable': ['weighing-unsafety-kind-not-applicable', 'unsafety'],
  'reasoning-required': ['weighing-reasoning-required', 'reasoning'],
  'invalid-date': ['weighing-invalid-date', 'answeredOn'],
  'date-in-future': ['weighing-date-in-future', 'answeredOn'],
  'date-before-previous-answer': ['weighing-date-before-previous-answer', 'answeredOn'],
  'participants-required': ['weighing-participants-required', 'participants'],
  'blank-participant': ['weighing-participants-required', 'participants'],
  'term-required': ['weighing-term-required', 'termUntil'],
  'invalid-term': ['weighing-invalid-term', 'termUntil'],
  'term-not-after-answer': ['weighing-term-not-after-answer', 'termUntil'],
  'term-not-applicable': ['weighing-term-not-applicable', 'termUntil'],
};

/** Step 5: answering the questions of the afwegingskader, one at a time; answering again goes back. */
export function registerWeighingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/cases/:caseId/weighing', {
    config: { action: 'case.decide', resource: caseFromPath(ctx) },
    schema: {
      tags: ['cases'],
      summary: 'Answer a question of the afwegingskader (step 5) with reasoning, date, participants and whether Veilig Thuis took part; an earlier question answered again goes back, and the earlier answers stay in the file',
      params: caseParams,
      body: weighingAnswerRequest,
      response: { 201: z.object({ entryId: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      const c = loadedCase(request);
      const scope = caseScope(request, c);
      requireChangeable(c, 'case.decide');
      if (!isEscalated(progressOf(c))) throw new HttpError(400, 'decision-not-escalated');
      const at = ctx.now().toISOString();
      const body: WeighingAnswerBody = request.body;
      const record: AnswerRecord = {
        question: body.question,
        answer: body.answer,
        ...(body.unsafety ? { unsafety: body.unsafety } : {}),
        reasoning: body.reasoning,
        answeredOn: body.answeredOn,
        participants: body.participants,
        veiligThuisTookPart: body.veiligThuisTookPart,
        recordedAt: at,
        recordedBy: scope.userId,
        ...(body.termUntil ? { termUntil: body.termUntil } : {}),
      };
      const current = foldEntries(await ctx.repos.cases.entryVersions(c.id)).map((e) => e.current);
      const records = weighingRecords(current).map((r) => r.record);
      const problem = checkAnswer(weigh(records), record, schoolDate(ctx.now()))[0];
      if (problem) {
        const [code, field] = PROBLEM[problem.code];
        throw new HttpError(400, code, problem.code === 'date-before-previous-answer' ? { date: problem.previousAnsweredOn } : {}, { field });
      }
      const after = weigh([...records, record]);
      const progress = afterWeighing(progressOf(c), after.outcome.kind);
      const entryId = randomUUID();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId: c.id, schoolId: c.schoolId, entryId, version: 1, kind: 'weighing-answer', body, recordedBy: scope.userId, recordedAt: at, correctionReason: null }, tx);
        await ctx.repos.cases.setProgress(c.id, progress, at, tx);
        await auditRequest(ctx, request, { action: 'case.weigh', outcome: 'success', caseId: c.id, pupilId: c.pupilId, schoolId: c.schoolId, subjectId: `${body.question}:${body.answer}` }, tx);
      });
      return reply.code(201).send({ entryId });
    },
  });
}
