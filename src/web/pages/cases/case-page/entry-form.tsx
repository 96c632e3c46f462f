import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedEntryInput } from '../../../../contract/cases.js';
import type { RecordedEntryKind } from '../../../../domain/cases/case-entry.js';
import { ApiError } from '../../../api/client.js';
import { correctEntry, recordEntry } from '../../../api/cases.js';
import { queryKeys } from '../../../api/query-keys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { serverField, TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';

/** A message per field name; a field without one is fine. */
export type FieldErrors = Partial<Record<string, string>>;

/** After any change to a case: the page and every list that shows it. */
export function refreshCase(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.cases });
}

/** Puts the focus on a field, or on the first control of a group of checkboxes or radios. */
export function focusField(idPrefix: string, field: string): void {
  const id = `${idPrefix}-${field}`;
  const element =
    document.getElementById(id) ??
    document.querySelector<HTMLElement>(`input[id^="${CSS.escape(id)}-"], select[id^="${CSS.escape(id)}-"], textarea[id^="${CSS.escape(id)}-"]`);
  if (element && typeof element.focus === 'function') element.focus();
}

/**
 * The form field a server error names: "body.advice" → "advice"; a field inside a list
 * ("monitoring.0.dueOn") → "monitoring-0-dueOn" when the form has one by that name.
 */
function fieldOf(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  const path = error.field.replace(/^body\./, '').split('.');
  const joined = path.join('-');
  if (fields.includes(joined)) return joined;
  return serverField(error, fields);
}

/**
 * What a server error says about the form: a message beside the field it names, or an alert above
 * the form. Whatever the person typed stays where it is.
 */
export function useServerErrors(idPrefix: string, fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<unknown>(null);

  function show(error: unknown) {
    const field = fieldOf(error, fields);
    if (field && error instanceof ApiError) {
      setAlert(null);
      setErrors({ [field]: error.message });
      // After React has shown the message, so the field is read with it.
      window.setTimeout(() => focusField(idPrefix, field), 0);
    } else {
      setErrors({});
      setAlert(error);
    }
  }

  /** Shows the form's own checks; true when there was nothing to say. */
  function check(found: FieldErrors): boolean {
    const first = fields.find((field) => found[field]) ?? Object.keys(found).find((field) => found[field]);
    setAlert(null);
    setErrors(found);
    if (first) {
      window.setTimeout(() => focusField(idPrefix, first), 0);
      return false;
    }
    return true;
  }

  return { errors, alert, show, check, clear: () => (setErrors({}), setAlert(null)) };
}

type EntryFormOptions = {
  kind: RecordedEntryKind;
  /** The entry being corrected; null for a new one. */
  entryId: string | null;
  idPrefix: string;
  /** The body's fields, in the order of the form (for focus and server errors). */
  fields: readonly string[];
  onSaved: () => void;
};

/** Saving a new entry or a correction (a new version, with the reason), with the form's errors. */
export function useEntryForm({ kind, entryId, idPrefix, fields, onSaved }: EntryFormOptions) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const correcting = entryId !== null;
  const problems = useServerErrors(idPrefix, [...fields, 'reason']);

  const mutation = useMutation({
    mutationFn: ({ body, why }: { body: Record<string, unknown>; why: string }): Promise<unknown> =>
      entryId !== null ? correctEntry(caseId, entryId, body, why) : recordEntry(caseId, { kind, body } as RecordedEntryInput),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: problems.show,
  });

  /** Checks the form (and the reason of a correction), then saves. */
  function submit(event: FormEvent<HTMLFormElement>, validate: () => FieldErrors, body: () => Record<string, unknown>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = validate();
    if (correcting && reason.trim() === '') found['reason'] = t('casePage.form.reasonRequired');
    if (!problems.check(found)) return;
    mutation.mutate({ body: body(), why: reason.trim() });
  }

  return { errors: problems.errors, alert: problems.alert, reason, setReason, correcting, pending: mutation.isPending, submit };
}

type FormShellProps = {
  idPrefix: string;
  title: string;
  intro?: ReactNode;
  alert: unknown;
  /** With a correction: the reason field, required. */
  correction?: { reason: string; onReason: (value: string) => void; error: string | undefined } | null;
  pending: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  testId?: string;
  children: ReactNode;
};

/** The frame of every form on the case page: a titled panel, the fields, the reason of a correction, save and cancel. */
export function FormShell({ idPrefix, title, intro, alert, correction, pending, submitLabel, onSubmit, onCancel, testId, children }: FormShellProps) {
  const { t } = useTranslation();
  return (
    <form className="form case-form" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title`} data-testid={testId}>
      <h4 id={`${idPrefix}-title`} className="case-form-title">
        {title}
      </h4>
      {intro}
      <ErrorAlert error={alert} />
      {children}
      {correction && (
        <TextAreaField
          id={`${idPrefix}-reason`}
          label={t('casePage.form.reasonLabel')}
          hint={t('casePage.form.reasonHint')}
          rows={2}
          maxLength={1000}
          required
          value={correction.reason}
          onChange={(event) => correction.onReason(event.target.value)}
          error={correction.error ?? null}
          data-testid="correction-reason"
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending} data-testid={testId ? `${testId}-save` : undefined}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A yyyy-mm-dd date a person filled in: present, real and (for something that happened) not in the future. */
export function checkPastDate(value: string, today: string, t: (key: 'casePage.form.dateRequired' | 'casePage.form.dateInFuture') => string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return t('casePage.form.dateRequired');
  if (value > today) return t('casePage.form.dateInFuture');
  return undefined;
}
