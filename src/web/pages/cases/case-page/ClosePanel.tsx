import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeCase, reopenCase } from '../../../api/cases.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { currentLanguage } from '../../../i18n/index.js';
import { TextAreaField } from '../../pupils/fields.js';
import { CLOSING_REASON_DETAILS, CLOSING_REASONS, isClosingReason, type ClosingReason } from '../../../../domain/cases/closing.js';
import { useCaseView } from './case-context.js';
import { useFormatDate } from './case-labels.js';
import { FormShell, refreshCase, useServerErrors } from './entry-form.js';

/**
 * The end of a case: closing it with a reason from the fixed list, and — once closed — the reason
 * shown above everything and reopening it with a reason. A closed case is read-only.
 */
export function ClosePanel() {
  const { data } = useCaseView();
  if (data.case.phase === 'closed') return <ClosedBanner />;
  return data.abilities['case.close'] ? <CloseCase /> : null;
}

function CloseCase() {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ClosingReason | null>(null);
  const [explanation, setExplanation] = useState('');
  const idPrefix = 'close-case';
  const problems = useServerErrors(idPrefix, ['reason', 'explanation']);
  const language = currentLanguage();
  const mutation = useMutation({
    mutationFn: () => closeCase(caseId, reason!, explanation.trim()),
    onSuccess: () => refreshCase(queryClient),
    onError: problems.show,
  });

  if (!open) {
    return (
      <div className="case-close-row no-print">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)} data-testid="case-close-open">
          {t('casePage.close.open')}
        </button>
      </div>
    );
  }
  const details = reason ? CLOSING_REASON_DETAILS[reason] : null;
  return (
    <section className="card case-close no-print" data-testid="case-close">
      <FormShell
        idPrefix={idPrefix}
        title={t('casePage.close.title')}
        intro={<p className="muted">{t('casePage.close.intro')}</p>}
        alert={problems.alert}
        pending={mutation.isPending}
        submitLabel={t('casePage.close.submit')}
        onSubmit={(event) => {
          event.preventDefault();
          const found = {
            reason: reason ? undefined : t('casePage.close.reasonRequired'),
            explanation: details?.explanation === 'required' && explanation.trim() === '' ? t('casePage.close.explanationRequired') : undefined,
          };
          if (problems.check(found) && !mutation.isPending) mutation.mutate();
        }}
        onCancel={() => setOpen(false)}
        testId="case-close-form"
      >
        <RadioGroup
          idPrefix={`${idPrefix}-reason`}
          name="close-reason"
          legend={t('casePage.close.reasonLegend')}
          options={CLOSING_REASONS.map((id) => ({ value: id, label: CLOSING_REASON_DETAILS[id].label[language] }))}
          value={reason}
          onChange={setReason}
          error={problems.errors['reason'] ?? null}
        />
        <TextAreaField
          id={`${idPrefix}-explanation`}
          label={details ? details.prompt[language] : t('casePage.close.explanationLabel')}
          hint={details?.explanation === 'required' ? t('casePage.close.explanationRequiredHint') : t('casePage.close.explanationOptionalHint')}
          rows={3}
          maxLength={2000}
          value={explanation}
          onChange={(event) => setExplanation(event.target.value)}
          error={problems.errors['explanation'] ?? null}
          data-testid="case-close-explanation"
        />
      </FormShell>
    </section>
  );
}

function ClosedBanner() {
  const { t } = useTranslation();
  const { data, caseId } = useCaseView();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const language = currentLanguage();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const idPrefix = 'reopen-case';
  const problems = useServerErrors(idPrefix, ['reason']);
  const mutation = useMutation({
    mutationFn: () => reopenCase(caseId, reason.trim()),
    onSuccess: () => refreshCase(queryClient),
    onError: problems.show,
  });
  const closing = [...data.entries].reverse().find((e) => e.kind === 'case-closed');
  const body = (closing?.current.body ?? {}) as { reason?: string; explanation?: string | null };
  const label = body.reason && isClosingReason(body.reason) ? CLOSING_REASON_DETAILS[body.reason].label[language] : null;

  return (
    <section className="card case-closed" aria-labelledby="case-closed-title" data-testid="case-closed">
      <h2 id="case-closed-title" className="section-title">
        {t('casePage.close.closedTitle')}
      </h2>
      {closing && (
        <p>
          {t('casePage.close.closedBy', { name: closing.current.recordedBy.name, date: formatDate(closing.current.recordedAt) })} <strong>{label}</strong>
          {body.explanation ? ` — ${body.explanation}` : null}
        </p>
      )}
      <p className="muted">{t('casePage.close.readOnly')}</p>
      {data.abilities['case.reopen'] &&
        (reopening ? (
          <FormShell
            idPrefix={idPrefix}
            title={t('casePage.close.reopenTitle')}
            alert={problems.alert}
            pending={mutation.isPending}
            submitLabel={t('casePage.close.reopenSubmit')}
            onSubmit={(event) => {
              event.preventDefault();
              if (problems.check({ reason: reason.trim() === '' ? t('casePage.close.reopenReasonRequired') : undefined }) && !mutation.isPending) mutation.mutate();
            }}
            onCancel={() => setReopening(false)}
            testId="case-reopen-form"
          >
            <TextAreaField
              id={`${idPrefix}-reason`}
              label={t('casePage.close.reopenReasonLabel')}
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={problems.errors['reason'] ?? null}
              data-testid="case-reopen-reason"
            />
          </FormShell>
        ) : (
          <button type="button" className="button button-secondary no-print" onClick={() => setReopening(true)} data-testid="case-reopen-open">
            {t('casePage.close.reopen')}
          </button>
        ))}
    </section>
  );
}
