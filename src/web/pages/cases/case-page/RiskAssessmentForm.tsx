import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NATURE_OPTIONS, RISK_LABELS, RISKS, SEVERITIES, SEVERITY_LABELS, type NatureOfViolence, type Risk, type Severity } from '../../../../domain/cases/afwegingskader/risk-assessment.js';
import { CheckboxGroup } from '../../../components/CheckboxGroup.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { noParticipants, participantNames, ParticipantsField, useParticipants } from './ParticipantsField.js';

const FIELDS = ['natures', 'otherNature', 'severity', 'risk', 'reasoning', 'assessedOn', 'participants'] as const;

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
  const lang = currentLanguage();
  const today = todayAtSchool();
  const [natures, setNatures] = useState<NatureOfViolence[]>([]);
  const [otherNature, setOtherNature] = useState('');
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [risk, setRisk] = useState<Risk | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [assessedOn, setAssessedOn] = useState(today);
  const [participants, setParticipants] = useParticipants();
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
      participants: noParticipants(participants) ? t('casePage.riskAssessment.participantsRequired') : undefined,
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
      participants: participantNames(participants),
    };
  }

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
      <ParticipantsField
        idPrefix={idPrefix}
        texts="casePage.riskAssessment"
        testId="risk-assessment-participants"
        participants={participants}
        onChange={setParticipants}
        error={form.errors['participants']}
      />
    </FormShell>
  );
}
