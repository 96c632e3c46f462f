import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_LABELS, questionById, UNSAFETY_KIND_LABELS, UNSAFETY_KINDS, type Answer, type QuestionId, type UnsafetyKind } from '../../../../domain/cases/afwegingskader/questions.js';
import { answerWeighingQuestion } from '../../../api/cases.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { currentLanguage } from '../../../i18n/index.js';
import { formatDate, isDate, todayAtSchool } from '../../pupils/dates.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { checkPastDate, FormShell, refreshCase, useServerErrors, type FieldErrors } from './entry-form.js';
import { noParticipants, participantNames, ParticipantsField, useParticipants } from './ParticipantsField.js';
import { QuestionHelpList } from './WeighingHelp.js';

/** Where each answer leads, in a line on its card: the keys of `casePage.weighing.leads`. */
const LEAD_KEYS = [
  'q1-yes',
  'q1-no',
  'q2-yes',
  'q2-doubt',
  'q2-no',
  'q3-yes',
  'q3-no',
  'q3-no-together',
  'q4-yes',
  'q4-no',
  'q4-no-together',
  'q5-yes',
  'q5-no',
] as const;
type LeadKey = (typeof LEAD_KEYS)[number];

function leadKey(question: QuestionId, answer: Answer, together: boolean): LeadKey | null {
  // After a report, a no at Q3 or Q4 calls for no second report (weighing.ts): its card says so.
  const key = `${question}-${answer}${together && answer === 'no' && (question === 'q3' || question === 'q4') ? '-together' : ''}`;
  return (LEAD_KEYS as readonly string[]).includes(key) ? (key as LeadKey) : null;
}

/** A yes at Q3 (help can be offered) or Q4 (help accepted) comes with the term for results. */
function needsTerm(question: QuestionId, answer: Answer | null): boolean {
  return (question === 'q3' || question === 'q4') && answer === 'yes';
}

