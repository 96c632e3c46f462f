import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider, IdentityProvidersResponse } from '../../../contract/sso.js';
import { IDENTITY_PROVIDER_KINDS, type IdentityProviderKind } from '../../../domain/auth/sso-identity.js';
import { ApiError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { createIdentityProvider, getIdentityProviders, setIdentityProviderEnabled, updateIdentityProvider } from '../../api/sso.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableCard } from '../../components/TableCard.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useElevatedMutation } from '../../dialogs/ElevationProvider.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';

/** The issuer every Google Workspace organisation shares; offered when the kind is chosen. */
const GOOGLE_ISSUER = 'https://accounts.google.com';

export default function IdentityProvidersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!me.abilities['sso.providers.manage']) return <NotAllowed title={t('sso.title')} />;
  return <IdentityProviders boardName={me.board.name} />;
}

function IdentityProviders({ boardName }: { boardName: string }) {
  const { t } = useTranslation();
  usePageTitle(t('sso.title'));
  const providers = useQuery({ queryKey: queryKeys.identityProviders, queryFn: getIdentityProviders, staleTime: 0 });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="page">
      <div className="page-title-row">
        <PageHeading>{t('sso.title')}</PageHeading>
        <button
          type="button"
          className="button button-primary"
          aria-expanded={adding}
          aria-controls="sso-add"
          data-testid="sso-add-open"
          onClick={() => {
            setNotice(null);
            setAdding((open) => !open);
          }}
        >
          {t('sso.add')}
        </button>
      </div>
      <p className="lead">{t('sso.intro')}</p>
      <p className="muted">{t('sso.board', { board: boardName })}</p>
      {notice && <Notice tone="success">{notice}</Notice>}
      {providers.isPending && <PageLoading />}
      {providers.isError && <ErrorAlert error={providers.error} />}
      {providers.data && (
        <>
          {adding && (
            <section id="sso-add" className="card" aria-labelledby="sso-add-title">
              <h2 id="sso-add-title" className="section-title">
                {t('sso.addTitle')}
              </h2>
              <ProviderForm
                idPrefix="new-provider"
                onCancel={() => setAdding(false)}
                onSaved={(name) => {
                  setAdding(false);
                  setNotice(t('sso.added', { name }));
                }}
              />
            </section>
          )}
          <ProvidersTable data={providers.data} onNotice={setNotice} />
          <section className="card" aria-labelledby="sso-setup-title">
            <h2 id="sso-setup-title" className="section-title">
              {t('sso.setupTitle')}
            </h2>
            <p>{t('sso.setupText')}</p>
            <dl className="facts">
              <div className="facts-row">
                <dt>{t('sso.redirectUri')}</dt>
                <dd>
                  <code className="sso-redirect-uri" data-testid="sso-redirect-uri">
                    {providers.data.redirectUri}
                  </code>
                </dd>
              </div>
            </dl>
          </section>
        </>
      )}
    </div>
  );
}

