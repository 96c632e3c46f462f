import { z } from 'zod';
import { MAIL_FREQUENCIES } from '../domain/notifications/mail-frequency.js';
import { NOTIFICATION_KINDS } from '../domain/notifications/notification-kinds.js';

export const notificationKind = z.enum(NOTIFICATION_KINDS);

/**
 * One notification ("bericht"): its kind and ids, never names or content. The web app writes the
 * sentence from the kind and links to the case when there is one.
 */
export const notification = z.object({
  id: z.string(),
  kind: notificationKind,
  caseId: z.string().nullable(),
  /** yyyy-mm-dd, for a reminder of a due date. */
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsResponse = z.object({
  /** The latest 50 at the school acted for, newest first. */
  notifications: z.array(notification),
  unreadCount: z.number().int().min(0),
});
export type NotificationsResponse = z.infer<typeof notificationsResponse>;

export const notificationParams = z.object({ notificationId: z.string().min(1).max(64) });

export const notificationReadResponse = z.object({ ok: z.literal(true), unreadCount: z.number().int().min(0) });
export type NotificationReadResponse = z.infer<typeof notificationReadResponse>;

/** How often the person gets mail about their notifications; `mailConfigured` false: this Meldpad sends no mail. */
export const mailSettings = z.object({
  frequency: z.enum(MAIL_FREQUENCIES),
  mailConfigured: z.boolean(),
});
export type MailSettings = z.infer<typeof mailSettings>;

export const mailSettingsUpdate = z.strictObject({ frequency: z.enum(MAIL_FREQUENCIES) });
