import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NATURE_OPTIONS, RISK_LABELS, RISKS, SEVERITIES, SEVERITY_LABELS, type NatureOfViolence, type Risk, type Severity } from '../../../../domain/cases/afwegingskader/risk-assessment.js';
import { CheckboxGroup } from '../../../components/CheckboxGroup.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';

const FIELDS = ['natures', 'otherNature', 'severity', 'risk', 'reasoning', 'assessedOn', 'participants'] as const;

type Participant = { key: number; name: string };

type Props = {
  idPrefix: string;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * Step 5's task "schat het risico, aard en ernst van het geweld in" as a form: the kinds of
 * violence (with "anders" described), the severity, the risk in the terms of Q2, the reasoning,
 * the day and who took part (the team, filled in).
 */
export function RiskAssessmentForm({ idPrefix, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const lang = currentLanguage();
  const today = todayAtSchool();
  const nextKey = useRef(data.team.length + 1);
  const [natures, setNatures] = useState<NatureOfViolence[]>([]);
  const [otherNature, setOtherNature] = useState('');
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [risk, setRisk] = useState<Risk | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [assessedOn, setAssessedOn] = useState(today);
  const [participants, setParticipants] = useState<Participant[]>(() => {
    const names = data.team.map((member) => member.name);
    const start = names.length > 0 ? names : data.case.casushouder ? [data.case.casushouder.name] : [''];
    return start.map((name, key) => ({ key, name }));
  });
  const form = useEntryForm({ kind: 'risk-assessment', entryId: null, idPrefix, fields: FIELDS, onSaved });
  const withOther = natures.includes('other');

  function validate(): FieldErrors {
    return {
      natures: natures.length === 0 ? t('casePage.riskAssessment.naturesRequired') : undefined,
      otherNature: withOther && otherNature.trim() === '' ? t('casePage.riskAssessment.otherRequired') : undefined,
      severity: severity === null ? t('casePage.riskAssessment.severityRequired') : undefined,
      risk: risk === null ? t('casePage.riskAssessment.riskRequired') : undefined,
      reasoning: reasoning.trim() === '' ? t('casePage.riskAssessment.reasoningRequired') : undefined,
      assessedOn: checkPastDate(assessedOn, today, t),
      participants: participants.every((p) => p.name.trim() === '') ? t('casePage.riskAssessment.participantsRequired') : undefined,
    };
  }

  function body(): Record<string, unknown> {
    return {
      natures,
      otherNature: withOther ? otherNature.trim() : null,
      severity,
      risk,
      reasoning: reasoning.trim(),
      assessedOn,
      participants: participants.map((p) => p.name.trim()).filter((name) => name !== ''),
    };
  }

  function rename(key: number, name: string) {
    setParticipants((current) => current.map((p) => (p.key === key ? { ...p, name } : p)));
  }

  function addParticipant() {
    const key = nextKey.current++;
    const index = participants.length;
    setParticipants((current) => [...current, { key, name: '' }]);
    window.setTimeout(() => document.getElementById(`${idPrefix}-participants-${index}`)?.focus(), 0);
  }

  function removeParticipant(key: number, index: number) {
    setParticipants((current) => current.filter((p) => p.key !== key));
    window.setTimeout(() => {
      const next = document.getElementById(`${idPrefix}-participants-${index}`) ?? document.getElementById(`${idPrefix}-participants-${index - 1}`);
      (next ?? document.getElementById(`${idPrefix}-participants-add`))?.focus();
    }, 0);
  }

  const participantsError = form.errors['participants'];

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t('casePage.riskAssessment.formTitle')}
      alert={form.alert}
      pending={form.pending}
      submitLabel={t('casePage.riskAssessment.save')}
      onSubmit={(event) => form.submit(event, validate, body)}
      onCancel={onCancel}
      testId="risk-assessment-form"
    >
      <CheckboxGroup
        idPrefix={`${idPrefix}-natures`}
        legend={t('casePage.riskAssessment.naturesLegend')}
        hint={t('casePage.riskAssessment.naturesHint')}
        options={NATURE_OPTIONS.map((option) => ({ value: option.id, label: option.label[lang] }))}
        selected={natures}
        onChange={setNatures}
        error={form.errors['natures'] ?? null}
      />
      {withOther && (
        <TextField
          id={`${idPrefix}-otherNature`}
          label={t('casePage.riskAssessment.otherLabel')}
          maxLength={200}
          required
          value={otherNature}
          onChange={(event) => setOtherNature(event.target.value)}
          error={form.errors['otherNature'] ?? null}
          data-testid="risk-assessment-other"
        />
      )}
      <RadioGroup
        idPrefix={`${idPrefix}-severity`}
        name={`${idPrefix}-severity`}
        legend={t('casePage.riskAssessment.severityLegend')}
        variant="inline"
        options={SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value][lang] }))}
        value={severity}
        onChange={setSeverity}
        error={form.errors['severity'] ?? null}
      />
      <RadioGroup
        idPrefix={`${idPrefix}-risk`}
        name={`${idPrefix}-risk`}
        legend={t('casePage.riskAssessment.riskLegend')}
        hint={t('casePage.riskAssessment.riskHint')}
        options={RISKS.map((value) => ({ value, label: RISK_LABELS[value][lang] }))}
        value={risk}
        onChange={setRisk}
        error={form.errors['risk'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-reasoning`}
        label={t('casePage.riskAssessment.reasoningLabel')}
        hint={t('casePage.riskAssessment.reasoningHint')}
        rows={4}
        maxLength={5000}
        required
        value={reasoning}
        onChange={(event) => setReasoning(event.target.value)}
        error={form.errors['reasoning'] ?? null}
        data-testid="risk-assessment-reasoning"
      />
      <TextField
        id={`${idPrefix}-assessedOn`}
        type="date"
        className="input-date"
        label={t('casePage.riskAssessment.assessedOnLabel')}
        max={today}
        required
        value={assessedOn}
        onChange={(event) => setAssessedOn(event.target.value)}
        error={form.errors['assessedOn'] ?? null}
        data-testid="risk-assessment-assessed-on"
      />
      <fieldset className="weighing-participants" aria-describedby={[`${idPrefix}-participants-hint`, participantsError ? `${idPrefix}-participants-error` : ''].filter(Boolean).join(' ')}>
        <legend className="field-label">{t('casePage.riskAssessment.participantsLegend')}</legend>
        <p id={`${idPrefix}-participants-hint`} className="field-hint">
          {t('casePage.riskAssessment.participantsHint')}
        </p>
        {participantsError && (
          <p id={`${idPrefix}-participants-error`} className="field-error">
            {participantsError}
          </p>
        )}
        <ol className="weighing-participant-list" data-testid="risk-assessment-participants">
          {participants.map((participant, index) => (
            <li key={participant.key} className="weighing-participant">
              <label htmlFor={`${idPrefix}-participants-${index}`} className="sr-only">
                {t('casePage.riskAssessment.participantLabel', { number: index + 1 })}
              </label>
              <input
                id={`${idPrefix}-participants-${index}`}
                className="input"
                maxLength={200}
                autoComplete="off"
                value={participant.name}
                aria-invalid={participantsError ? true : undefined}
                onChange={(event) => rename(participant.key, event.target.value)}
              />
              {participants.length > 1 && (
                <button
                  type="button"
                  className="weighing-participant-remove"
                  aria-label={t('casePage.riskAssessment.participantRemove', { number: index + 1 })}
                  title={t('casePage.riskAssessment.participantRemove', { number: index + 1 })}
                  onClick={() => removeParticipant(participant.key, index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ol>
        <button id={`${idPrefix}-participants-add`} type="button" className="button button-secondary button-compact weighing-participant-add" onClick={addParticipant}>
          {t('casePage.riskAssessment.participantAdd')}
        </button>
      </fieldset>
    </FormShell>
  );
}
