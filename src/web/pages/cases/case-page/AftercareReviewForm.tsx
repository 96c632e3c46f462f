import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctEntry } from '../../../api/cases.js';
import { TextField } from '../../../components/TextField.js';
import { formatDate, isDate, todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import type { AftercareReview } from './aftercare-entry.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, FormShell, refreshCase, useEntryForm, useServerErrors, type FieldErrors } from './entry-form.js';

const FIELDS = ['dueOn', 'heldOn', 'outcome'] as const;

type Props = {
  idPrefix: string;
  /** A review being corrected from the timeline; null to plan a new one. */
  correcting: { entryId: string; body: AftercareReview } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** Planning a review of the aftercare with the team (or correcting one, from the timeline). */
export function AftercareReviewForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const initial = correcting?.body;
  const today = todayAtSchool();
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? '');
  const [outcome, setOutcome] = useState(initial?.outcome ?? '');
  const form = useEntryForm({ kind: 'aftercare-review', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const r = 'casePage.aftercare.reviews';

  function validate(): FieldErrors {
    return {
      dueOn: !isDate(dueOn) ? t('casePage.form.dateRequired') : !correcting && dueOn < today ? t(`${r}.dueInPast`) : undefined,
      heldOn: heldOn !== '' ? checkPastDate(heldOn, today, t) : undefined,
      outcome: heldOn !== '' && outcome.trim() === '' ? t(`${r}.outcomeRequired`) : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={correcting ? t('casePage.form.correctTitle', { kind: t('casePage.kinds.aftercare-review') }) : t(`${r}.planTitle`)}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t(`${r}.plan`)}
      onSubmit={(event) =>
        form.submit(event, validate, () => (correcting ? { dueOn, heldOn: heldOn === '' ? null : heldOn, outcome: heldOn === '' ? null : outcome.trim() } : { dueOn, heldOn: null, outcome: null }))
      }
      onCancel={onCancel}
      testId="review-plan-form"
    >
      <TextField
        id={`${idPrefix}-dueOn`}
        type="date"
        className="input-date"
        label={t(`${r}.dueOn`)}
        hint={t(`${r}.dueOnHint`)}
        min={correcting ? undefined : today}
        required
        value={dueOn}
        onChange={(event) => setDueOn(event.target.value)}
        error={form.errors['dueOn'] ?? null}
      />
      {correcting && (
        <>
          <TextField
            id={`${idPrefix}-heldOn`}
            type="date"
            className="input-date"
            label={t(`${r}.heldOn`)}
            max={today}
            value={heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
            error={form.errors['heldOn'] ?? null}
          />
          <TextAreaField
            id={`${idPrefix}-outcome`}
            label={t(`${r}.outcome`)}
            hint={t(`${r}.outcomeHint`)}
            rows={3}
            maxLength={5000}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
            error={form.errors['outcome'] ?? null}
          />
        </>
      )}
    </FormShell>
  );
}

type HeldProps = {
  idPrefix: string;
  review: { entryId: string; body: AftercareReview };
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * Marking a planned review as held: a correction of its entry with the date and the outcome, for
 * the reason "evaluatie gehouden". The plan stays in the entry's history.
 */
export function AftercareReviewHeldForm({ idPrefix, review, onSaved, onCancel }: HeldProps) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const today = todayAtSchool();
  const [heldOn, setHeldOn] = useState(review.body.dueOn <= today ? review.body.dueOn : today);
  const [outcome, setOutcome] = useState('');
  const problems = useServerErrors(idPrefix, ['heldOn', 'outcome']);
  const r = 'casePage.aftercare.reviews';
  const mutation = useMutation({
    mutationFn: () => correctEntry(caseId, review.entryId, { dueOn: review.body.dueOn, heldOn, outcome: outcome.trim() }, t(`${r}.heldReason`)),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: problems.show,
  });

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(`${r}.recordTitle`, { date: formatDate(review.body.dueOn) })}
      alert={problems.alert}
      pending={mutation.isPending}
      submitLabel={t(`${r}.record`)}
      onSubmit={(event) => {
        event.preventDefault();
        const found = { heldOn: checkPastDate(heldOn, today, t), outcome: outcome.trim() === '' ? t(`${r}.outcomeRequired`) : undefined };
        if (problems.check(found) && !mutation.isPending) mutation.mutate();
      }}
      onCancel={onCancel}
      testId="review-held-form"
    >
      <TextField
        id={`${idPrefix}-heldOn`}
        type="date"
        className="input-date"
        label={t(`${r}.heldOn`)}
        max={today}
        required
        value={heldOn}
        onChange={(event) => setHeldOn(event.target.value)}
        error={problems.errors['heldOn'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-outcome`}
        label={t(`${r}.outcome`)}
        hint={t(`${r}.outcomeHint`)}
        rows={4}
        maxLength={5000}
        required
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        error={problems.errors['outcome'] ?? null}
        data-testid="review-outcome"
      />
    </FormShell>
  );
}
