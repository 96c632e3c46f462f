import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordReportFeedback } from '../../../api/cases.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { TextField } from '../../../components/TextField.js';
import { formatDate, isDate, todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, refreshCase, useServerErrors } from './entry-form.js';

type Props = {
  idPrefix: string;
  /** The day of the report the feedback is about: the feedback cannot come before it. */
  reportedOn: string | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** What Veilig Thuis reported back on the report, and when. */
export function ReportFeedbackForm({ idPrefix, reportedOn, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const today = todayAtSchool();
  const [receivedOn, setReceivedOn] = useState(today);
  const [feedback, setFeedback] = useState('');
  const problems = useServerErrors(idPrefix, ['receivedOn', 'feedback']);

  const save = useMutation({
    mutationFn: () => recordReportFeedback(caseId, { receivedOn, feedback: feedback.trim() }),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved();
    },
    onError: problems.show,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const found = {
      receivedOn:
        checkPastDate(receivedOn, today, t) ??
        (reportedOn !== null && isDate(reportedOn) && receivedOn < reportedOn ? t('casePage.report.feedback.receivedBeforeReport', { date: formatDate(reportedOn) }) : undefined),
      feedback: feedback.trim() === '' ? t('casePage.report.feedback.textRequired') : undefined,
    };
    if (problems.check(found)) save.mutate();
  }

  return (
    <form className="form case-form report-feedback-form" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-title`} data-testid="report-feedback-form">
      <h6 id={`${idPrefix}-title`} className="case-form-title report-feedback-form-title">
        {t('casePage.report.feedback.formTitle')}
      </h6>
      <ErrorAlert error={problems.alert} />
      <TextField
        id={`${idPrefix}-receivedOn`}
        type="date"
        className="input-date"
        label={t('casePage.report.feedback.receivedOn')}
        hint={t('casePage.report.feedback.receivedOnHint')}
        min={reportedOn ?? undefined}
        max={today}
        required
        value={receivedOn}
        onChange={(event) => setReceivedOn(event.target.value)}
        error={problems.errors['receivedOn'] ?? null}
        data-testid="report-feedback-received-on"
      />
      <TextAreaField
        id={`${idPrefix}-feedback`}
        label={t('casePage.report.feedback.text')}
        hint={t('casePage.report.feedback.textHint')}
        rows={4}
        maxLength={5000}
        required
        value={feedback}
        onChange={(event) => setFeedback(event.target.value)}
        error={problems.errors['feedback'] ?? null}
        data-testid="report-feedback-text"
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="report-feedback-form-save">
          {save.isPending ? t('common.saving') : t('casePage.report.feedback.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
