import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_RESPONSE_LABELS, HELP_RESPONSES, RECORD_PART_DETAILS, type HelpResponse } from '../../../../domain/cases/parent-conversation.js';
import { FactualLanguageHint } from '../../../components/FactualLanguageHint.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { useSignedInMe } from '../../../hooks/useMe.js';
import { currentLanguage } from '../../../i18n/index.js';
import { todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { GuardianChoice } from './GuardianChoice.js';
import { checkPastDate, FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { readStep4 } from './parent-conversation-entry.js';

const FIELDS = [
  'heldOn',
  'heldBy',
  'guardianIds',
  'present',
  'summary',
  'step4-concernsDiscussed',
  'step4-missingInformationAsked',
  'step4-zienswijze',
  'step4-helpOffered',
  'step4-helpResponse',
  'step4-informedAboutFurtherCourse',
  'step4-informedAboutRiskIndex',
  'agreements',
] as const;

type Props = {
  idPrefix: string;
  /** Names to start "held by" with: the holders of the latest plan. */
  plannedHolders?: string | null;
  /** The entry and its current body, when correcting. */
  correcting: { entryId: string; body: unknown } | null;
  onSaved: () => void;
  onCancel: () => void;
};

type TextPart = 'concernsDiscussed' | 'missingInformationAsked' | 'zienswijze' | 'helpOffered';
const TEXT_PARTS: readonly { key: TextPart; part: keyof typeof RECORD_PART_DETAILS; rows: number }[] = [
  { key: 'concernsDiscussed', part: 'concerns', rows: 3 },
  { key: 'missingInformationAsked', part: 'missing-information', rows: 3 },
  { key: 'zienswijze', part: 'zienswijze', rows: 4 },
  { key: 'helpOffered', part: 'help-offered', rows: 2 },
];

/**
 * "Gesprek vastleggen": the conversation with the parents in step 4, with the parts the meldcode asks
 * of it (the concerns, what was missing, their zienswijze, the help and their answer, what comes next).
 * Recorded as a 'parent-conversation' with its `step4` parts.
 */
export function ParentConversationRecordForm({ idPrefix, plannedHolders = null, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const language = currentLanguage();
  const today = todayAtSchool();
  const initial = (correcting?.body ?? null) as Record<string, unknown> | null;
  const initialParts = readStep4(initial);
  const str = (key: string) => (typeof initial?.[key] === 'string' ? (initial[key] as string) : '');
  const [heldOn, setHeldOn] = useState(str('heldOn') || today);
  const [heldBy, setHeldBy] = useState(str('heldBy') || plannedHolders || me.user.name);
  const [present, setPresent] = useState(str('present'));
  const [summary, setSummary] = useState(str('summary'));
  const [agreements, setAgreements] = useState(str('agreements'));
  const [guardianIds, setGuardianIds] = useState<string[]>(Array.isArray(initial?.['guardianIds']) ? (initial['guardianIds'] as string[]) : []);
  const [parts, setParts] = useState<Record<TextPart, string>>({
    concernsDiscussed: initialParts?.concernsDiscussed ?? '',
    missingInformationAsked: initialParts?.missingInformationAsked ?? '',
    zienswijze: initialParts?.zienswijze ?? '',
    helpOffered: initialParts?.helpOffered ?? '',
  });
  const [helpResponse, setHelpResponse] = useState<HelpResponse | null>(initialParts?.helpResponse ?? null);
  const [furtherCourse, setFurtherCourse] = useState(initialParts?.informedAboutFurtherCourse ?? false);
  const [riskIndex, setRiskIndex] = useState(initialParts?.informedAboutRiskIndex ?? false);
  const form = useEntryForm({ kind: 'parent-conversation', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });
  const pc = 'casePage.parentConversation.record';

  function validate(): FieldErrors {
    const found: FieldErrors = {
      heldOn: checkPastDate(heldOn, today, t),
      heldBy: heldBy.trim() === '' ? t('casePage.form.required') : undefined,
      summary: summary.trim() === '' ? t('casePage.conversation.summaryRequired') : undefined,
      'step4-helpResponse': helpResponse === null ? t(`${pc}.helpResponseRequired`) : undefined,
      'step4-informedAboutFurtherCourse': furtherCourse ? undefined : t(`${pc}.furtherCourseRequired`),
    };
    for (const { key } of TEXT_PARTS) if (parts[key].trim() === '') found[`step4-${key}`] = t(`${pc}.partRequired`);
    // Whether the school uses a verwijsindex is the server's to say: it answers at that field.
    return found;
  }

  function body() {
    return {
      heldOn,
      heldBy: heldBy.trim(),
      present: present.trim(),
      summary: summary.trim(),
      agreements: agreements.trim(),
      guardianIds,
      step4: {
        concernsDiscussed: parts.concernsDiscussed.trim(),
        missingInformationAsked: parts.missingInformationAsked.trim(),
        zienswijze: parts.zienswijze.trim(),
        helpOffered: parts.helpOffered.trim(),
        helpResponse,
        informedAboutFurtherCourse: furtherCourse,
        informedAboutRiskIndex: riskIndex,
      },
    };
  }

  const informedError = form.errors['step4-informedAboutFurtherCourse'] ?? form.errors['step4-informedAboutRiskIndex'];

  return (
    <FormShell
      idPrefix={idPrefix}
      title={correcting ? t('casePage.form.correctTitle', { kind: t('casePage.kinds.parent-conversation') }) : t(`${pc}.title`)}
      intro={<p className="field-hint">{t(`${pc}.intro`)}</p>}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={form.correcting ? t('casePage.form.saveCorrection') : t(`${pc}.save`)}
      onSubmit={(event) => form.submit(event, validate, body)}
      onCancel={onCancel}
      testId="parent-record-form"
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
          label={t(`${pc}.heldBy`)}
          hint={t(`${pc}.heldByHint`)}
          maxLength={200}
          required
          value={heldBy}
          onChange={(event) => setHeldBy(event.target.value)}
          error={form.errors['heldBy'] ?? null}
        />
      </div>
      <GuardianChoice idPrefix={idPrefix} selected={guardianIds} onChange={setGuardianIds} error={form.errors['guardianIds'] ?? null} />
      <TextField
        id={`${idPrefix}-present`}
        label={t('casePage.conversation.present')}
        hint={t('casePage.conversation.presentHintParent')}
        maxLength={500}
        value={present}
        onChange={(event) => setPresent(event.target.value)}
        error={form.errors['present'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-summary`}
        label={t('casePage.conversation.summary')}
        hint={t('casePage.conversation.summaryHint')}
        rows={4}
        maxLength={5000}
        required
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        error={form.errors['summary'] ?? null}
        data-testid="parent-record-summary"
      />
      <FactualLanguageHint text={summary} />
      {TEXT_PARTS.map(({ key, part, rows }) => (
        <TextAreaField
          key={key}
          id={`${idPrefix}-step4-${key}`}
          label={RECORD_PART_DETAILS[part].text[language]}
          {...(key === 'zienswijze' ? { hint: t(`${pc}.zienswijzeHint`) } : {})}
          rows={rows}
          maxLength={5000}
          required
          value={parts[key]}
          onChange={(event) => setParts((current) => ({ ...current, [key]: event.target.value }))}
          error={form.errors[`step4-${key}`] ?? null}
          data-testid={`parent-record-${key}`}
        />
      ))}
      <RadioGroup
        idPrefix={`${idPrefix}-step4-helpResponse`}
        name={`${idPrefix}-step4-helpResponse`}
        legend={t(`${pc}.helpResponse`)}
        options={HELP_RESPONSES.map((r) => ({ value: r, label: HELP_RESPONSE_LABELS[r][language] }))}
        value={helpResponse}
        onChange={setHelpResponse}
        error={form.errors['step4-helpResponse'] ?? null}
      />
      <fieldset className="checkbox-group" aria-describedby={informedError ? `${idPrefix}-step4-informed-error` : undefined}>
        <legend className="field-label checkbox-legend">{t(`${pc}.informed`)}</legend>
        {informedError && (
          <p id={`${idPrefix}-step4-informed-error`} className="field-error">
            {informedError}
          </p>
        )}
        <div className="checkbox-list">
          <div className="checkbox">
            <input
              id={`${idPrefix}-step4-informedAboutFurtherCourse`}
              type="checkbox"
              className="checkbox-input"
              checked={furtherCourse}
              aria-invalid={form.errors['step4-informedAboutFurtherCourse'] ? true : undefined}
              onChange={(event) => setFurtherCourse(event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-step4-informedAboutFurtherCourse`} className="checkbox-label">
              {RECORD_PART_DETAILS['further-course'].text[language]}
            </label>
          </div>
          <div className="checkbox">
            <input
              id={`${idPrefix}-step4-informedAboutRiskIndex`}
              type="checkbox"
              className="checkbox-input"
              checked={riskIndex}
              aria-invalid={form.errors['step4-informedAboutRiskIndex'] ? true : undefined}
              onChange={(event) => setRiskIndex(event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-step4-informedAboutRiskIndex`} className="checkbox-label">
              {RECORD_PART_DETAILS['risk-index'].text[language]}
            </label>
          </div>
        </div>
      </fieldset>
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
