import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { consultationBody } from '../../../../contract/cases.js';
import { TextField } from '../../../components/TextField.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { RadioGroup } from '../../../components/RadioGroup.js';

type ConsultationBody = z.output<typeof consultationBody>;
type WithRole = ConsultationBody['withRole'];
const WITH_ROLES: readonly WithRole[] = ['colleague', 'ib', 'smw', 'expert'];
const FIELDS = ['heldOn', 'withRole', 'withName', 'outcome'] as const;

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: ConsultationBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** Collegiale consultatie: with whom the signals were discussed, and what came of it. */
export function ConsultationForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const initial = correcting?.body;
  const today = todayAtSchool();
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? today);
  const [withRole, setWithRole] = useState<WithRole | null>(initial?.withRole ?? null);
  const [withName, setWithName] = useState(initial?.withName ?? '');
  const [outcome, setOutcome] = useState(initial?.outcome ?? '');
  const form = useEntryForm({ kind: 'consultation', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });

  function validate(): FieldErrors {
    return {
      heldOn: checkPastDate(heldOn, today, t),
      withRole: withRole === null ? t('casePage.consultation.withRoleRequired') : undefined,
      withName: withName.trim() === '' ? t('casePage.form.required') : undefined,
      outcome: outcome.trim() === '' ? t('casePage.form.required') : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.consultation') })}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) => form.submit(event, validate, () => ({ heldOn, withRole, withName: withName.trim(), outcome: outcome.trim() }))}
      onCancel={onCancel}
      testId="consultation-form"
    >
      <TextField
        id={`${idPrefix}-heldOn`}
        type="date"
        className="input-date"
        label={t('casePage.consultation.heldOn')}
        max={today}
        required
        value={heldOn}
        onChange={(event) => setHeldOn(event.target.value)}
        error={form.errors['heldOn'] ?? null}
      />
      <RadioGroup
        idPrefix={`${idPrefix}-withRole`}
        name={`${idPrefix}-withRole`}
        legend={t('casePage.consultation.withRole')}
        options={WITH_ROLES.map((role) => ({ value: role, label: t(`casePage.consultationRoles.${role}`) }))}
        value={withRole}
        onChange={setWithRole}
        error={form.errors['withRole'] ?? null}
        variant="inline"
      />
      <TextField
        id={`${idPrefix}-withName`}
        label={t('casePage.consultation.withName')}
        maxLength={200}
        required
        value={withName}
        onChange={(event) => setWithName(event.target.value)}
        error={form.errors['withName'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-outcome`}
        label={t('casePage.consultation.outcome')}
        hint={t('casePage.consultation.outcomeHint')}
        rows={4}
        maxLength={5000}
        required
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        error={form.errors['outcome'] ?? null}
      />
    </FormShell>
  );
}
