import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../contract/notifications.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../components/NotAllowed.js';
import { PageHeading } from '../components/PageHeading.js';
import { useFormatDateTime } from '../hooks/useFormat.js';
import { useSignedInMe } from '../hooks/useMe.js';
import { useMarkNotificationsRead, useNotifications, useNotificationText } from '../hooks/useNotifications.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { MailSettingsSection } from './notifications/MailSettingsSection.js';

/** "Berichten": my latest notifications at this school, newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const notifications = useNotifications(me.school !== null);
  const markRead = useMarkNotificationsRead();
  usePageTitle(t('notifications.title'));

  if (me.school === null) return <NotAllowed title={t('notifications.title')} />;
  const data = notifications.data;
  return (
    <div className="page">
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{t('notifications.intro')}</p>
      {notifications.isPending && <PageLoading />}
      {notifications.isError && data === undefined && <ErrorAlert error={notifications.error} />}
      {data && (
        <section className="card card-flush notifications" aria-labelledby="notifications-list-title">
          <div className="notifications-toolbar">
            <h2 id="notifications-list-title" className="section-title card-flush-title" data-testid="notifications-summary">
              {data.unreadCount > 0 ? t('notifications.unreadSummary', { unread: data.unreadCount }) : t('notifications.allReadSummary')}
            </h2>
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="notifications-read-all"
              disabled={data.unreadCount === 0 || markRead.isPending}
              onClick={() => markRead.mutate(null)}
            >
              {t('notifications.markAllRead')}
            </button>
          </div>
          {markRead.isError && <ErrorAlert error={markRead.error} />}
          {data.notifications.length === 0 ? (
            <p className="notifications-none">{t('notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {data.notifications.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onRead={(id) => markRead.mutate(id)} />
              ))}
            </ul>
          )}
        </section>
      )}
      <MailSettingsSection />
    </div>
  );
}

function NotificationItem({ notification, onRead }: { notification: Notification; onRead: (id: string) => void }) {
  const { t } = useTranslation();
  const text = useNotificationText();
  const formatDateTime = useFormatDateTime();
  const unread = notification.readAt === null;
  const sentence = text(notification);
  return (
    <li className={unread ? 'notification notification-unread' : 'notification'} data-testid="notification" data-kind={notification.kind} data-unread={unread}>
      <div className="notification-main">
        {unread && <span className="badge badge-new">{t('notifications.unread')}</span>}
        {notification.caseId ? (
          // Opening the case marks it read; a new tab (ctrl-click) does too.
          <Link to={`/casussen/${encodeURIComponent(notification.caseId)}`} className="notification-text" onClick={() => {
              if (unread) onRead(notification.id);
            }}>
            {sentence}
          </Link>
        ) : (
          <span className="notification-text">{sentence}</span>
        )}
      </div>
      <div className="notification-meta">
        <time dateTime={notification.createdAt} className="muted">
          {formatDateTime(notification.createdAt)}
        </time>
        {unread && !notification.caseId && (
          <button type="button" className="button button-secondary button-compact" onClick={() => onRead(notification.id)}>
            {t('notifications.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}
