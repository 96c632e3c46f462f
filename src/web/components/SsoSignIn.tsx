import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { getSsoProviders, startSso } from '../api/sso.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorAlert } from './ErrorAlert.js';

type Provider = { id: string; name: string };

/**
 * One button per identity provider the administrator enabled: "Aanmelden met {name}". Pressing it
 * asks the server to start the sign-in, then takes the browser to the provider.
 */
export function SsoSignInOptions() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: queryKeys.ssoProviders, queryFn: getSsoProviders, staleTime: 60_000 });
  const start = useMutation({
    mutationFn: (provider: Provider) => startSso(provider.id),
    onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
  });

  const list = providers.data?.providers ?? [];
  if (list.length === 0) return null;
  // After a successful start the browser is on its way; the buttons stay off until it has gone.
  const busy = start.isPending || start.isSuccess;
  return (
    <section className="sso" aria-labelledby="sso-title">
      <h2 id="sso-title" className="sso-title">
        {t('login.ssoTitle')}
      </h2>
      <ErrorAlert error={start.error} />
      <ul className="sso-list">
        {list.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className="button button-secondary button-block"
              data-testid="sso-start"
              disabled={busy}
              onClick={() => start.mutate(provider)}
            >
              {busy && start.variables?.id === provider.id ? t('login.ssoRedirecting', { name: provider.name }) : t('login.ssoButton', { name: provider.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export type SsoOutcome = 'refused' | 'failed';

/**
 * What the server's callback said, in the fragment (#sso=refused or #sso=failed) so that it is never
 * sent to a server or logged. Read once; the fragment is then removed, so a reload does not repeat it.
 */
export function useSsoOutcome(): SsoOutcome | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [outcome] = useState<SsoOutcome | null>(() => (location.hash === '#sso=refused' ? 'refused' : location.hash === '#sso=failed' ? 'failed' : null));
  useEffect(() => {
    if (location.hash.startsWith('#sso=')) void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true, state: location.state as unknown });
  }, [location, navigate]);
  return outcome;
}

/** The message for the outcome, as an alert. */
export function SsoOutcomeAlert({ outcome }: { outcome: SsoOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return <ErrorAlert error={{ message: outcome === 'refused' ? t('login.ssoRefused') : t('login.ssoFailed') }} />;
}
