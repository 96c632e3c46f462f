import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeResponse } from '../../contract/auth.js';
import { logout } from '../api/auth.js';
import { isUnauthorized } from '../api/client.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useRoleNames } from '../hooks/useRoleNames.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NotificationBell } from './NotificationBell.js';
import { SchoolSwitcher, schoolsOf } from './SchoolSwitcher.js';

/** Wordmark, the school acted for, the person and their roles, language and sign-out. */
export function AppHeader({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const canSwitch = schoolsOf(me).length > 1 || (me.school === null && schoolsOf(me).length > 0);

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async (_data, error) => {
      if (error && !isUnauthorized(error)) return;
      await navigate('/login', { replace: true, state: { notice: 'signed-out' } });
      // Nothing of this person may stay in memory for whoever uses the browser next.
      queryClient.clear();
    },
  });

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="app-header-context">
          <Link to="/" className="wordmark" aria-label={t('app.homeLink')}>
            {t('app.name')}
          </Link>
          <span className="current-school" data-testid="current-school">
            {me.school?.name ?? me.board.name}
          </span>
        </div>
        <div className="app-header-tools">
          {canSwitch && <SchoolSwitcher me={me} />}
          <NotificationBell />
          <div className="current-person">
            <span className="current-person-name" data-testid="current-user">
              {me.user.name}
            </span>
            <span className="current-person-roles">{roleNames(me.roles)}</span>
          </div>
          <LanguageSwitch />
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="logout"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {signOut.isPending ? t('shell.signingOut') : t('shell.signOut')}
          </button>
        </div>
      </div>
      {signOut.isError && !isUnauthorized(signOut.error) && (
        <div className="app-header-inner">
          <ErrorAlert error={signOut.error} />
        </div>
      )}
    </header>
  );
}
