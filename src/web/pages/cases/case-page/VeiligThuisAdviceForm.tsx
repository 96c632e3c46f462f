import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { veiligThuisAdviceBody } from '../../../../contract/cases.js';
import { TextField } from '../../../components/TextField.js';
import { useSignedInMe } from '../../../hooks/useMe.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { telHref, veiligThuisName } from './SafetyBand.js';

type AdviceBody = z.output<typeof veiligThuisAdviceBody>;
const FIELDS = ['calledOn', 'calledBy', 'advisorName', 'advice'] as const;

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: AdviceBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** The anonymous advice of Veilig Thuis. The record holds no name of the pupil or the parents; the server checks. */
export function VeiligThuisAdviceForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { data } = useCaseView();
  const initial = correcting?.body;
  const today = todayAtSchool();
  const [calledOn, setCalledOn] = useState(initial?.calledOn ?? today);
  const [calledBy, setCalledBy] = useState(initial?.calledBy ?? me.user.name);
  const [advisorName, setAdvisorName] = useState(initial?.advisorName ?? '');
  const [advice, setAdvice] = useState(initial?.advice ?? '');
  const form = useEntryForm({ kind: 'veilig-thuis-advice', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const { veiligThuisPhone, veiligThuisRegion } = data.safety;

  function validate(): FieldErrors {
    return {
      calledOn: checkPastDate(calledOn, today, t),
      calledBy: calledBy.trim() === '' ? t('casePage.form.required') : undefined,
      advice: advice.trim() === '' ? t('casePage.advice.adviceRequired') : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.veilig-thuis-advice') })}
      intro={
        <div className="callout callout-warning case-anonymous" data-testid="advice-anonymous">
          <p className="case-anonymous-title">{t('casePage.advice.anonymous')}</p>
          <p>
            {t('casePage.advice.call', { name: veiligThuisName(veiligThuisRegion) })}{' '}
            <a className="tel" href={telHref(veiligThuisPhone)}>
              {veiligThuisPhone}
            </a>
          </p>
        </div>
      }
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) => form.submit(event, validate, () => ({ calledOn, calledBy: calledBy.trim(), advisorName: advisorName.trim(), advice: advice.trim() }))}
      onCancel={onCancel}
      testId="advice-form"
    >
      <div className="form-grid">
        <TextField
          id={`${idPrefix}-calledOn`}
          type="date"
          className="input-date"
          label={t('casePage.advice.calledOn')}
          max={today}
          required
          value={calledOn}
          onChange={(event) => setCalledOn(event.target.value)}
          error={form.errors['calledOn'] ?? null}
        />
        <TextField
          id={`${idPrefix}-calledBy`}
          label={t('casePage.advice.calledBy')}
          maxLength={200}
          required
          value={calledBy}
          onChange={(event) => setCalledBy(event.target.value)}
          error={form.errors['calledBy'] ?? null}
        />
      </div>
      <TextField
        id={`${idPrefix}-advisorName`}
        label={t('casePage.advice.advisorName')}
        hint={t('casePage.advice.advisorNameHint')}
        maxLength={200}
        value={advisorName}
        onChange={(event) => setAdvisorName(event.target.value)}
        error={form.errors['advisorName'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-advice`}
        label={t('casePage.advice.advice')}
        hint={t('casePage.advice.adviceHint')}
        rows={5}
        maxLength={5000}
        required
        value={advice}
        onChange={(event) => setAdvice(event.target.value)}
        error={form.errors['advice'] ?? null}
        data-testid="advice-text"
      />
    </FormShell>
  );
}
