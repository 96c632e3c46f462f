import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionOverview } from '../../../contract/retention.js';
import { MAX_TERM_YEARS, MIN_TERM_YEARS } from '../../../domain/retention/retention-term.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Notice } from '../../components/Notice.js';
import { TextField } from '../../components/TextField.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { retentionKeys, setRetentionTerm } from './retention-api.js';
import { termWords } from './term-words.js';

/** The school's term, who recorded it and when; directie records another one. */
export function TermCard({ term, maySet }: { term: RetentionOverview['term']; maySet: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const [years, setYears] = useState(String(term.years));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (value: number) => setRetentionTerm(value),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: retentionKeys.overview });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(years);
    setSaved(false);
    if (!Number.isInteger(value) || value < MIN_TERM_YEARS || value > MAX_TERM_YEARS) {
      setFieldError(t('retention.term.rangeError'));
      return;
    }
    setFieldError(null);
    mutation.mutate(value);
  }

  return (
    <section className="card retention-term" aria-labelledby="retention-term-title" data-testid="retention-term">
      <h2 id="retention-term-title" className="section-title">
        {t('retention.term.title')}
      </h2>
      <p data-testid="retention-term-current">{t('retention.term.current', { term: termWords(t, term.years) })}</p>
      <p className="muted">{term.setBy && term.setAt ? t('retention.term.setBy', { name: term.setBy.name, date: formatDateTime(term.setAt) }) : t('retention.term.isDefault')}</p>
      {maySet ? (
        <form className="retention-term-form" noValidate onSubmit={submit}>
          <ErrorAlert error={mutation.error} />
          {saved && <Notice tone="success">{t('retention.term.saved')}</Notice>}
          <TextField
            id="retention-term-years"
            type="number"
            min={MIN_TERM_YEARS}
            max={MAX_TERM_YEARS}
            step={1}
            className="input-short"
            label={t('retention.term.label')}
            hint={t('retention.term.hint')}
            error={fieldError}
            value={years}
            onChange={(event) => setYears(event.target.value)}
            data-testid="retention-term-years"
          />
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={mutation.isPending} data-testid="retention-term-save">
              {mutation.isPending ? t('retention.term.saving') : t('retention.term.save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('retention.term.directieOnly')}</p>
      )}
    </section>
  );
}
