import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { signalBody } from '../../../../contract/cases.js';
import { correctEntry, recordEntry, type SignalInput } from '../../../api/cases.js';
import { ApiError } from '../../../api/client.js';
import { useSignedInMe } from '../../../hooks/useMe.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { checkSignal, emptySignal, focusFirstProblem, signalFieldOf, SignalFields, signalToSave, type SignalErrors } from '../signal-form/SignalFields.js';
import { useCaseView } from './case-context.js';
import { FormShell, refreshCase } from './entry-form.js';

type SignalBody = z.output<typeof signalBody>;

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: SignalBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** The recorded signal as the form's value: empty text where the record has none. */
function toInput(body: SignalBody): SignalInput {
  return {
    ...body,
    place: body.place ?? '',
    sourceDetail: body.sourceDetail ?? '',
    counterIndications: body.counterIndications ?? '',
    signalItemIds: [...body.signalItemIds],
    bodyMap: body.bodyMap.map((mark) => ({ ...mark })),
  };
}

/** Another signal on the case, or a correction of one: the same fields as when the case started. */
export function SignalForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const [today] = useState(todayAtSchool);
  const [signal, setSignal] = useState<SignalInput>(() => (correcting ? toInput(correcting.body) : emptySignal(today, me.user.name)));
  const [errors, setErrors] = useState<SignalErrors & { reason?: string }>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [reason, setReason] = useState('');

  const save = useMutation({
    mutationFn: (input: { body: SignalInput; why: string }): Promise<unknown> =>
      correcting ? correctEntry(caseId, correcting.entryId, input.body as Record<string, unknown>, input.why) : recordEntry(caseId, { kind: 'signal', body: input.body }),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: (error) => {
      // Whatever was typed stays; the server's message goes beside the field it names.
      const field = signalFieldOf(error);
      if (field && error instanceof ApiError) {
        const next: SignalErrors = { [field]: error.message };
        setErrors(next);
        setProblem(null);
        window.setTimeout(() => focusFirstProblem(idPrefix, next), 0);
        return;
      }
      if (error instanceof ApiError && error.field === 'reason') {
        setErrors({ reason: error.message });
        window.setTimeout(() => document.getElementById(`${idPrefix}-reason`)?.focus(), 0);
        return;
      }
      setProblem(error);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const found: SignalErrors & { reason?: string } = checkSignal(signal, today, t);
    if (correcting && reason.trim() === '') found.reason = t('casePage.form.reasonRequired');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      if (Object.keys(found).some((key) => key !== 'reason')) focusFirstProblem(idPrefix, found);
      else document.getElementById(`${idPrefix}-reason`)?.focus();
      return;
    }
    save.mutate({ body: signalToSave(signal), why: reason.trim() });
  }

  // Enter in a one-line field does not send the form by accident: saving is the button's job.
  function keepEnter(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.signal') })}
      alert={problem}
      correction={correcting ? { reason, onReason: setReason, error: errors.reason } : null}
      pending={save.isPending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={submit}
      onCancel={onCancel}
      testId="signal-form"
    >
      <div onKeyDown={keepEnter}>
        <SignalFields value={signal} onChange={setSignal} errors={errors} idPrefix={idPrefix} today={today} />
      </div>
    </FormShell>
  );
}
