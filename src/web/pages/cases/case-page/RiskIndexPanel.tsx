import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerRiskIndex } from '../../../api/cases.js';
import { TextField } from '../../../components/TextField.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';
import { useFormatDate } from './case-labels.js';
import { FormShell, refreshCase, useServerErrors } from './entry-form.js';

/**
 * The verwijsindex registration (SISA in the Rotterdam region) in step 4: only that the school
 * registered, when, and until when the signal is active — never what it was about. The casushouder
 * records it; the reminder before it lapses goes to them.
 */
export function RiskIndexPanel() {
  const { t } = useTranslation();
  const { data, caseId } = useCaseView();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [registeredOn, setRegisteredOn] = useState(todayAtSchool());
  const idPrefix = 'risk-index';
  const problems = useServerErrors(idPrefix, ['registeredOn']);
  const mutation = useMutation({
    mutationFn: () => registerRiskIndex(caseId, registeredOn),
    onSuccess: async () => {
      await refreshCase(queryClient);
      setOpen(false);
    },
    onError: problems.show,
  });
  const name = data.riskIndexName ?? t('casePage.riskIndex.genericName');
  const registrations = data.entries.filter((e) => e.kind === 'risk-index-registration');
  const latest = registrations.at(-1);
  const body = (latest?.current.body ?? {}) as { registeredOn?: string; activeUntil?: string };

  return (
    <section className="case-risk-index" aria-labelledby="risk-index-title" data-testid="risk-index">
      <h3 id="risk-index-title" className="case-subtitle">
        {t('casePage.riskIndex.title', { name })}
      </h3>
      <p className="muted">{t('casePage.riskIndex.intro', { name })}</p>
      {latest && body.registeredOn && body.activeUntil ? (
        <p data-testid="risk-index-current">
          {t('casePage.riskIndex.current', { date: formatDate(body.registeredOn), until: formatDate(body.activeUntil), name: latest.current.recordedBy.name })}
        </p>
      ) : (
        <p className="muted" data-testid="risk-index-none">
          {t('casePage.riskIndex.none')}
        </p>
      )}
      {data.abilities['case.risk-index'] &&
        (open ? (
          <FormShell
            idPrefix={idPrefix}
            title={t('casePage.riskIndex.formTitle', { name })}
            alert={problems.alert}
            pending={mutation.isPending}
            submitLabel={t('casePage.riskIndex.submit')}
            onSubmit={(event) => {
              event.preventDefault();
              if (problems.check({ registeredOn: registeredOn === '' ? t('casePage.riskIndex.dateRequired') : undefined }) && !mutation.isPending) mutation.mutate();
            }}
            onCancel={() => setOpen(false)}
            testId="risk-index-form"
          >
            <TextField
              id={`${idPrefix}-registeredOn`}
              type="date"
              className="input-date"
              label={t('casePage.riskIndex.registeredOn')}
              max={todayAtSchool()}
              required
              value={registeredOn}
              onChange={(event) => setRegisteredOn(event.target.value)}
              error={problems.errors['registeredOn'] ?? null}
              data-testid="risk-index-date"
            />
          </FormShell>
        ) : (
          <button type="button" className="button button-secondary button-compact" onClick={() => setOpen(true)} data-testid="risk-index-open">
            {latest ? t('casePage.riskIndex.again') : t('casePage.riskIndex.record')}
          </button>
        ))}
    </section>
  );
}
