import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.js';
import {
  currentProtocolResponse,
  protocolVersionParams,
  protocolVersionResponse,
  protocolVersionsResponse,
  reviseProtocolRequest,
  reviseProtocolResponse,
  revisionProblemField,
} from '../../contract/protocol.js';
import type { Scope } from '../../db/scope.js';
import { abilities } from '../../domain/access/policy.js';
import { findTask, type ProtocolContent, type ProtocolVersion } from '../../domain/cases/protocol/protocol.js';
import { HELP_TEXT_MAX, PRINCIPLE_MAX, reviseProtocol, TASK_TEXT_MAX, type RevisionProblem } from '../../domain/cases/protocol/revise-protocol.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { HttpError, notFound, type MessageHint } from '../http/http-error.js';
import { scopeOf } from '../http/scope.js';
import { actingSchool } from '../staff/staff-resource.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * The school's route (stappenplan): every member of staff reads it, the IB'er and directie adapt it.
 * Every saved change is a new version; a case keeps the version it started under.
 */
export function registerProtocolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function author(userId: string | null) {
    const user = userId ? await ctx.repos.users.findById(userId) : null;
    return user ? { userId: user.id, name: user.name } : null;
  }

  async function present(version: ProtocolVersion, latestVersion: number) {
    return {
      version: version.version,
      latestVersion,
      content: version.content,
      createdAt: version.createdAt,
      createdBy: await author(version.createdBy),
      changeNote: version.changeNote,
    };
  }

  /** 409: someone saved a version after the one this edit started from. */
  async function conflict(scope: Scope): Promise<HttpError> {
    const latest = await ctx.repos.protocols.current(scope, ctx.now());
    const by = await author(latest.createdBy);
    return by
      ? new HttpError(409, 'protocol-conflict', { name: by.name, latest: latest.version })
      : new HttpError(409, 'protocol-conflict-unnamed', { latest: latest.version });
  }

  api.get('/api/protocol', {
    config: { action: 'protocol.read', resource: actingSchool },
    schema: { tags: ['protocol'], summary: "The school's current route (stappenplan): steps, tasks, help texts and principles", response: { 200: currentProtocolResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      const current = await ctx.repos.protocols.current(scope, ctx.now());
      return {
        ...(await present(current, current.version)),
        abilities: abilities(request.actor, ['protocol.manage'] as const, { kind: 'school', schoolId: scope.schoolId }, ctx.now()),
      };
    },
  });

  api.get('/api/protocol/versions', {
    config: { action: 'protocol.read', resource: actingSchool },
    schema: { tags: ['protocol'], summary: "Every saved version of the school's route, newest first", response: { 200: protocolVersionsResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      // A school that never opened its route has version 1 from here on, as on every other read.
      await ctx.repos.protocols.current(scope, ctx.now());
      const versions = await ctx.repos.protocols.versions(scope);
      return {
        versions: versions.map((v) => ({
          version: v.version,
          createdAt: v.createdAt,
          createdBy: v.createdBy && v.createdByName !== null ? { userId: v.createdBy, name: v.createdByName } : null,
          changeNote: v.changeNote,
        })),
      };
    },
  });

  api.get('/api/protocol/versions/:version', {
    config: { action: 'protocol.read', resource: actingSchool },
    schema: { tags: ['protocol'], summary: "One version of the school's route, as it was saved (read-only)", params: protocolVersionParams, response: { 200: protocolVersionResponse, ...errors } },
    handler: async (request) => {
      const scope = scopeOf(request);
      const current = await ctx.repos.protocols.current(scope, ctx.now());
      const found = await ctx.repos.protocols.byNumber(scope, Number(request.params.version));
      if (!found) throw notFound();
      return present(found, current.version);
    },
  });

  api.put('/api/protocol', {
    config: { action: 'protocol.manage', resource: actingSchool },
    schema: {
      tags: ['protocol'],
      summary: "Save a change to the school's route as its next version (IB'er, directie)",
      description:
        'Send every step and every task (retired ones too), with basedOnVersion: the version the edit started from. A task is never removed, only retired; a new task has id null. ' +
        'Answers 409 when another version was saved in between, 400 naming each problem, and {unchanged: true} when nothing changed.',
      body: reviseProtocolRequest,
      response: { 200: reviseProtocolResponse, ...errors },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const { basedOnVersion, changeNote, ...edit } = request.body;
      const current = await ctx.repos.protocols.current(scope, ctx.now());
      if (basedOnVersion !== current.version) throw await conflict(scope);

      const revision = reviseProtocol(current.content, edit, () => `task.${randomUUID()}`);
      if (revision.kind === 'invalid') throw invalid(current, revision.problems);
      if (revision.kind === 'unchanged') return { version: current.version, unchanged: true as const };

      const saved = await ctx.db.kysely.transaction().execute(async (tx) => {
        const next = await ctx.repos.protocols.saveNext(scope, current.version, revision.content, changeNote ?? null, ctx.now(), tx);
        if (next) await auditRequest(ctx, request, { action: 'protocol.revise', outcome: 'success', subjectId: next.id }, tx);
        return next;
      });
      // Saved by someone else between our read and our insert: the unique version number said no.
      if (!saved) throw await conflict(scope);
      return { version: saved.version };
    },
  });
}

/** 400 with one line per problem, naming the step and the task, and the first problem's field. */
function invalid(current: ProtocolVersion, problems: readonly RevisionProblem[]): HttpError {
  const content = current.content;
  const stepName = (stepId: string) => {
    const step = content.steps.find((s) => s.id === stepId);
    if (!step) return stepId;
    return step.number > 0 ? `${step.number}. ${step.title}` : step.title;
  };
  const taskStep = (taskId: string) => stepName(findTask(content, taskId)?.step.id ?? '');
  const hints: MessageHint[] = problems.map((problem): MessageHint => {
    switch (problem.code) {
      case 'steps-changed':
        return { key: 'protocol-problem-steps-changed' };
      case 'unknown-task':
        return { key: 'protocol-problem-unknown-task', params: { taskId: problem.taskId, version: current.version } };
      case 'task-removed':
        return { key: 'protocol-problem-task-removed', params: { step: taskStep(problem.taskId), text: problem.text } };
      case 'task-moved-between-steps':
        return { key: 'protocol-problem-task-moved', params: { step: taskStep(problem.taskId), text: taskText(content, problem.taskId) } };
      case 'duplicate-task':
        return { key: 'protocol-problem-duplicate-task', params: { text: taskText(content, problem.taskId) } };
      case 'empty-text':
        return { key: 'protocol-problem-empty-text', params: { step: stepName(problem.stepId), task: problem.index + 1 } };
      case 'text-too-long':
        return { key: 'protocol-problem-text-too-long', params: { step: stepName(problem.stepId), task: problem.index + 1, max: TASK_TEXT_MAX } };
      case 'help-too-long':
        return { key: 'protocol-problem-help-too-long', params: { step: stepName(problem.stepId), task: problem.index + 1, max: HELP_TEXT_MAX } };
      case 'empty-title':
        return { key: 'protocol-problem-empty-title', params: { step: stepName(problem.stepId) } };
      case 'empty-reminder':
        return { key: 'protocol-problem-empty-reminder' };
      case 'principle-too-long':
        return { key: 'protocol-problem-principle-too-long', params: { max: PRINCIPLE_MAX } };
    }
  });
  const field = problems.map(revisionProblemField).find((f) => f !== null);
  return new HttpError(400, 'protocol-invalid', {}, { hints, ...(field ? { field } : {}) });
}

function taskText(content: ProtocolContent, taskId: string): string {
  return findTask(content, taskId)?.task.text ?? taskId;
}
