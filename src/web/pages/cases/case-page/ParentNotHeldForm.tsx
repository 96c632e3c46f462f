import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkNotHolding,
  CONTACT_MEANS,
  CONTACT_MEANS_LABELS,
  MIN_CONTACT_ATTEMPTS,
  NOT_HOLDING_GROUND_LABELS,
  NOT_HOLDING_GROUNDS,
  type ContactAttempt,
  type ContactMeans,
  type NotHoldingDecision,
  type NotHoldingGround,
} from '../../../../domain/cases/parent-conversation.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { readNotHeld } from './parent-conversation-entry.js';

const FIELDS = ['ground', 'reasoning', 'reconsiderOn', 'attempts'] as const;

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: unknown } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * "Gesprek niet voeren": only on one of the three grounds, argued, with a date to look again; for
 * parents who could not be reached, the attempts (each on its own day, with its means).
 */
export function ParentNotHeldForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayAtSchool();
  const initial = correcting ? readNotHeld(correcting.body) : null;
  const [ground, setGround] = useState<NotHoldingGround | null>(initial?.ground ?? null);
  const [reasoning, setReasoning] = useState(initial?.reasoning ?? '');
  const [reconsiderOn, setReconsiderOn] = useState(initial?.reconsiderOn ?? '');
  const [attempts, setAttempts] = useState<ContactAttempt[]>(initial && initial.attempts.length > 0 ? [...initial.attempts] : [{ on: '', means: null }]);
  const form = useEntryForm({ kind: 'parent-conversation-not-held', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const pc = 'casePage.parentConversation.notHeld';
  const unreachable = ground === 'parents-unreachable';

  function decision(): NotHoldingDecision {
    return { ground, reasoning: reasoning.trim(), reconsiderOn: reconsiderOn === '' ? null : reconsiderOn, attempts: unreachable ? attempts : [] };
  }

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    for (const problem of checkNotHolding(decision(), today)) {
      switch (problem.code) {
        case 'ground-required':
        case 'ground-unknown':
          found['ground'] = t(`${pc}.groundRequired`);
          break;
        case 'reasoning-required':
          found['reasoning'] = t(`${pc}.reasoningRequired`);
          break;
        case 'reconsider-date-required':
        case 'reconsider-date-invalid':
          found['reconsiderOn'] = t(`${pc}.reconsiderRequired`);
          break;
        case 'reconsider-date-in-past':
          found['reconsiderOn'] = t(`${pc}.reconsiderInPast`);
          break;
        case 'attempt-incomplete':
          found['attempts'] ??= t(`${pc}.attemptIncomplete`, { number: problem.index + 1 });
          break;
        case 'attempt-in-future':
          found['attempts'] ??= t(`${pc}.attemptInFuture`, { number: problem.index + 1 });
          break;
        case 'too-few-attempts':
          found['attempts'] ??= t(`${pc}.tooFewAttempts`, { required: problem.required, days: problem.days });
          break;
      }
    }
    return found;
  }

  function setAttempt(index: number, change: Partial<ContactAttempt>) {
    setAttempts((current) => current.map((a, i) => (i === index ? { ...a, ...change } : a)));
  }

  const attemptsError = form.errors['attempts'];

  return (
    <FormShell
      idPrefix={idPrefix}
      title={correcting ? t('casePage.form.correctTitle', { kind: t('casePage.kinds.parent-conversation-not-held') }) : t(`${pc}.title`)}
      intro={<p className="field-hint">{t(`${pc}.intro`)}</p>}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={form.correcting ? t('casePage.form.saveCorrection') : t(`${pc}.save`)}
      onSubmit={(event) => form.submit(event, validate, () => ({ ...decision(), attempts: unreachable ? attempts.map((a) => ({ ...a })) : [] }))}
      onCancel={onCancel}
      testId="parent-not-held-form"
    >
      <RadioGroup
        idPrefix={`${idPrefix}-ground`}
        name={`${idPrefix}-ground`}
        legend={t(`${pc}.ground`)}
        options={NOT_HOLDING_GROUNDS.map((g) => ({ value: g, label: NOT_HOLDING_GROUND_LABELS[g][language] }))}
        value={ground}
        onChange={setGround}
        error={form.errors['ground'] ?? null}
      />
      {unreachable && (
        <fieldset className="pc-attempts" aria-describedby={[`${idPrefix}-attempts-hint`, attemptsError ? `${idPrefix}-attempts-error` : ''].filter(Boolean).join(' ')} data-testid="parent-not-held-attempts" data-invalid={attemptsError ? true : undefined}>
          <legend className="field-label">{t(`${pc}.attempts`)}</legend>
          <p id={`${idPrefix}-attempts-hint`} className="field-hint">
            {t(`${pc}.attemptsHint`, { count: MIN_CONTACT_ATTEMPTS })}
          </p>
          {attemptsError && (
            <p id={`${idPrefix}-attempts-error`} className="field-error" data-testid="parent-not-held-attempts-error">
              {attemptsError}
            </p>
          )}
          <ol className="pc-attempt-list">
            {attempts.map((attempt, index) => (
              <li key={index} className="pc-attempt" data-testid="parent-not-held-attempt">
                <TextField
                  id={`${idPrefix}-attempts-${index}-on`}
                  type="date"
                  className="input-date"
                  label={t(`${pc}.attemptOn`, { number: index + 1 })}
                  max={today}
                  value={attempt.on}
                  invalid={attemptsError !== undefined}
                  onChange={(event) => setAttempt(index, { on: event.target.value })}
                />
                <div className="field">
                  <label htmlFor={`${idPrefix}-attempts-${index}-means`} className="field-label">
                    {t(`${pc}.attemptMeans`, { number: index + 1 })}
                  </label>
                  <select
                    id={`${idPrefix}-attempts-${index}-means`}
                    className="select"
                    value={attempt.means ?? ''}
                    aria-invalid={attemptsError !== undefined ? true : undefined}
                    onChange={(event) => setAttempt(index, { means: event.target.value === '' ? null : (event.target.value as ContactMeans) })}
                  >
                    <option value="">{t(`${pc}.chooseMeans`)}</option>
                    {CONTACT_MEANS.map((m) => (
                      <option key={m} value={m}>
                        {CONTACT_MEANS_LABELS[m][language]}
                      </option>
                    ))}
                  </select>
                </div>
                {attempts.length > 1 && (
                  <button type="button" className="button button-secondary button-compact pc-attempt-remove" onClick={() => setAttempts((current) => current.filter((_, i) => i !== index))}>
                    {t(`${pc}.removeAttempt`, { number: index + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <div>
            <button
              type="button"
              className="button button-secondary button-compact"
              disabled={attempts.length >= 20}
              onClick={() => {
                setAttempts((current) => [...current, { on: '', means: null }]);
                const next = attempts.length;
                window.setTimeout(() => document.getElementById(`${idPrefix}-attempts-${next}-on`)?.focus(), 0);
              }}
              data-testid="parent-not-held-add-attempt"
            >
              {t(`${pc}.addAttempt`)}
            </button>
          </div>
        </fieldset>
      )}
      <TextAreaField
        id={`${idPrefix}-reasoning`}
        label={t(`${pc}.reasoning`)}
        rows={3}
        maxLength={5000}
        required
        value={reasoning}
        onChange={(event) => setReasoning(event.target.value)}
        error={form.errors['reasoning'] ?? null}
      />
      <TextField
        id={`${idPrefix}-reconsiderOn`}
        type="date"
        className="input-date"
        label={t(`${pc}.reconsiderOn`)}
        hint={t(`${pc}.reconsiderOnHint`)}
        min={today}
        required
        value={reconsiderOn}
        onChange={(event) => setReconsiderOn(event.target.value)}
        error={form.errors['reconsiderOn'] ?? null}
      />
    </FormShell>
  );
}
