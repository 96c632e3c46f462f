import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolSettingsResponse } from '../../../contract/administration.js';
import { VEILIG_THUIS_NATIONAL_PHONE } from '../../../domain/school/local-parties.js';
import { getSchoolSettings, updateSchoolSettings } from '../../api/administration.js';
import { ApiError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';

type Settings = SchoolSettingsResponse['settings'];
type Field = keyof Settings;
type Values = Record<Field, string>;

/** The fields in the order of the form, in two groups: the school itself and its local partners. */
const SCHOOL_FIELDS = ['name', 'brin', 'region'] as const satisfies readonly Field[];
const PARTNER_FIELDS = ['veiligThuisRegion', 'veiligThuisPhone', 'riskIndexName', 'wijkteam', 'youthProtection', 'smwOrganisation'] as const satisfies readonly Field[];
const FIELDS: readonly Field[] = [...SCHOOL_FIELDS, ...PARTNER_FIELDS];

const AUTOCOMPLETE: Partial<Record<Field, string>> = { name: 'organization', veiligThuisPhone: 'off' };

function valuesOf(settings: Settings): Values {
  return Object.fromEntries(FIELDS.map((field) => [field, settings[field] ?? ''])) as Values;
}

/** Which of our fields a server error's `field` points at ("body.veiligThuisPhone" → veiligThuisPhone). */
function fieldOf(serverField: string | undefined): Field | null {
  const last = serverField?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

export default function SchoolSettingsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!me.abilities['school.settings.read']) return <NotAllowed title={t('school.title')} />;
  return <SchoolSettings />;
}

function SchoolSettings() {
  const { t } = useTranslation();
  usePageTitle(t('school.title'));
  const settings = useQuery({ queryKey: queryKeys.schoolSettings, queryFn: getSchoolSettings, staleTime: 0 });

  return (
    <div className="page">
      <PageHeading>{t('school.title')}</PageHeading>
      <p className="lead">{t('school.intro')}</p>
      {settings.isPending && <PageLoading />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.data &&
        (settings.data.abilities['school.settings.update'] ? (
          <SettingsForm data={settings.data} />
        ) : (
          <SettingsList data={settings.data} />
        ))}
    </div>
  );
}

function useFieldText() {
  const { t } = useTranslation();
  return (field: Field) => ({ label: t(`school.fields.${field}.label`), hint: t(`school.fields.${field}.hint`) });
}

function SettingsList({ data }: { data: SchoolSettingsResponse }) {
  const { t } = useTranslation();
  const fieldText = useFieldText();
  const sections = [
    { id: 'school-facts', title: t('school.schoolLegend'), fields: SCHOOL_FIELDS },
    { id: 'school-partners', title: t('school.partnersLegend'), fields: PARTNER_FIELDS },
  ];
  return (
    <>
      <p className="muted">{t('school.readOnly')}</p>
      {sections.map((section) => (
        <section key={section.id} className="card" aria-labelledby={section.id}>
          <h2 id={section.id} className="section-title">
            {section.title}
          </h2>
          <dl className="facts" data-testid={section.id}>
            {section.fields.map((field) => {
              const value = data.settings[field];
              return (
                <div key={field} className="facts-row">
                  <dt>{fieldText(field).label}</dt>
                  <dd>
                    {field === 'veiligThuisPhone' ? (
                      <>
                        <a className="tel" href={`tel:${data.veiligThuisPhoneInEffect.replace(/[^\d+]/g, '')}`} data-testid="school-veilig-thuis-phone">
                          {data.veiligThuisPhoneInEffect}
                        </a>
                        {value === null && <span className="muted"> {t('school.nationalNumber')}</span>}
                      </>
                    ) : value ? (
                      value
                    ) : (
                      <span className="muted">{t('school.notFilledIn')}</span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

function SettingsForm({ data }: { data: SchoolSettingsResponse }) {
  const { t } = useTranslation();
  const fieldText = useFieldText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(data.settings));
  const [problem, setProblem] = useState<{ alert: unknown; field: Field | null; required?: boolean } | null>(null);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation({
    mutationFn: updateSchoolSettings,
    onSuccess: (next) => {
      setSaved(true);
      // The safety box and this page read the same cache: both show the new number at once.
      queryClient.setQueryData(queryKeys.schoolSettings, next);
    },
    onError: (error) => {
      const field = error instanceof ApiError ? fieldOf(error.field) : null;
      setProblem({ alert: error, field });
      // The form is long: take the person to the field the server refused.
      if (field) document.getElementById(`school-${field}`)?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSaved(false);
    if (values.name.trim() === '') {
      setProblem({ alert: { message: t('errors.requiredSummary') }, field: 'name', required: true });
      document.getElementById('school-name')?.focus();
      return;
    }
    setProblem(null);
    // Empty fields are sent as empty strings; the server stores them as "not filled in".
    mutation.mutate(Object.fromEntries(FIELDS.map((field) => [field, values[field].trim()])) as Values);
  }

  function field(name: Field) {
    const text = fieldText(name);
    const isProblem = problem?.field === name;
    return (
      <TextField
        key={name}
        id={`school-${name}`}
        label={text.label}
        hint={text.hint || undefined}
        type={name === 'veiligThuisPhone' ? 'tel' : 'text'}
        autoComplete={AUTOCOMPLETE[name] ?? 'off'}
        required={name === 'name'}
        value={values[name]}
        onChange={(event) => {
          const value = event.target.value;
          setSaved(false);
          setValues((current) => ({ ...current, [name]: value }));
        }}
        error={isProblem && problem?.required ? t('errors.required') : null}
        invalid={isProblem}
      />
    );
  }

  return (
    <section className="card" aria-labelledby="school-form-title">
      <h2 id="school-form-title" className="sr-only">
        {t('school.formTitle')}
      </h2>
      <form className="form form-narrow" noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend className="legend legend-spaced">{t('school.schoolLegend')}</legend>
          {SCHOOL_FIELDS.map(field)}
        </fieldset>
        <hr className="form-divider" />
        <fieldset className="fieldset">
          <legend className="legend legend-spaced">{t('school.partnersLegend')}</legend>
          <p className="fieldset-intro">{t('school.partnersExplain', { phone: VEILIG_THUIS_NATIONAL_PHONE })}</p>
          {PARTNER_FIELDS.map(field)}
        </fieldset>
        {/* Beside the button that was pressed: the form is longer than a screen. */}
        {saved && <Notice tone="success">{t('school.saved')}</Notice>}
        {problem && <ErrorAlert error={problem.alert} />}
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="school-save" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('school.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
