import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseView } from './case-context.js';

export type Participant = { key: number; name: string };

/** The participants of a form, filled in from the team (or the casushouder, or one empty name). */
export function useParticipants() {
  const { data } = useCaseView();
  return useState<Participant[]>(() => {
    const names = data.team.map((member) => member.name);
    const start = names.length > 0 ? names : data.case.casushouder ? [data.case.casushouder.name] : [''];
    return start.map((name, key) => ({ key, name }));
  });
}

/** The names filled in, trimmed, without the empty ones. */
export function participantNames(participants: Participant[]): string[] {
  return participants.map((p) => p.name.trim()).filter((name) => name !== '');
}

/** Whether no name is filled in at all. */
export function noParticipants(participants: Participant[]): boolean {
  return participants.every((p) => p.name.trim() === '');
}

type Props = {
  idPrefix: string;
  /** Where the field's texts are: participantsLegend, participantsHint, participantLabel, participantRemove, participantAdd. */
  texts: 'casePage.weighing' | 'casePage.riskAssessment';
  testId: string;
  participants: Participant[];
  onChange: (update: (current: Participant[]) => Participant[]) => void;
  error: string | undefined;
};

/** Who took part: a list of names to add to, rename and remove from. */
export function ParticipantsField({ idPrefix, texts, testId, participants, onChange, error }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const nextKey = useRef(data.team.length + 1);

  function rename(key: number, name: string) {
    onChange((current) => current.map((p) => (p.key === key ? { ...p, name } : p)));
  }

  function addParticipant() {
    const key = nextKey.current++;
    const index = participants.length;
    onChange((current) => [...current, { key, name: '' }]);
    window.setTimeout(() => document.getElementById(`${idPrefix}-participants-${index}`)?.focus(), 0);
  }

  function removeParticipant(key: number, index: number) {
    onChange((current) => current.filter((p) => p.key !== key));
    // The focus goes to the name that takes this one's place, or the one before it, or "add".
    window.setTimeout(() => {
      const next = document.getElementById(`${idPrefix}-participants-${index}`) ?? document.getElementById(`${idPrefix}-participants-${index - 1}`);
      (next ?? document.getElementById(`${idPrefix}-participants-add`))?.focus();
    }, 0);
  }

  return (
    <fieldset className="weighing-participants" aria-describedby={[`${idPrefix}-participants-hint`, error ? `${idPrefix}-participants-error` : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">{t(`${texts}.participantsLegend`)}</legend>
      <p id={`${idPrefix}-participants-hint`} className="field-hint">
        {t(`${texts}.participantsHint`)}
      </p>
      {error && (
        <p id={`${idPrefix}-participants-error`} className="field-error">
          {error}
        </p>
      )}
      <ol className="weighing-participant-list" data-testid={testId}>
        {participants.map((participant, index) => (
          <li key={participant.key} className="weighing-participant">
            <label htmlFor={`${idPrefix}-participants-${index}`} className="sr-only">
              {t(`${texts}.participantLabel`, { number: index + 1 })}
            </label>
            <input
              id={`${idPrefix}-participants-${index}`}
              className="input"
              maxLength={200}
              autoComplete="off"
              value={participant.name}
              aria-invalid={error ? true : undefined}
              onChange={(event) => rename(participant.key, event.target.value)}
            />
            {participants.length > 1 && (
              <button
                type="button"
                className="weighing-participant-remove"
                aria-label={t(`${texts}.participantRemove`, { number: index + 1 })}
                title={t(`${texts}.participantRemove`, { number: index + 1 })}
                onClick={() => removeParticipant(participant.key, index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <button id={`${idPrefix}-participants-add`} type="button" className="button button-secondary button-compact weighing-participant-add" onClick={addParticipant}>
        {t(`${texts}.participantAdd`)}
      </button>
    </fieldset>
  );
}
