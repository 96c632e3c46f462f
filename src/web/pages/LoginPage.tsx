import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { login } from '../api/auth.js';
import { queryKeys } from '../api/query-keys.js';
import { getSetupStatus } from '../api/setup.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { SsoOutcomeAlert, SsoSignInOptions, useSsoOutcome } from '../components/SsoSignIn.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { emailOf, noticeOf } from '../routing/notices.js';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const notice = noticeOf(location.state);
  const ssoOutcome = useSsoOutcome();
  const setupStatus = useQuery({ queryKey: queryKeys.setupStatus, queryFn: getSetupStatus });

  const [email, setEmail] = useState(() => emailOf(location.state));
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email: boolean; password: boolean } | null>(null);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      // Whatever was known before belongs to no one now.
      queryClient.removeQueries({ queryKey: queryKeys.me });
      queryClient.removeQueries({ queryKey: queryKeys.totpEnrol });
      await navigate(result.next === 'enrol-totp' ? '/login/enrol' : '/login/code');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const empty = { email: email.trim() === '', password: password === '' };
    if (empty.email || empty.password) {
      setMissing(empty);
      mutation.reset();
      return;
    }
    setMissing(null);
    mutation.mutate({ email: email.trim(), password });
  }

  const notSetUp = setupStatus.data?.needed === true;

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      {notice === 'setup-done' && <Notice tone="success">{t('setup.done')}</Notice>}
      {notice === 'signed-out' && <Notice tone="success">{t('login.signedOut')}</Notice>}
      {notice === 'restart' && <Notice tone="info">{t('login.restart')}</Notice>}
      {notice === 'account-created' && <Notice tone="success">{t('login.accountCreated')}</Notice>}
      {notice === 'password-set' && <Notice tone="success">{t('login.passwordSet')}</Notice>}
      <SsoOutcomeAlert outcome={ssoOutcome} />
      {notSetUp ? (
        <Notice tone="info">{t('login.notSetUp')}</Notice>
      ) : (
        <>
          <ErrorAlert error={missing ? { message: t('errors.requiredSummary') } : mutation.error} />
          <form className="form" noValidate onSubmit={submit}>
            <TextField
              id="login-email"
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={missing?.email ? t('errors.required') : null}
            />
            <TextField
              id="login-password"
              label={t('login.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={missing?.password ? t('errors.required') : null}
            />
            <button type="submit" className="button button-primary button-block" data-testid="login-submit">
              {mutation.isPending ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
          <SsoSignInOptions />
          <p className="form-help">{t('login.help')}</p>
        </>
      )}
    </>
  );
}
