import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useNotifications } from '../hooks/useNotifications.js';

/**
 * The bell in the header: a link to the notifications page ("Berichten" — in Meldpad a "melding" is
 * the report to Veilig Thuis) with the number of unread ones, asked again every minute.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { unread }) : t('notifications.bell');
  return (
    <NavLink to="/berichten" className="notification-bell" aria-label={label} data-testid="notification-bell" data-unread={unread}>
      <svg className="notification-bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-1.7 1.7A1 1 0 0 0 4 19.4h16a1 1 0 0 0 .7-1.7L19 16Zm-2 .83.57.57H6.43l.57-.57V11a5 5 0 0 1 10 0v5.83Z"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
