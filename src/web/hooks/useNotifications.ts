import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification, NotificationReadResponse, NotificationsResponse } from '../../contract/notifications.js';
import { getNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.js';
import { queryKeys } from '../api/query-keys.js';
import { formatDate, todayAtSchool } from '../pages/pupils/dates.js';

/** How often the header asks whether there is something new. */
const POLL_MS = 60_000;

/**
 * My notifications at the school I act for: the header's count and the page's list share one
 * answer, asked again every minute while Meldpad is open.
 */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: getNotifications,
    enabled,
    staleTime: 10_000,
    refetchInterval: POLL_MS,
  });
}

/** Marks one notification read (or all of them, without an id), and shows it at once in the header and the list. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string | null) => (notificationId === null ? markAllNotificationsRead() : markNotificationRead(notificationId)),
    onSuccess: (answer: NotificationReadResponse, notificationId) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<NotificationsResponse>(queryKeys.notifications, (current) =>
        current
          ? {
              unreadCount: answer.unreadCount,
              notifications: current.notifications.map((n) => (n.readAt === null && (notificationId === null || n.id === notificationId) ? { ...n, readAt } : n)),
            }
          : current,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}

const SENTENCE = {
  'case.started': 'notifications.kinds.caseStarted',
  'case.casushouder-assigned': 'notifications.kinds.casushouderAssigned',
  'case.team-added': 'notifications.kinds.teamAdded',
  'case.break-glass': 'notifications.kinds.breakGlass',
  'agreement.due': 'notifications.kinds.agreementDue',
  'monitoring.due': 'notifications.kinds.monitoringDue',
  'report.feedback-due': 'notifications.kinds.reportFeedbackDue',
  'risk-index.lapsing': 'notifications.kinds.riskIndexLapsing',
  'aftercare.review-due': 'notifications.kinds.aftercareReviewDue',
  'parent-conversation.reconsider': 'notifications.kinds.parentConversationReconsider',
  'retention.due': 'retention.notifications.due',
  'retention.escalated': 'retention.notifications.escalated',
} as const satisfies Record<Notification['kind'], string>;

const SENTENCE_ON_DATE = {
  'agreement.due': 'notifications.kinds.agreementDueOn',
  'monitoring.due': 'notifications.kinds.monitoringDueOn',
} as const;

/**
 * The sentence for a notification, written here from its kind: the server stores no names or
 * content in a notification. A reminder says "today" on its own day and the date after it.
 */
export function useNotificationText(): (notification: Pick<Notification, 'kind' | 'dueOn'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (notification) => {
      const { kind, dueOn } = notification;
      if ((kind === 'agreement.due' || kind === 'monitoring.due') && dueOn !== null && dueOn !== todayAtSchool()) {
        return t(SENTENCE_ON_DATE[kind], { date: formatDate(dueOn) });
      }
      return t(SENTENCE[kind]);
    },
    [t],
  );
}
