import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { getSetupStatus, setUp } from '../api/setup.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextField } from '../components/TextField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import type { NoticeState } from '../routing/notices.js';

const FIELDS = ['boardName', 'schoolName', 'name', 'email', 'password', 'passwordRepeat'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = { boardName: '', schoolName: '', name: '', email: '', password: '', passwordRepeat: '' };

/** The one-time setup token travels in the fragment (#token=...), which never reaches a server log. */
function tokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

/** Which of our fields a server error's `field` points at ("admin.password" → password). */
function fieldOf(serverField: string | undefined): Field | null {
  if (!serverField) return null;
  const last = serverField.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

export function SetupPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const token = tokenFrom(location.hash);
  const status = useQuery({ queryKey: queryKeys.setupStatus, queryFn: getSetupStatus });

  const alreadySetUp = status.data?.needed === false;
  const title = alreadySetUp ? t('setup.alreadyTitle') : token === null ? t('setup.noTokenTitle') : t('setup.title');
  usePageTitle(title);

  if (status.isPending) {
    return (
      <p role="status" className="loading">
        {t('setup.checking')}
      </p>
    );
  }

  if (alreadySetUp) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <p>{t('setup.alreadyText')}</p>
        <p>
          <Link to="/login" className="button button-primary">
            {t('setup.toLogin')}
          </Link>
        </p>
      </>
    );
  }

  if (token === null) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <ErrorAlert error={status.error} />
        <p>{t('setup.noTokenText')}</p>
        <p>{t('setup.noTokenOpenInFull')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ErrorAlert error={status.error} />
      <SetupForm token={token} />
    </>
  );
}

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problem, setProblem] = useState<{ alert: unknown; fields: Partial<Record<Field, string | true>> } | null>(null);

  const mutation = useMutation({
    mutationFn: setUp,
    onSuccess: async () => {
      const state: NoticeState = { notice: 'setup-done' };
      await navigate('/login', { replace: true, state });
      await queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus });
    },
    onError: async (error) => {
      const field = error instanceof ApiError ? fieldOf(error.field) : null;
      setProblem({ alert: error, fields: field ? { [field]: true } : {} });
      if (error instanceof ApiError && error.code === 'already-set-up') {
        await queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus });
      }
    },
  });

  function update(field: Field) {
    return (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const missing = FIELDS.filter((field) => values[field].trim() === '');
    if (missing.length > 0) {
      setProblem({
        alert: { message: t('errors.requiredSummary') },
        fields: Object.fromEntries(missing.map((field) => [field, t('errors.required')])),
      });
      return;
    }
    if (values.password !== values.passwordRepeat) {
      setProblem({ alert: { message: t('setup.passwordMismatch') }, fields: { passwordRepeat: true } });
      return;
    }
    setProblem(null);
    mutation.mutate({
      token,
      boardName: values.boardName.trim(),
      schoolName: values.schoolName.trim(),
      admin: { name: values.name.trim(), email: values.email.trim(), password: values.password },
    });
  }

  const fieldError = (field: Field) => {
    const mark = problem?.fields[field];
    return typeof mark === 'string' ? mark : null;
  };
  const fieldInvalid = (field: Field) => problem?.fields[field] !== undefined;

  return (
    <>
      <p>{t('setup.intro')}</p>
      {problem && <ErrorAlert error={problem.alert} />}
      <form className="form" noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend className="legend">{t('setup.orgLegend')}</legend>
          <TextField
            id="setup-board-name"
            label={t('setup.boardName')}
            hint={t('setup.boardNameHint')}
            autoComplete="organization"
            required
            value={values.boardName}
            onChange={update('boardName')}
            error={fieldError('boardName')}
            invalid={fieldInvalid('boardName')}
          />
          <TextField
            id="setup-school-name"
            label={t('setup.schoolName')}
            hint={t('setup.schoolNameHint')}
            autoComplete="off"
            required
            value={values.schoolName}
            onChange={update('schoolName')}
            error={fieldError('schoolName')}
            invalid={fieldInvalid('schoolName')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="legend">{t('setup.adminLegend')}</legend>
          <p className="fieldset-intro">{t('setup.adminExplain')}</p>
          <TextField
            id="setup-admin-name"
            label={t('setup.adminName')}
            autoComplete="name"
            required
            value={values.name}
            onChange={update('name')}
            error={fieldError('name')}
            invalid={fieldInvalid('name')}
          />
          <TextField
            id="setup-admin-email"
            label={t('setup.email')}
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.email}
            onChange={update('email')}
            error={fieldError('email')}
            invalid={fieldInvalid('email')}
          />
          <TextField
            id="setup-admin-password"
            label={t('setup.password')}
            hint={t('setup.passwordHint')}
            type="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={update('password')}
            error={fieldError('password')}
            invalid={fieldInvalid('password')}
          />
          <TextField
            id="setup-admin-password-repeat"
            label={t('setup.passwordRepeat')}
            type="password"
            autoComplete="new-password"
            required
            value={values.passwordRepeat}
            onChange={update('passwordRepeat')}
            error={fieldError('passwordRepeat')}
            invalid={fieldInvalid('passwordRepeat')}
          />
        </fieldset>
        <button type="submit" className="button button-primary button-block" data-testid="setup-submit">
          {mutation.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </>
  );
}