/** The day after a yyyy-mm-dd date: the earliest term for results. */
function dayAfter(date: string): string | undefined {
  if (!isDate(date)) return undefined;
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

type Props = {
  idPrefix: string;
  question: QuestionId;
  /** Answering a question on the path again: the later answers stop counting. */
  goingBack: boolean;
  /** A report was called for before this question: it is answered together with Veilig Thuis. */
  together: boolean;
  /** The day of the answer this one follows: the weighing's answers keep their order. */
  previousAnsweredOn: string | null;
  onSaved: (question: QuestionId) => void;
  onCancel: () => void;
};

/**
 * One afwegingsvraag as a form: the question with its help, the answers it takes (each saying where
 * it leads), and what the file needs with it: reasoning, the day, who took part, whether Veilig
 * Thuis did, the kind of unsafety at Q2 and the term at a yes to Q3 or Q4.
 */
export function WeighingForm({ idPrefix, question, goingBack, together, previousAnsweredOn, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { caseId } = useCaseView();
  const queryClient = useQueryClient();
  const lang = currentLanguage();
  const q = questionById(question);
  const today = todayAtSchool();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [unsafety, setUnsafety] = useState<UnsafetyKind | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today);
  const [participants, setParticipants] = useParticipants();
  const [veiligThuis, setVeiligThuis] = useState(together);
  const [termUntil, setTermUntil] = useState('');
  const problems = useServerErrors(idPrefix, ['answer', 'unsafety', 'reasoning', 'answeredOn', 'participants', 'termUntil']);
  const aboutUnsafety = question === 'q2' && (answer === 'yes' || answer === 'doubt');
  const withTerm = needsTerm(question, answer);

  const save = useMutation({
    mutationFn: () =>
      answerWeighingQuestion(caseId, {
        question,
        answer: answer!,
        unsafety: aboutUnsafety ? unsafety : null,
        reasoning: reasoning.trim(),
        answeredOn,
        participants: participantNames(participants),
        veiligThuisTookPart: veiligThuis,
        termUntil: withTerm ? termUntil : null,
      }),
    onSuccess: async () => {
      await refreshCase(queryClient);
      onSaved(question);
    },
    onError: problems.show,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const found: FieldErrors = {
      answer: answer === null ? t('casePage.weighing.answerRequired') : undefined,
      unsafety: question === 'q2' && answer === 'yes' && unsafety === null ? t('casePage.weighing.unsafetyRequired') : undefined,
      reasoning: reasoning.trim() === '' ? t('casePage.weighing.reasoningRequired') : undefined,
      answeredOn:
        checkPastDate(answeredOn, today, t) ??
        (previousAnsweredOn !== null && answeredOn < previousAnsweredOn ? t('casePage.weighing.dateBeforePrevious', { date: formatDate(previousAnsweredOn) }) : undefined),
      participants: noParticipants(participants) ? t('casePage.weighing.participantsRequired') : undefined,
      termUntil: withTerm
        ? !isDate(termUntil)
          ? t('casePage.weighing.termRequired')
          : isDate(answeredOn) && termUntil <= answeredOn
            ? t('casePage.weighing.termNotAfter')
            : undefined
        : undefined,
    };
    if (problems.check(found)) save.mutate();
  }

  const answerError = problems.errors['answer'];

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(goingBack ? 'casePage.weighing.formTitleAgain' : 'casePage.weighing.formTitle', { number: q.number, theme: q.theme[lang] })}
      intro={
        (goingBack || together) && (
          <div className="weighing-form-notes">
            {goingBack && (
              <p className="weighing-going-back" data-testid="weighing-going-back">
                {t('casePage.weighing.goingBack')}
              </p>
            )}
            {together && (
              <p className="weighing-form-together">
                <span className="weighing-badge weighing-badge-together">{t('casePage.weighing.together')}</span> {t('casePage.weighing.togetherNote')}
              </p>
            )}
          </div>
        )
      }
      alert={problems.alert}
      pending={save.isPending}
      submitLabel={t('casePage.weighing.save')}
      onSubmit={submit}
      onCancel={onCancel}
      testId="weighing-form"
    >
      <fieldset className="radio-group radio-group-cards weighing-answers" aria-describedby={answerError ? `${idPrefix}-answer-error` : undefined} data-invalid={answerError ? true : undefined}>
        <legend className="weighing-form-question">{q.text[lang]}</legend>
        <details className="case-disclosure weighing-help" data-testid="weighing-help">
          <summary>{t('casePage.weighing.help')}</summary>
          <QuestionHelpList question={question} />
        </details>
        {answerError && (
          <p id={`${idPrefix}-answer-error`} className="field-error">
            {answerError}
          </p>
        )}
        <div className="radio-list">
          {q.answers.map((option) => {
            const id = `${idPrefix}-answer-${option}`;
            const lead = leadKey(question, option, together);
            return (
              <div key={option} className={answer === option ? 'radio radio-checked' : 'radio'}>
                <input
                  id={id}
                  type="radio"
                  name={`${idPrefix}-answer`}
                  className="radio-input"
                  value={option}
                  checked={answer === option}
                  aria-describedby={lead ? `${id}-description` : undefined}
                  onChange={() => setAnswer(option)}
                />
                <label htmlFor={id} className="radio-label">
                  <span className="radio-label-text">{ANSWER_LABELS[option][lang]}</span>
                  {lead && (
                    <span id={`${id}-description`} className="radio-description">
                      {t(`casePage.weighing.leads.${lead}`)}
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {aboutUnsafety && (
        <RadioGroup
          idPrefix={`${idPrefix}-unsafety`}
          name={`${idPrefix}-unsafety`}
          legend={t('casePage.weighing.unsafetyLegend')}
          {...(answer === 'doubt' ? { hint: t('casePage.weighing.unsafetyHintDoubt') } : {})}
          options={UNSAFETY_KINDS.map((kind) => ({ value: kind, label: UNSAFETY_KIND_LABELS[kind][lang] }))}
          value={unsafety}
          onChange={setUnsafety}
          error={problems.errors['unsafety'] ?? null}
        />
      )}
      <TextAreaField
        id={`${idPrefix}-reasoning`}
        label={t('casePage.weighing.reasoningLabel')}
        hint={t('casePage.weighing.reasoningHint')}
        rows={4}
        maxLength={5000}
        required
        value={reasoning}
        onChange={(event) => setReasoning(event.target.value)}
        error={problems.errors['reasoning'] ?? null}
        data-testid="weighing-reasoning"
      />
      <div className="weighing-form-dates">
        <TextField
          id={`${idPrefix}-answeredOn`}
          type="date"
          className="input-date"
          label={t('casePage.weighing.answeredOnLabel')}
          hint={t('casePage.weighing.answeredOnHint')}
          max={today}
          required
          value={answeredOn}
          onChange={(event) => setAnsweredOn(event.target.value)}
          error={problems.errors['answeredOn'] ?? null}
          data-testid="weighing-answered-on"
        />
        {withTerm && (
          <TextField
            id={`${idPrefix}-termUntil`}
            type="date"
            className="input-date"
            label={t('casePage.weighing.termLabel')}
            hint={t('casePage.weighing.termHint')}
            min={dayAfter(answeredOn)}
            required
            value={termUntil}
            onChange={(event) => setTermUntil(event.target.value)}
            error={problems.errors['termUntil'] ?? null}
            data-testid="weighing-term"
          />
        )}
      </div>
      <ParticipantsField
        idPrefix={idPrefix}
        texts="casePage.weighing"
        testId="weighing-participants"
        participants={participants}
        onChange={setParticipants}
        error={problems.errors['participants']}
      />
      <div className="checkbox">
        <input
          id={`${idPrefix}-veiligThuisTookPart`}
          type="checkbox"
          className="checkbox-input"
          checked={veiligThuis}
          onChange={(event) => setVeiligThuis(event.target.checked)}
          data-testid="weighing-veilig-thuis"
        />
        <label htmlFor={`${idPrefix}-veiligThuisTookPart`} className="checkbox-label">
          {t('casePage.weighing.veiligThuisLabel')}
        </label>
      </div>
    </FormShell>
  );
}
