import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { AccountLinkInfo } from '../../contract/administration.js';
import { completeAccountLink, inspectAccountLink } from '../api/administration.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { useRoleNames } from '../hooks/useRoleNames.js';
import type { NoticeState } from '../routing/notices.js';

type Kind = AccountLinkInfo['kind'];

/** The token travels in the fragment (#token=...), which never reaches a server log or a Referer. */
function tokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

/**
 * The page behind an invitation link (/uitnodiging) or a password link (/wachtwoord-instellen):
 * what the link is for, then a new password.
 */
export function AccountLinkPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const location = useLocation();
  const token = tokenFrom(location.hash);
  const info = useQuery({
    queryKey: queryKeys.accountLink(token ?? ''),
    queryFn: () => inspectAccountLink(token!),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const shownKind = info.data?.kind ?? kind;
  const title =
    token === null || info.isError
      ? t('accountLink.invalidTitle')
      : info.data && shownKind === 'invitation'
        ? t('accountLink.invitationTitle', { name: info.data.name })
        : shownKind === 'invitation'
          ? t('accountLink.invitationTitleShort')
          : t('accountLink.passwordTitle');
  usePageTitle(shownKind === 'invitation' && info.data ? t('accountLink.invitationTitleShort') : title);

  if (token === null || info.isError) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <ErrorAlert error={token === null ? { message: t('accountLink.noToken') } : info.error} />
        <p>{t('accountLink.invalidText')}</p>
        <p>
          <Link to="/login" className="button button-primary">
            {t('accountLink.toLogin')}
          </Link>
        </p>
      </>
    );
  }

  if (info.isPending) {
    return (
      <p role="status" className="loading">
        {t('accountLink.checking')}
      </p>
    );
  }

  return (
    <>
      <PageHeading testId="account-link-heading">{title}</PageHeading>
      <LinkIntro info={info.data} />
      <PasswordForm token={token} info={info.data} />
    </>
  );
}

function LinkIntro({ info }: { info: AccountLinkInfo }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  if (info.kind === 'invitation') {
    return (
      <>
        <p>{t('accountLink.invitationText', { school: info.schoolName, roles: roleNames(info.roles) })}</p>
        <p>{t('accountLink.invitationNext')}</p>
      </>
    );
  }
  return <p>{t('accountLink.passwordText', { name: info.name })}</p>;
}

type Field = 'password' | 'passwordRepeat';

function PasswordForm({ token, info }: { token: string; info: AccountLinkInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<{ alert: unknown; fields: Partial<Record<Field, string | true>> } | null>(null);

  const mutation = useMutation({
    mutationFn: () => completeAccountLink(token, password),
    onSuccess: async (result) => {
      const state: NoticeState = { notice: info.kind === 'invitation' ? 'account-created' : 'password-set', email: result.email };
      await navigate('/login', { replace: true, state });
    },
    onError: (error) => setProblem({ alert: error, fields: { password: true } }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const missing = { password: password === '', passwordRepeat: repeat === '' };
    if (missing.password || missing.passwordRepeat) {
      setProblem({
        alert: { message: t('errors.requiredSummary') },
        fields: Object.fromEntries(Object.entries(missing).filter(([, empty]) => empty).map(([field]) => [field, t('errors.required')])),
      });
      return;
    }
    if (password !== repeat) {
      setProblem({ alert: { message: t('setup.passwordMismatch') }, fields: { passwordRepeat: true } });
      return;
    }
    setProblem(null);
    mutation.mutate();
  }

  const fieldError = (field: Field) => {
    const mark = problem?.fields[field];
    return typeof mark === 'string' ? mark : null;
  };

  return (
    <>
      {problem && <ErrorAlert error={problem.alert} />}
      <form className="form" noValidate onSubmit={submit}>
        <TextField id="link-email" label={t('login.email')} type="email" name="username" autoComplete="username" readOnly value={info.email} className="input-readonly" />
        <TextField
          id="link-password"
          label={info.kind === 'invitation' ? t('accountLink.password') : t('accountLink.newPassword')}
          hint={t('setup.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError('password')}
          invalid={problem?.fields.password !== undefined}
        />
        <TextField
          id="link-password-repeat"
          label={t('setup.passwordRepeat')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          error={fieldError('passwordRepeat')}
          invalid={problem?.fields.passwordRepeat !== undefined}
        />
        <button type="submit" className="button button-primary button-block" data-testid="account-link-submit" disabled={mutation.isPending}>
          {mutation.isPending
            ? t('accountLink.submitting')
            : info.kind === 'invitation'
              ? t('accountLink.createAccount')
              : t('accountLink.setPassword')}
        </button>
      </form>
    </>
  );
}
