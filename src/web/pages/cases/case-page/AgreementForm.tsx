import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { agreementBody } from '../../../../contract/cases.js';
import { TextField } from '../../../components/TextField.js';
import { isDate, todayAtSchool } from '../../pupils/dates.js';
import { SelectField, TextAreaField } from '../../pupils/fields.js';
import { ownerOptions, useCaseView } from './case-context.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { Principles } from './Principles.js';
import { RadioGroup } from '../../../components/RadioGroup.js';

type AgreementBody = z.output<typeof agreementBody>;
type Purpose = AgreementBody['purpose'];
const PURPOSES: readonly Purpose[] = ['task-division', 'monitoring'];
const FIELDS = ['what', 'ownerUserId', 'dueOn', 'purpose', 'done'] as const;

type Props = {
  idPrefix: string;
  /** What the agreement is for when it is new: step 3's task division, monitoring, or step 6's aftercare. */
  purpose: Purpose;
  correcting: { entryId: string; body: AgreementBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** An agreement: who does what, by when. */
export function AgreementForm({ idPrefix, purpose: initialPurpose, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const initial = correcting?.body;
  const owners = ownerOptions(data);
  const today = todayAtSchool();
  const [what, setWhat] = useState(initial?.what ?? '');
  const [ownerUserId, setOwnerUserId] = useState(initial?.ownerUserId ?? '');
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [purpose, setPurpose] = useState<Purpose>(initial?.purpose ?? initialPurpose);
  const [done, setDone] = useState(initial?.done ?? false);
  const form = useEntryForm({ kind: 'agreement', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  // An owner who has since left the team still shows by name.
  const ownerList = initial && !owners.some((o) => o.userId === initial.ownerUserId) ? [...owners, { userId: initial.ownerUserId, name: t('casePage.agreement.formerOwner') }] : owners;

  function validate(): FieldErrors {
    return {
      what: what.trim() === '' ? t('casePage.agreement.whatRequired') : undefined,
      ownerUserId: ownerUserId === '' ? t('casePage.agreement.ownerRequired') : undefined,
      dueOn: !isDate(dueOn) ? t('casePage.form.dateRequired') : !correcting && dueOn < today ? t('casePage.agreement.dueInPast') : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.agreement') })}
      intro={purpose === 'task-division' ? <Principles principles={data.taskDivisionPrinciples} compact /> : undefined}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) => form.submit(event, validate, () => ({ what: what.trim(), ownerUserId, dueOn, purpose, done }))}
      onCancel={onCancel}
      testId="agreement-form"
    >
      <TextAreaField
        id={`${idPrefix}-what`}
        label={t('casePage.agreement.what')}
        rows={2}
        maxLength={1000}
        required
        value={what}
        onChange={(event) => setWhat(event.target.value)}
        error={form.errors['what'] ?? null}
      />
      <div className="form-grid">
        <SelectField
          id={`${idPrefix}-ownerUserId`}
          label={t('casePage.agreement.owner')}
          required
          value={ownerUserId}
          onChange={(event) => setOwnerUserId(event.target.value)}
          error={form.errors['ownerUserId'] ?? null}
        >
          <option value="">{t('casePage.agreement.chooseOwner')}</option>
          {ownerList.map((owner) => (
            <option key={owner.userId} value={owner.userId}>
              {owner.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${idPrefix}-dueOn`}
          type="date"
          className="input-date"
          label={t('casePage.agreement.dueOn')}
          min={correcting ? undefined : today}
          required
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
          error={form.errors['dueOn'] ?? null}
        />
      </div>
      {/* An aftercare agreement is made in step 6's own panel: its purpose is not chosen again. */}
      {purpose !== 'aftercare' && (
      <RadioGroup
        idPrefix={`${idPrefix}-purpose`}
        name={`${idPrefix}-purpose`}
        legend={t('casePage.agreement.purpose')}
        options={PURPOSES.map((value) => ({ value, label: t(`casePage.agreementPurposes.${value}`) }))}
        value={purpose}
        onChange={setPurpose}
        error={form.errors['purpose'] ?? null}
        variant="inline"
      />
      )}
      {correcting && (
        <div className="checkbox">
          <input id={`${idPrefix}-done`} type="checkbox" className="checkbox-input" checked={done} onChange={(event) => setDone(event.target.checked)} />
          <label htmlFor={`${idPrefix}-done`} className="checkbox-label">
            {t('casePage.agreement.doneLabel')}
          </label>
        </div>
      )}
    </FormShell>
  );
}
