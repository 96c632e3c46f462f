import type { MailSettings, NotificationReadResponse, NotificationsResponse } from '../../contract/notifications.js';
import { request } from './client.js';

/** My latest notifications ("berichten") at the school I act for, and how many are unread. */
export function getNotifications(): Promise<NotificationsResponse> {
  return request('GET', '/api/notifications');
}

export function markNotificationRead(notificationId: string): Promise<NotificationReadResponse> {
  return request('POST', `/api/notifications/${encodeURIComponent(notificationId)}/read`);
}

export function markAllNotificationsRead(): Promise<NotificationReadResponse> {
  return request('POST', '/api/notifications/read-all');
}

/** How often I get mail about my notifications. */
export function getMailSettings(): Promise<MailSettings> {
  return request('GET', '/api/notifications/mail-settings');
}

export function updateMailSettings(frequency: MailSettings['frequency']): Promise<MailSettings> {
  return request('PUT', '/api/notifications/mail-settings', { frequency });
}
