import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { mailSettings, mailSettingsUpdate, notificationParams, notificationReadResponse, notificationsResponse, type Notification } from '../../contract/notifications.js';
import type { NotificationRecord } from '../../db/repositories/notifications-repository.js';
import { isNotificationKind } from '../../domain/notifications/notification-kinds.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { notFound } from '../http/http-error.js';
import { mailFrequencyOf } from './notification-mail.js';
import type { NotificationScope } from '../../db/repositories/notifications-repository.js';
import { unauthenticated } from '../http/http-error.js';

/** The person's own notifications: at the school they act for, or all of them for a board-only member. */
function notificationScope(request: FastifyRequest): NotificationScope {
  const actor = request.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  return { schoolId: actor.schoolId, userId: actor.userId };
}

const errors = { 401: errorBody, 403: errorBody, 404: errorBody };
const LATEST = 50;

function present(record: NotificationRecord): Notification | null {
  // A kind this version does not know (written by a newer one) is left out rather than misnamed.
  if (!isNotificationKind(record.kind)) return null;
  return { id: record.id, kind: record.kind, caseId: record.caseId, dueOn: record.dueOn, createdAt: record.createdAt, readAt: record.readAt };
}

/**
 * A person's own notifications ("berichten") at the school they act for. They hold kinds and ids
 * only, so listing them reads no case content and writes no audit event; opening the case does.
 */
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/notifications', {
    config: { action: 'notifications.list' },
    schema: {
      tags: ['notifications'],
      summary: 'My latest notifications at the school I act for, newest first, and how many are unread',
      response: { 200: notificationsResponse, ...errors },
    },
    handler: async (request) => {
      const scope = notificationScope(request);
      const [records, unreadCount] = await Promise.all([ctx.repos.notifications.listForUser(scope, LATEST), ctx.repos.notifications.unreadCount(scope)]);
      return { notifications: records.flatMap((r) => present(r) ?? []), unreadCount };
    },
  });

  api.post('/api/notifications/:notificationId/read', {
    config: { action: 'notifications.read' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      params: notificationParams,
      body: z.object({}).optional(),
      response: { 200: notificationReadResponse, ...errors },
    },
    handler: async (request) => {
      const scope = notificationScope(request);
      // Someone else's notification looks exactly like one that does not exist.
      if (!(await ctx.repos.notifications.markRead(scope, request.params.notificationId, ctx.now()))) throw notFound();
      return { ok: true as const, unreadCount: await ctx.repos.notifications.unreadCount(scope) };
    },
  });

  api.post('/api/notifications/read-all', {
    config: { action: 'notifications.read' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark all my notifications at the school I act for read',
      body: z.object({}).optional(),
      response: { 200: notificationReadResponse, ...errors },
    },
    handler: async (request) => {
      const scope = notificationScope(request);
      await ctx.repos.notifications.markAllRead(scope, ctx.now());
      return { ok: true as const, unreadCount: await ctx.repos.notifications.unreadCount(scope) };
    },
  });

  api.get('/api/notifications/mail-settings', {
    config: { action: 'notifications.settings' },
    schema: {
      tags: ['notifications'],
      summary: 'How often I get mail about my notifications',
      response: { 200: mailSettings, ...errors },
    },
    handler: async (request) => {
      const { userId } = notificationScope(request);
      return { frequency: await mailFrequencyOf(ctx, userId), mailConfigured: ctx.mailer !== null };
    },
  });

  api.put('/api/notifications/mail-settings', {
    config: { action: 'notifications.settings' },
    schema: {
      tags: ['notifications'],
      summary: 'Choose how often I get mail about my notifications: at once, a daily digest, or none',
      body: mailSettingsUpdate,
      response: { 200: mailSettings, ...errors, 400: errorBody },
    },
    handler: async (request) => {
      const { userId } = notificationScope(request);
      await ctx.repos.users.setMailFrequency(userId, request.body.frequency);
      await auditRequest(ctx, request, { action: 'notifications.settings.update', outcome: 'success', subjectId: userId });
      return { frequency: request.body.frequency, mailConfigured: ctx.mailer !== null };
    },
  });
}
