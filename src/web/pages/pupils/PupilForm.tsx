import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PupilDetails } from '../../../contract/pupils.js';
import { getGroups } from '../../api/administration.js';
import { ApiError } from '../../api/client.js';
import { createPupil, updatePupil, type PupilBody, type PupilSex } from '../../api/pupils.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TextField } from '../../components/TextField.js';
import { isDate, todayAtSchool } from './dates.js';
import { SelectField, serverField } from './fields.js';

const FIELDS = ['pupilNumber', 'callName', 'givenNames', 'surnamePrefix', 'surname', 'dateOfBirth', 'sex', 'groupId', 'enrolledOn'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const REQUIRED: readonly Field[] = ['pupilNumber', 'callName', 'givenNames', 'surname'];
const DATES: readonly Field[] = ['dateOfBirth', 'enrolledOn'];
const SEXES: readonly PupilSex[] = ['m', 'f', 'x'];

type Problem = { alert: unknown; fields: Partial<Record<Field, string | true>> };

function valuesOf(pupil: PupilDetails | undefined): Values {
  return {
    pupilNumber: pupil?.pupilNumber ?? '',
    callName: pupil?.callName ?? '',
    givenNames: pupil?.givenNames ?? '',
    surnamePrefix: pupil?.surnamePrefix ?? '',
    surname: pupil?.surname ?? '',
    dateOfBirth: pupil?.dateOfBirth ?? '',
    sex: pupil?.sex ?? '',
    groupId: pupil?.groupId ?? '',
    enrolledOn: pupil ? (pupil.enrolledOn ?? '') : todayAtSchool(),
  };
}

function bodyOf(values: Values): PupilBody {
  const sex = values.sex;
  return {
    pupilNumber: values.pupilNumber.trim(),
    callName: values.callName.trim(),
    givenNames: values.givenNames.trim(),
    surnamePrefix: values.surnamePrefix.trim(),
    surname: values.surname.trim(),
    dateOfBirth: values.dateOfBirth || null,
    sex: (SEXES as readonly string[]).includes(sex) ? (sex as PupilSex) : null,
    groupId: values.groupId || null,
    enrolledOn: values.enrolledOn || null,
  };
}

export type SavedPupil = { id: string; displayName: string; groupName: string | null; pupilNumber: string };

type PupilFormProps = {
  /** The pupil to correct (from the pupil page, or from the record for the administrator); without one the form adds a new pupil. */
  pupil?: PupilDetails;
  onSaved: (saved: SavedPupil) => void;
  onCancel?: () => void;
};

/**
 * The details of a pupil as the school's pupil administration keeps them: for adding a pupil by hand
 * and for correcting one. Only the administrator and the IB'er may save it; the server says so.
 */
export function PupilForm({ pupil, onSaved, onCancel }: PupilFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: queryKeys.groups, queryFn: getGroups });
  const [values, setValues] = useState<Values>(() => valuesOf(pupil));
  const [problem, setProblem] = useState<Problem | null>(null);
  const idPrefix = pupil ? 'pupil-edit' : 'pupil-new';
  const today = todayAtSchool();

  const save = useMutation({
    mutationFn: async (body: PupilBody) => (pupil ? (await updatePupil(pupil.id, body), pupil.id) : (await createPupil(body)).id),
    onSuccess: async (id, body) => {
      const groupName = groups.data?.groups.find((group) => group.id === body.groupId)?.name ?? null;
      onSaved({ id, displayName: [body.callName, body.surnamePrefix, body.surname].filter(Boolean).join(' '), groupName, pupilNumber: body.pupilNumber });
      await queryClient.invalidateQueries({ queryKey: ['pupil-search'] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.preventiveOverview });
      if (pupil) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.pupilRecord(pupil.id) });
        // Not a page that answered 404 (the administrator's): refetching it would start it afresh.
        await queryClient.invalidateQueries({ queryKey: queryKeys.pupil(pupil.id), predicate: (query) => query.state.data !== undefined });
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) {
        // Not found = not allowed: only the administrator and the IB'er manage pupils.
        setProblem({ alert: { message: pupil ? t('pupils.form.notAllowedEdit') : t('pupils.form.notAllowedAdd') }, fields: {} });
        return;
      }
      const field = serverField(error, FIELDS);
      setProblem({ alert: error, fields: field ? { [field]: true } : {} });
      if (field) document.getElementById(`${idPrefix}-${field}`)?.focus();
    },
  });

  function set(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const fields: Problem['fields'] = {};
    for (const field of REQUIRED) if (values[field].trim() === '') fields[field] = t('errors.required');
    for (const field of DATES) if (values[field] !== '' && !isDate(values[field])) fields[field] = t('pupils.form.dateInvalid');
    if (values.dateOfBirth && values.dateOfBirth > today) fields.dateOfBirth = t('pupils.form.birthInFuture');
    const first = FIELDS.find((field) => fields[field]);
    if (first) {
      setProblem({ alert: { message: t('errors.requiredSummary') }, fields });
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    setProblem(null);
    save.mutate(bodyOf(values));
  }

  function text(field: Field, extra: { hint?: string; type?: string; max?: string; autoComplete?: string; className?: string } = {}) {
    const mark = problem?.fields[field];
    return (
      <TextField
        id={`${idPrefix}-${field}`}
        label={t(`pupils.form.fields.${field}`)}
        hint={extra.hint}
        type={extra.type ?? 'text'}
        max={extra.max}
        className={extra.className}
        autoComplete={extra.autoComplete ?? 'off'}
        spellCheck={false}
        required={REQUIRED.includes(field)}
        value={values[field]}
        onChange={(event) => set(field, event.target.value)}
        error={typeof mark === 'string' ? mark : null}
        invalid={mark !== undefined}
        data-testid={`${idPrefix}-${field}`}
      />
    );
  }

  const groupChoices = groups.data?.groups ?? [];
  // A group that was archived meanwhile still shows for the pupil who is in it.
  const missingGroup = pupil?.groupId && !groupChoices.some((group) => group.id === pupil.groupId) ? { id: pupil.groupId, name: pupil.groupName ?? pupil.groupId } : null;

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="form-help">
        {t('pupils.form.requiredNote')}
      </p>
      {problem && <ErrorAlert error={problem.alert} />}
      <div className="form-grid">
        {text('pupilNumber', { hint: t('pupils.form.hints.pupilNumber'), className: 'input-short' })}
        <span className="form-grid-spacer" aria-hidden="true" />
        {text('callName', { hint: t('pupils.form.hints.callName') })}
        {text('givenNames', { hint: t('pupils.form.hints.givenNames') })}
        {text('surnamePrefix', { hint: t('pupils.form.hints.surnamePrefix'), className: 'input-short' })}
        {text('surname')}
        {text('dateOfBirth', { type: 'date', max: today, className: 'input-date' })}
        <SelectField
          id={`${idPrefix}-sex`}
          label={t('pupils.form.fields.sex')}
          value={values.sex}
          onChange={(event) => set('sex', event.target.value)}
          invalid={problem?.fields.sex !== undefined}
          className="select-short"
        >
          <option value="">{t('pupils.form.sexUnknown')}</option>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`pupils.sex.${sex}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${idPrefix}-groupId`}
          label={t('pupils.form.fields.groupId')}
          hint={groups.isError ? t('pupils.form.groupsFailed') : undefined}
          value={values.groupId}
          onChange={(event) => set('groupId', event.target.value)}
          invalid={problem?.fields.groupId !== undefined}
          data-testid={`${idPrefix}-groupId`}
        >
          <option value="">{t('pupils.form.noGroup')}</option>
          {missingGroup && <option value={missingGroup.id}>{missingGroup.name}</option>}
          {groupChoices.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </SelectField>
        {text('enrolledOn', { type: 'date', className: 'input-date' })}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid={`${idPrefix}-save`} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : pupil ? t('pupils.form.save') : t('pupils.form.create')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
