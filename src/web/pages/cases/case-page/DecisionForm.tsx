import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationDecision } from '../../../../domain/cases/case-progress.js';
import { decideEscalation } from '../../../api/cases.js';
import { TextField } from '../../../components/TextField.js';
import { isDate, todayAtSchool } from '../../pupils/dates.js';
import { SelectField, TextAreaField } from '../../pupils/fields.js';
import { ownerOptions, useCaseView } from './case-context.js';
import { FormShell, refreshCase, useServerErrors, type FieldErrors } from './entry-form.js';
import { RadioGroup } from '../../../components/RadioGroup.js';

type Row = { key: number; what: string; ownerUserId: string; dueOn: string };

type Props = {
  idPrefix: string;
  /** Opened from the task "geen melding": that answer is chosen already. */
  initialDecision: EscalationDecision | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** Step 3's weighing: report at once, or not now with agreements to keep watching. */
export function DecisionForm({ idPrefix, initialDecision, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { caseId, data } = useCaseView();
  const queryClient = useQueryClient();
  const owners = ownerOptions(data);
  const today = todayAtSchool();
  const nextKey = useRef(1);
  const [decision, setDecision] = useState<EscalationDecision | null>(initialDecision);
  const [reasoning, setReasoning] = useState('');
  const [rows, setRows] = useState<Row[]>([{ key: 0, what: '', ownerUserId: '', dueOn: '' }]);
  const rowFields = rows.flatMap((_row, index) => ['what', 'ownerUserId', 'dueOn'].map((name) => `monitoring-${index}-${name}`));
  const problems = useServerErrors(idPrefix, ['decision', 'reasoning', 'monitoring', ...rowFields]);
  const noReport = decision === 'no-report-now';

  const save = useMutation({
    mutationFn: () =>
      decideEscalation(caseId, {
        decision: decision!,
        reasoning: reasoning.trim(),
        monitoring: noReport ? rows.map((row) => ({ what: row.what.trim(), ownerUserId: row.ownerUserId, dueOn: row.dueOn })) : [],
      }),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: problems.show,
  });

  function update(key: number, change: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function addRow() {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, what: '', ownerUserId: '', dueOn: '' }]);
    window.setTimeout(() => document.getElementById(`${idPrefix}-monitoring-${rows.length}-what`)?.focus(), 0);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const found: FieldErrors = {
      decision: decision === null ? t('casePage.decision.choiceRequired') : undefined,
      reasoning: reasoning.trim() === '' ? t('casePage.decision.reasoningRequired') : undefined,
    };
    if (noReport) {
      rows.forEach((row, index) => {
        if (row.what.trim() === '') found[`monitoring-${index}-what`] = t('casePage.agreement.whatRequired');
        if (row.ownerUserId === '') found[`monitoring-${index}-ownerUserId`] = t('casePage.agreement.ownerRequired');
        if (!isDate(row.dueOn)) found[`monitoring-${index}-dueOn`] = t('casePage.form.dateRequired');
        else if (row.dueOn < today) found[`monitoring-${index}-dueOn`] = t('casePage.agreement.dueInPast');
      });
    }
    if (problems.check(found)) save.mutate();
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t('casePage.decision.title')}
      alert={problems.alert}
      pending={save.isPending}
      submitLabel={t('casePage.decision.save')}
      onSubmit={submit}
      onCancel={onCancel}
      testId="decision-form"
    >
      <RadioGroup
        idPrefix={`${idPrefix}-decision`}
        name={`${idPrefix}-decision`}
        legend={t('casePage.decision.question')}
        options={[
          { value: 'report-now', label: t('casePage.decisions.report-now'), description: t('casePage.decision.reportNowHint') },
          { value: 'no-report-now', label: t('casePage.decisions.no-report-now'), description: t('casePage.decision.noReportHint') },
        ]}
        value={decision}
        onChange={setDecision}
        error={problems.errors['decision'] ?? null}
        variant="cards"
      />
      {decision === 'report-now' && (
        <div className="alert alert-info" data-testid="decision-report-note">
          <p className="alert-message">{t('casePage.decision.reportNowNote')}</p>
          <p>{t('casePage.decision.reportNowNext', { phone: data.safety.veiligThuisPhone })}</p>
        </div>
      )}
      <TextAreaField
        id={`${idPrefix}-reasoning`}
        label={t('casePage.decision.reasoning')}
        hint={t('casePage.decision.reasoningHint')}
        rows={4}
        maxLength={5000}
        required
        value={reasoning}
        onChange={(event) => setReasoning(event.target.value)}
        error={problems.errors['reasoning'] ?? null}
        data-testid="decision-reasoning"
      />
      {noReport && (
        <fieldset className="case-monitoring" aria-describedby={`${idPrefix}-monitoring-hint`}>
          <legend className="field-label">{t('casePage.decision.monitoringLegend')}</legend>
          <p id={`${idPrefix}-monitoring-hint`} className="field-hint">
            {t('casePage.decision.monitoringHint')}
          </p>
          {problems.errors['monitoring'] && <p className="field-error">{problems.errors['monitoring']}</p>}
          <ol className="case-monitoring-rows">
            {rows.map((row, index) => (
              <li key={row.key} className="case-monitoring-row" data-testid="monitoring-row">
                <TextField
                  id={`${idPrefix}-monitoring-${index}-what`}
                  label={t('casePage.decision.rowWhat', { number: index + 1 })}
                  maxLength={1000}
                  required
                  value={row.what}
                  onChange={(event) => update(row.key, { what: event.target.value })}
                  error={problems.errors[`monitoring-${index}-what`] ?? null}
                />
                <div className="case-monitoring-row-meta">
                  <SelectField
                    id={`${idPrefix}-monitoring-${index}-ownerUserId`}
                    label={t('casePage.decision.rowWho', { number: index + 1 })}
                    required
                    value={row.ownerUserId}
                    onChange={(event) => update(row.key, { ownerUserId: event.target.value })}
                    error={problems.errors[`monitoring-${index}-ownerUserId`] ?? null}
                  >
                    <option value="">{t('casePage.agreement.chooseOwner')}</option>
                    {owners.map((owner) => (
                      <option key={owner.userId} value={owner.userId}>
                        {owner.name}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={`${idPrefix}-monitoring-${index}-dueOn`}
                    type="date"
                    className="input-date"
                    label={t('casePage.decision.rowWhen', { number: index + 1 })}
                    min={today}
                    required
                    value={row.dueOn}
                    onChange={(event) => update(row.key, { dueOn: event.target.value })}
                    error={problems.errors[`monitoring-${index}-dueOn`] ?? null}
                  />
                  {rows.length > 1 && (
                    <button type="button" className="link-button case-row-remove" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                      {t('casePage.decision.removeRow', { number: index + 1 })}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-secondary button-compact" onClick={addRow} data-testid="monitoring-add">
            {t('casePage.decision.addRow')}
          </button>
        </fieldset>
      )}
    </FormShell>
  );
}