function ProvidersTable({ data, onNotice }: { data: IdentityProvidersResponse; onNotice: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const confirm = useConfirm();
  const queryClient = useQueryClient();

  const toggle = useElevatedMutation({
    mutationFn: (provider: IdentityProvider) => setIdentityProviderEnabled(provider.id, !provider.enabled),
    onSuccess: (_r, provider) => onNotice(provider.enabled ? t('sso.disabled', { name: provider.name }) : t('sso.enabled', { name: provider.name })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.identityProviders });
      await queryClient.invalidateQueries({ queryKey: queryKeys.ssoProviders });
    },
  });

  async function askToggle(provider: IdentityProvider) {
    onNotice(null);
    if (provider.enabled) {
      const yes = await confirm({ title: t('sso.disableTitle', { name: provider.name }), body: <p>{t('sso.disableText')}</p>, confirmLabel: t('sso.disable') });
      if (!yes) return;
    }
    toggle.mutate(provider);
  }

  if (data.providers.length === 0) return <p className="card">{t('sso.none')}</p>;

  return (
    <TableCard
      titleId="sso-table-title"
      title={t('sso.tableTitle', { count: data.providers.length })}
      error={toggle.isError ? toggle.error : null}
      testId="sso-table"
      columns={[{ label: t('sso.col.name') }, { label: t('sso.col.kind') }, { label: t('sso.col.mfa') }, { label: t('sso.col.status') }]}
      actions={{}}
      rows={
        <>
            {data.providers.map((provider) => {
              const open = openId === provider.id;
              const panelId = `sso-provider-${provider.id}`;
              return (
                <Fragment key={provider.id}>
                  <tr className={open ? 'row-open' : undefined} data-testid="sso-row" data-name={provider.name}>
                    <th scope="row">{provider.name}</th>
                    <td>{t(`sso.kinds.${provider.kind}`)}</td>
                    <td>{provider.enforcesMfa ? t('sso.mfaTrusted') : t('sso.mfaMeldpad')}</td>
                    <td>
                      <span className={provider.enabled ? 'badge badge-ok' : 'badge badge-off'}>{provider.enabled ? t('sso.on') : t('sso.off')}</span>
                    </td>
                    <td className="cell-action">
                      <div className="sso-actions">
                        <button
                          type="button"
                          className="button button-secondary button-compact"
                          aria-expanded={open}
                          aria-controls={open ? panelId : undefined}
                          data-testid="sso-edit"
                          onClick={() => {
                            onNotice(null);
                            setOpenId(open ? null : provider.id);
                          }}
                        >
                          {open ? t('staff.close') : t('sso.edit')}
                          <span className="sr-only"> {provider.name}</span>
                        </button>
                        <button
                          type="button"
                          className={provider.enabled ? 'button button-danger-outline button-compact' : 'button button-secondary button-compact'}
                          data-testid="sso-toggle"
                          disabled={toggle.isPending}
                          onClick={() => void askToggle(provider)}
                        >
                          {provider.enabled ? t('sso.disable') : t('sso.enable')}
                          <span className="sr-only"> {provider.name}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                  {open && (
                    <tr id={panelId} className="detail-row">
                      <td colSpan={5}>
                        <div className="person-panel">
                          <h3 className="person-panel-title">{t('sso.editTitle', { name: provider.name })}</h3>
                          <ProviderForm
                            idPrefix={`edit-${provider.id}`}
                            provider={provider}
                            onCancel={() => setOpenId(null)}
                            onSaved={(name) => {
                              setOpenId(null);
                              onNotice(t('sso.saved', { name }));
                            }}
                          />
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
        </>
      }
    />
  );
}

type Values = { name: string; kind: IdentityProviderKind; issuer: string; clientId: string; clientSecret: string; enforcesMfa: boolean };
type Field = 'name' | 'issuer' | 'clientId' | 'clientSecret';
type Problem = { alert: unknown; fields: Partial<Record<Field, string | true>> };

/** Name, kind, issuer, client and the MFA promise of a new or existing provider. */
function ProviderForm({ idPrefix, provider, onCancel, onSaved }: { idPrefix: string; provider?: IdentityProvider; onCancel: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mfaHintId = useId();
  const [values, setValues] = useState<Values>(() => ({
    name: provider?.name ?? '',
    kind: provider?.kind ?? 'entra',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    enforcesMfa: provider?.enforcesMfa ?? false,
  }));
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = useElevatedMutation({
    mutationFn: async (body: Values) => {
      if (provider) await updateIdentityProvider(provider.id, body);
      else await createIdentityProvider(body);
    },
    onSuccess: (_r, body) => onSaved(body.name),
    onError: (error) => {
      const field = error instanceof ApiError ? error.field?.split('.').pop() : undefined;
      const known = field === 'name' || field === 'issuer' || field === 'clientId' || field === 'clientSecret' ? field : null;
      setProblem({ alert: error, fields: known ? { [known]: true } : {} });
      if (known) document.getElementById(`${idPrefix}-${known}`)?.focus();
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.identityProviders });
      await queryClient.invalidateQueries({ queryKey: queryKeys.ssoProviders });
    },
  });

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const trimmed = { ...values, name: values.name.trim(), issuer: values.issuer.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret.trim() };
    const required: Field[] = provider ? ['name', 'issuer', 'clientId'] : ['name', 'issuer', 'clientId', 'clientSecret'];
    const missing = required.filter((field) => trimmed[field] === '');
    if (missing.length > 0) {
      setProblem({ alert: { message: t('errors.requiredSummary') }, fields: Object.fromEntries(missing.map((field) => [field, t('errors.required')])) });
      document.getElementById(`${idPrefix}-${missing[0]}`)?.focus();
      return;
    }
    setProblem(null);
    save.mutate(trimmed);
  }

  const fieldError = (field: Field) => {
    const value = problem?.fields[field];
    return typeof value === 'string' ? value : null;
  };
  const invalid = (field: Field) => problem?.fields[field] !== undefined;

  return (
    <>
      {problem && <ErrorAlert error={problem.alert} />}
      <form className="form form-narrow" noValidate onSubmit={submit}>
        <TextField
          id={`${idPrefix}-name`}
          label={t('sso.fields.name.label')}
          hint={t('sso.fields.name.hint')}
          autoComplete="off"
          required
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={fieldError('name')}
          invalid={invalid('name')}
        />
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`} className="field-label">
            {t('sso.fields.kind')}
          </label>
          <select
            id={`${idPrefix}-kind`}
            className="select"
            value={values.kind}
            onChange={(event) => {
              const kind = event.target.value as IdentityProviderKind;
              setValues((current) => ({ ...current, kind, issuer: kind === 'google' && current.issuer.trim() === '' ? GOOGLE_ISSUER : current.issuer }));
            }}
          >
            {IDENTITY_PROVIDER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sso.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${idPrefix}-issuer`}
          label={t('sso.fields.issuer.label')}
          hint={t(`sso.fields.issuer.${values.kind}`)}
          type="url"
          autoComplete="off"
          spellCheck={false}
          required
          value={values.issuer}
          onChange={(event) => set('issuer', event.target.value)}
          error={fieldError('issuer')}
          invalid={invalid('issuer')}
        />
        <TextField
          id={`${idPrefix}-clientId`}
          label={t('sso.fields.clientId.label')}
          hint={t('sso.fields.clientId.hint')}
          autoComplete="off"
          spellCheck={false}
          required
          value={values.clientId}
          onChange={(event) => set('clientId', event.target.value)}
          error={fieldError('clientId')}
          invalid={invalid('clientId')}
        />
        <TextField
          id={`${idPrefix}-clientSecret`}
          label={t('sso.fields.clientSecret.label')}
          hint={provider ? t('sso.fields.clientSecret.hintEdit') : t('sso.fields.clientSecret.hint')}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          required={!provider}
          value={values.clientSecret}
          onChange={(event) => set('clientSecret', event.target.value)}
          error={fieldError('clientSecret')}
          invalid={invalid('clientSecret')}
        />
        <div className="field">
          <div className="checkbox">
            <input
              id={`${idPrefix}-mfa`}
              type="checkbox"
              className="checkbox-input"
              aria-describedby={mfaHintId}
              checked={values.enforcesMfa}
              onChange={(event) => set('enforcesMfa', event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-mfa`} className="checkbox-label">
              {t('sso.fields.mfa.label')}
            </label>
          </div>
          <p id={mfaHintId} className="field-hint sso-mfa-hint">
            {t('sso.fields.mfa.hint')}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="sso-save" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : provider ? t('sso.save') : t('sso.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
