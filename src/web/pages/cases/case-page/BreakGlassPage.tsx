import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { breakGlass } from '../../../api/cases.js';
import { queryKeys } from '../../../api/query-keys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useElevatedMutation } from '../../../dialogs/ElevationProvider.js';
import { usePageTitle } from '../../../hooks/usePageTitle.js';
import { TextAreaField } from '../../pupils/fields.js';

/**
 * An IB'er or director who is not on the case may open it in an emergency: with a reason and a
 * fresh code, logged, and shown to the casushouder and the team.
 */
export function BreakGlassPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('casePage.breakGlass.pageTitle'));

  const open = useElevatedMutation({
    mutationFn: (why: string) => breakGlass(caseId, why),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseItem(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending) return;
    if (reason.trim() === '') {
      setError(t('casePage.breakGlass.reasonRequired'));
      document.getElementById('break-glass-reason')?.focus();
      return;
    }
    setError(null);
    open.mutate(reason.trim());
  }

  return (
    <div className="page case-break-glass-page" data-testid="break-glass-page">
      <PageHeading>{t('casePage.breakGlass.pageTitle')}</PageHeading>
      <div className="callout callout-warning">
        <p>
          <strong>{t('casePage.breakGlass.notOnCase')}</strong>
        </p>
        <p>{t('casePage.breakGlass.onlyEmergency')}</p>
      </div>
      <section className="card" aria-labelledby="break-glass-what">
        <h2 id="break-glass-what" className="subsection-title case-break-glass-what">
          {t('casePage.breakGlass.whatHappens')}
        </h2>
        <ul className="case-break-glass-steps">
          <li>{t('casePage.breakGlass.logged')}</li>
          <li>{t('casePage.breakGlass.shown')}</li>
          <li>{t('casePage.breakGlass.code')}</li>
        </ul>
        <form className="form form-narrow" noValidate onSubmit={submit}>
          <ErrorAlert error={open.error} />
          <TextAreaField
            id="break-glass-reason"
            label={t('casePage.breakGlass.reasonLabel')}
            hint={t('casePage.breakGlass.reasonHint')}
            rows={3}
            maxLength={1000}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={error}
            data-testid="break-glass-reason"
          />
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={open.isPending} data-testid="break-glass-submit">
              {open.isPending ? t('casePage.breakGlass.opening') : t('casePage.breakGlass.submit')}
            </button>
            <Link to="/" className="button button-secondary">
              {t('casePage.breakGlass.back')}
            </Link>
          </div>
        </form>
      </section>
    </div>
  );
}
