import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { conversationBody } from '../../../../contract/cases.js';
import { FactualLanguageHint } from '../../../components/FactualLanguageHint.js';
import { TextField } from '../../../components/TextField.js';
import { useSignedInMe } from '../../../hooks/useMe.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { GuardianChoice } from './GuardianChoice.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { Principles } from './Principles.js';

type ConversationBody = z.output<typeof conversationBody>;
const FIELDS = ['heldOn', 'heldBy', 'present', 'guardianIds', 'summary', 'agreements'] as const;

type Props = {
  kind: 'pupil-conversation' | 'parent-conversation';
  idPrefix: string;
  /** The entry and its current text, when correcting. */
  correcting: { entryId: string; body: ConversationBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** A conversation with the pupil or with a parent: when, by whom, who was there, what was said and agreed. */
export function ConversationForm({ kind, idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { data } = useCaseView();
  const initial = correcting?.body;
  const today = todayAtSchool();
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? today);
  const [heldBy, setHeldBy] = useState(initial?.heldBy ?? me.user.name);
  const [present, setPresent] = useState(initial?.present ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [agreements, setAgreements] = useState(initial?.agreements ?? '');
  const [guardianIds, setGuardianIds] = useState<string[]>(initial?.guardianIds ?? []);
  const form = useEntryForm({ kind, entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const parent = kind === 'parent-conversation';

  function validate(): FieldErrors {
    return {
      heldOn: checkPastDate(heldOn, today, t),
      heldBy: heldBy.trim() === '' ? t('casePage.form.required') : undefined,
      summary: summary.trim() === '' ? t('casePage.conversation.summaryRequired') : undefined,
    };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t(`casePage.kinds.${kind}`) })}
      intro={
        <>
          <p className="field-hint">{parent ? t('casePage.conversation.parentIntro') : t('casePage.conversation.pupilIntro')}</p>
          {parent && (
            <details className="case-disclosure">
              <summary>{data.parentConversationPrinciples.title}</summary>
              <Principles principles={data.parentConversationPrinciples} compact />
            </details>
          )}
        </>
      }
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) =>
        form.submit(event, validate, () => ({ heldOn, heldBy: heldBy.trim(), present: present.trim(), summary: summary.trim(), agreements: agreements.trim(), guardianIds: parent ? guardianIds : [] }))
      }
      onCancel={onCancel}
      testId={`${kind}-form`}
    >
      <div className="form-grid">
        <TextField
          id={`${idPrefix}-heldOn`}
          type="date"
          className="input-date"
          label={t('casePage.conversation.heldOn')}
          max={today}
          required
          value={heldOn}
          onChange={(event) => setHeldOn(event.target.value)}
          error={form.errors['heldOn'] ?? null}
        />
        <TextField
          id={`${idPrefix}-heldBy`}
          label={t('casePage.conversation.heldBy')}
          maxLength={200}
          required
          value={heldBy}
          onChange={(event) => setHeldBy(event.target.value)}
          error={form.errors['heldBy'] ?? null}
        />
      </div>
      {parent && <GuardianChoice idPrefix={idPrefix} selected={guardianIds} onChange={setGuardianIds} error={form.errors['guardianIds'] ?? null} />}
      <TextField
        id={`${idPrefix}-present`}
        label={t('casePage.conversation.present')}
        hint={parent ? t('casePage.conversation.presentHintParent') : t('casePage.conversation.presentHintPupil')}
        maxLength={500}
        value={present}
        onChange={(event) => setPresent(event.target.value)}
        error={form.errors['present'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-summary`}
        label={t('casePage.conversation.summary')}
        hint={t('casePage.conversation.summaryHint')}
        rows={5}
        maxLength={5000}
        required
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        error={form.errors['summary'] ?? null}
      />
      <FactualLanguageHint text={summary} />
      <TextAreaField
        id={`${idPrefix}-agreements`}
        label={t('casePage.conversation.agreements')}
        rows={2}
        maxLength={2000}
        value={agreements}
        onChange={(event) => setAgreements(event.target.value)}
        error={form.errors['agreements'] ?? null}
      />
    </FormShell>
  );
}
