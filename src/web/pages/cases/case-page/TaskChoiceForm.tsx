import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../pupils/fields.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';

type Props = {
  idPrefix: string;
  taskId: string;
  taskText: string;
  outcome: 'done' | 'not-applicable';
  onSaved: () => void;
  onCancel: () => void;
};

/** "Gedaan" with an optional note, or "Niet van toepassing" with the reason: recorded with who and when. */
export function TaskChoiceForm({ idPrefix, taskId, taskText, outcome, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const form = useEntryForm({ kind: 'task', entryId: null, idPrefix, fields: ['note'], onSaved });
  const notApplicable = outcome === 'not-applicable';

  function validate(): FieldErrors {
    return { note: notApplicable && note.trim() === '' ? t('casePage.task.reasonRequired') : undefined };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={notApplicable ? t('casePage.task.notApplicableTitle', { task: taskText }) : t('casePage.task.doneTitle', { task: taskText })}
      alert={form.alert}
      pending={form.pending}
      submitLabel={notApplicable ? t('casePage.task.saveNotApplicable') : t('casePage.task.saveDone')}
      onSubmit={(event) => form.submit(event, validate, () => ({ taskId, outcome, note: note.trim() }))}
      onCancel={onCancel}
      testId={notApplicable ? 'task-not-applicable-form' : 'task-done-form'}
    >
      <TextAreaField
        id={`${idPrefix}-note`}
        label={notApplicable ? t('casePage.task.reasonLabel') : t('casePage.task.noteLabel')}
        rows={2}
        maxLength={2000}
        required={notApplicable}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={form.errors['note'] ?? null}
        data-testid="task-note"
      />
    </FormShell>
  );
}
