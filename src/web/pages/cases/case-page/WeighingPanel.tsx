import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeighingView } from '../../../../contract/cases.js';
import { ANSWER_LABELS, questionById, UNSAFETY_KIND_LABELS, type QuestionId } from '../../../../domain/cases/afwegingskader/questions.js';
import { Notice } from '../../../components/Notice.js';
import { useFormatDateTime, useFormatList } from '../../../hooks/useFormat.js';
import { currentLanguage } from '../../../i18n/index.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';
import { telHref, veiligThuisName } from './SafetyBand.js';
import { WeighingForm } from './WeighingForm.js';
import './weighing.css';

type PathStep = WeighingView['path'][number];
type RecordedAnswer = WeighingView['superseded'][number];

/** Step 5's afwegingskader on the case page: where it stands, the answers in force, the next question. */
export function WeighingPanel() {
  const { data } = useCaseView();
  return data.weighing ? <WeighingContent weighing={data.weighing} /> : null;
}

/** A report was called for at or before this answer: what follows is answered together with Veilig Thuis. */
function involvedAfter(step: PathStep | undefined): boolean {
  return step !== undefined && (step.togetherWithVeiligThuis || step.report !== null);
}

function WeighingContent({ weighing }: { weighing: WeighingView }) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const lang = currentLanguage();
  const titleId = useId();
  const [again, setAgain] = useState<QuestionId | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [resets, setResets] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  const escalated = data.case.casushouder !== null && data.case.step >= 3;
  const mayAnswer = data.abilities['case.decide'] && data.case.phase !== 'closed' && escalated;
  const { path, next } = weighing;
  // Going back is answering a question on the path again: its last answer there is the one replaced.
  const goBackIndex = (question: QuestionId) => path.findLastIndex((step) => step.question === question);
  const mayGoBack = (question: QuestionId) => mayAnswer && question !== next && weighing.answerable.includes(question);
  const reanswering = again !== null && mayGoBack(again) ? again : null;
  const lastReport = path.at(-1)?.report ?? null;

  function afterSave(question: QuestionId) {
    setAgain(null);
    setSaved(t('casePage.weighing.saved', { number: questionById(question).number }));
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  function startGoingBack(question: QuestionId) {
    setSaved(null);
    setAgain((current) => (current === question ? null : question));
  }

  function cancelGoingBack(question: QuestionId) {
    setAgain(null);
    window.setTimeout(() => document.getElementById(`weighing-reanswer-${question}`)?.focus(), 0);
  }

  const nextQuestion = next ? questionById(next) : null;

  return (
    <section className="weighing case-step-panel" aria-labelledby={titleId} data-testid="weighing-panel">
      <div className="weighing-header">
        <h4 id={titleId} className="weighing-title">
          {t('casePage.weighing.title')}
        </h4>
        <p className="weighing-intro muted">{t('casePage.weighing.intro')}</p>
      </div>

      <div className={`weighing-outcome weighing-outcome-${weighing.outcome.kind}`} data-testid="weighing-outcome" data-kind={weighing.outcome.kind}>
        <span className="weighing-outcome-label">{t('casePage.weighing.outcomeLabel')}</span>
        <strong className="weighing-outcome-value" data-testid="weighing-outcome-value">
          {t(`casePage.weighing.outcomes.${weighing.outcome.kind}`, { date: weighing.outcome.termUntil ? formatDate(weighing.outcome.termUntil) : '' })}
        </strong>
        <span className="weighing-outcome-next">
          {nextQuestion
            ? t(weighing.nextTogetherWithVeiligThuis ? 'casePage.weighing.nextTogether' : 'casePage.weighing.nextIs', { number: nextQuestion.number, theme: nextQuestion.theme[lang] })
            : t('casePage.weighing.ended')}
        </span>
      </div>

      {weighing.reportRequired && (
        <div className="weighing-report" data-testid="weighing-report-notice">
          <p className="weighing-report-title">{t(lastReport?.repeat ? 'casePage.weighing.reportTitleAgain' : 'casePage.weighing.reportTitle')}</p>
          <p>
            {t('casePage.weighing.reportLater', { name: veiligThuisName(data.safety.veiligThuisRegion) })}{' '}
            <a className="tel" href={telHref(data.safety.veiligThuisPhone)}>
              {data.safety.veiligThuisPhone}
            </a>
          </p>
          <p>{t('casePage.weighing.reportAfter')}</p>
        </div>
      )}

      {saved && (
        <div ref={noticeRef} tabIndex={-1} className="weighing-notice">
          <Notice tone="success">{saved}</Notice>
        </div>
      )}

      <ol className="weighing-path" data-testid="weighing-path">
        {path.map((step, index) => {
          const goesBack = reanswering === step.question && goBackIndex(step.question) === index;
          const canGoBack = mayGoBack(step.question) && goBackIndex(step.question) === index;
          return (
            <PathItem
              key={`${step.entryId ?? 'escalation'}-${step.question}`}
              step={step}
              action={
                canGoBack && (
                  <button
                    id={`weighing-reanswer-${step.question}`}
                    type="button"
                    className="link-button weighing-reanswer"
                    aria-expanded={goesBack}
                    aria-label={t('casePage.weighing.reanswerLabel', { number: questionById(step.question).number })}
                    onClick={() => startGoingBack(step.question)}
                    data-testid="weighing-reanswer"
                  >
                    {t('casePage.weighing.reanswer')}
                  </button>
                )
              }
            >
              {goesBack && (
                <div className="case-panel weighing-form-panel">
                  <WeighingForm
                    idPrefix={`weighing-${step.question}-again`}
                    question={step.question}
                    goingBack
                    together={involvedAfter(path[index - 1])}
                    previousAnsweredOn={path[index - 1]?.answeredOn ?? null}
                    onSaved={afterSave}
                    onCancel={() => cancelGoingBack(step.question)}
                  />
                </div>
              )}
            </PathItem>
          );
        })}
        {nextQuestion && (
          <li className="weighing-step weighing-step-next" data-testid="weighing-next" data-question={nextQuestion.id}>
            <span className="weighing-marker" aria-hidden="true">
              {nextQuestion.number}
            </span>
            <div className="weighing-step-main">
              {mayAnswer && reanswering === null ? (
                <div className="case-panel weighing-form-panel">
                  <WeighingForm
                    key={`${nextQuestion.id}-${path.length}-${resets}`}
                    idPrefix={`weighing-${nextQuestion.id}`}
                    question={nextQuestion.id}
                    goingBack={false}
                    together={weighing.nextTogetherWithVeiligThuis}
                    previousAnsweredOn={path.at(-1)?.answeredOn ?? null}
                    onSaved={afterSave}
                    // Nothing to close: cancelling empties the form.
                    onCancel={() => setResets((n) => n + 1)}
                  />
                </div>
              ) : (
                <>
                  <p className="weighing-step-label">{t('casePage.weighing.questionLabel', { number: nextQuestion.number, theme: nextQuestion.theme[lang] })}</p>
                  <p className="weighing-step-question">{nextQuestion.text[lang]}</p>
                  <p className="muted weighing-waiting">
                    {path.length === 0 && <>{t('casePage.weighing.nothingYet')} </>}
                    {!escalated
                      ? t('casePage.weighing.notEscalated')
                      : reanswering === null && data.case.phase !== 'closed' && !mayAnswer
                        ? t('casePage.weighing.waitingForDecider')
                        : null}
                  </p>
                </>
              )}
            </div>
          </li>
        )}
      </ol>

      {weighing.superseded.length > 0 && (
        <details className="case-disclosure weighing-superseded" data-testid="weighing-superseded">
          <summary>{t('casePage.weighing.superseded', { count: weighing.superseded.length })}</summary>
          <p className="muted weighing-superseded-intro">{t('casePage.weighing.supersededIntro')}</p>
          <ol className="weighing-superseded-list">
            {weighing.superseded.map((answer) => (
              <li key={`${answer.entryId ?? 'escalation'}-${answer.question}`} className="weighing-superseded-item" data-testid="weighing-superseded-item" data-question={answer.question} data-answer={answer.answer}>
                <AnswerHeading answer={answer} extra={<span className="weighing-badge weighing-badge-superseded">{t('casePage.weighing.supersededMark')}</span>} />
                <AnswerFacts answer={answer} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** One answer in force: the question, the answer, the facts, and where it leads. */
function PathItem({ step, action, children }: { step: PathStep; action: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const question = questionById(step.question);
  return (
    <li
      className={step.report ? 'weighing-step weighing-step-report' : 'weighing-step'}
      data-testid="weighing-step"
      data-question={step.question}
      data-answer={step.answer}
      data-report={step.report ? 'true' : 'false'}
    >
      <span className="weighing-marker" aria-hidden="true">
        {question.number}
      </span>
      <div className="weighing-step-main">
        <AnswerHeading answer={step} action={action} />
        {step.report && (
          <p className="weighing-report-marker" data-testid="weighing-report-marker">
            <span className="weighing-report-icon" aria-hidden="true">
              !
            </span>
            {t(step.report.repeat ? 'casePage.weighing.reportAgain' : 'casePage.weighing.report', { meldnorm: step.report.meldnorm })}
          </p>
        )}
        <AnswerFacts answer={step} />
        <div className="weighing-explanation" data-testid="weighing-explanation">
          <p className="weighing-explanation-label">{t('casePage.weighing.explanation')}</p>
          <p className="weighing-explanation-text">{step.explanation[lang]}</p>
        </div>
        {children}
      </div>
    </li>
  );
}

/** "Vraag 2 · Veiligheid", the question, the answer with its badges, and an action on the right. */
function AnswerHeading({ answer, action, extra }: { answer: RecordedAnswer & { togetherWithVeiligThuis?: boolean }; action?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const question = questionById(answer.question);
  return (
    <>
      <div className="weighing-step-head">
        <h5 className="weighing-step-label">{t('casePage.weighing.questionLabel', { number: question.number, theme: question.theme[lang] })}</h5>
        {action}
      </div>
      <p className="weighing-step-question">{question.text[lang]}</p>
      <p className="weighing-step-answer">
        <span className="sr-only">{t('casePage.weighing.answer')}: </span>
        <span className={`weighing-answer weighing-answer-${answer.answer}`} data-testid="weighing-answer">
          {ANSWER_LABELS[answer.answer][lang]}
        </span>
        {answer.unsafety && <span className="weighing-unsafety">{UNSAFETY_KIND_LABELS[answer.unsafety][lang]}</span>}
        {answer.togetherWithVeiligThuis && (
          <span className="weighing-badge weighing-badge-together" data-testid="weighing-together">
            {t('casePage.weighing.together')}
          </span>
        )}
        {answer.fromEscalation && (
          <span className="weighing-badge weighing-badge-escalation" data-testid="weighing-from-escalation">
            {t('casePage.weighing.fromEscalation')}
          </span>
        )}
        {extra}
      </p>
    </>
  );
}

/** The reasoning, the day, who took part, the term and who recorded it. */
function AnswerFacts({ answer }: { answer: RecordedAnswer }) {
  const { t } = useTranslation();
  const { names } = useCaseView();
  const formatList = useFormatList();
  const formatDateTime = useFormatDateTime();
  // Step 3's decision names its maker by account; every other answer by the names typed in.
  const participants = answer.participants.map((p) => names.get(p) ?? p);
  return (
    <>
      <dl className="weighing-facts">
        <div className="weighing-fact weighing-fact-long">
          <dt>{t('casePage.weighing.reasoning')}</dt>
          <dd className="notes" data-testid="weighing-reasoning-text">
            {answer.reasoning}
          </dd>
        </div>
        <div className="weighing-fact">
          <dt>{t('casePage.weighing.answeredOn')}</dt>
          <dd>{formatDate(answer.answeredOn)}</dd>
        </div>
        <div className="weighing-fact">
          <dt>{t('casePage.weighing.participants')}</dt>
          <dd data-testid="weighing-participants-text">
            {formatList(participants)}
            {answer.veiligThuisTookPart && (
              <>
                {' · '}
                <span className="weighing-vt-took-part">{t('casePage.weighing.veiligThuisTookPart')}</span>
              </>
            )}
          </dd>
        </div>
        {answer.termUntil && (
          <div className="weighing-fact">
            <dt>{t('casePage.weighing.term')}</dt>
            <dd data-testid="weighing-term-text">{t('casePage.weighing.termUntil', { date: formatDate(answer.termUntil) })}</dd>
          </div>
        )}
      </dl>
      <p className="weighing-recorded">{t('casePage.weighing.recordedBy', { name: answer.recordedBy.name, date: formatDateTime(answer.recordedAt) })}</p>
    </>
  );
}
