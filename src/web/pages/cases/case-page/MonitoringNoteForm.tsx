import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { WELLBEINGS, type MonitoringNote, type Wellbeing } from './aftercare-entry.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';

const FIELDS = ['observedOn', 'wellbeing', 'observation'] as const;

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: MonitoringNote } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** Step 6: the teacher keeps monitoring the child and records what she sees. */
export function MonitoringNoteForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const initial = correcting?.body;
  const today = todayAtSchool();
  const [observedOn, setObservedOn] = useState(initial?.observedOn ?? today);
  const [wellbeing, setWellbeing] = useState<Wellbeing | null>(initial?.wellbeing ?? null);
  const [observation, setObservation] = useState(initial?.observation ?? '');
  const form = useEntryForm({ kind: 'monitoring-note', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const m = 'casePage.aftercare.monitoring';

  function validate(): FieldErrors {
    return {
      observedOn: checkPastDate(observedOn, today, t),
      wellbeing: wellbeing ? undefined : t(`${m}.wellbeingRequired`),
      observation: observation.trim() === '' ? t(`${m}.observationRequired`) : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.monitoring-note') })}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) => form.submit(event, validate, () => ({ observedOn, wellbeing, observation: observation.trim() }))}
      onCancel={onCancel}
      testId="monitoring-form"
    >
      <TextField
        id={`${idPrefix}-observedOn`}
        type="date"
        className="input-date"
        label={t(`${m}.observedOn`)}
        max={today}
        required
        value={observedOn}
        onChange={(event) => setObservedOn(event.target.value)}
        error={form.errors['observedOn'] ?? null}
      />
      <RadioGroup
        idPrefix={`${idPrefix}-wellbeing`}
        name={`${idPrefix}-wellbeing`}
        legend={t(`${m}.wellbeing`)}
        options={WELLBEINGS.map((value) => ({ value, label: t(`casePage.aftercare.wellbeing.${value}`) }))}
        value={wellbeing}
        onChange={setWellbeing}
        error={form.errors['wellbeing'] ?? null}
        variant="inline"
      />
      <TextAreaField
        id={`${idPrefix}-observation`}
        label={t(`${m}.observation`)}
        hint={t(`${m}.observationHint`)}
        rows={4}
        maxLength={5000}
        required
        value={observation}
        onChange={(event) => setObservation(event.target.value)}
        error={form.errors['observation'] ?? null}
        data-testid="monitoring-observation"
      />
    </FormShell>
  );
}
