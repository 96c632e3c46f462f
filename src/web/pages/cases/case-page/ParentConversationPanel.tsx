import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { adviceNotFollowed, CONVERSATION_KIND_LABELS, NOT_HOLDING_GROUND_LABELS, PRACTICAL_ADVICE } from '../../../../domain/cases/parent-conversation.js';
import { Notice } from '../../../components/Notice.js';
import { currentLanguage } from '../../../i18n/index.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView, type CaseEntryView } from './case-context.js';
import { readNotHeld, readPlan, readStep4, useHoldersLine } from './parent-conversation-entry.js';
import { ParentConversationPlanForm } from './ParentConversationPlanForm.js';
import { ParentConversationRecordForm } from './ParentConversationRecordForm.js';
import { ParentNotHeldForm } from './ParentNotHeldForm.js';
import './parent-conversation.css';

type Open = 'plan' | 'record' | 'not-held' | null;

/**
 * Step 4 on the case page: preparing the conversation with the parents (the school's decision aid,
 * with Veilig Thuis's practical advice), recording it with the parts the meldcode asks, or — only
 * on one of three grounds — deciding not to hold it. Each is an entry in the file; the panel shows
 * the latest of each.
 */
export function ParentConversationPanel() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const language = currentLanguage();
  const holdersLine = useHoldersLine();
  const titleId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const buttons = { plan: useRef<HTMLButtonElement>(null), record: useRef<HTMLButtonElement>(null), 'not-held': useRef<HTMLButtonElement>(null) };
  const mayWrite = data.abilities['case.write'] && data.case.phase !== 'closed';
  const pc = 'casePage.parentConversation';

  const plans = data.entries.filter((e) => e.kind === 'parent-conversation-plan');
  const latestPlanEntry = plans.at(-1) ?? null;
  const latestPlan = latestPlanEntry ? readPlan(latestPlanEntry.current.body) : null;
  const conversations = data.entries.filter((e) => e.kind === 'parent-conversation' && readStep4(e.current.body) !== null);
  const notHeldEntry = data.entries.filter((e) => e.kind === 'parent-conversation-not-held').at(-1) ?? null;
  const notHeld = notHeldEntry ? readNotHeld(notHeldEntry.current.body) : null;

  function show(next: Open, firstField: string) {
    setSaved(null);
    setOpen(next);
    window.setTimeout(() => document.querySelector<HTMLElement>(`[id^="${firstField}"]`)?.focus(), 0);
  }

  function closed(message: string | null) {
    const from = open;
    setOpen(null);
    setSaved(message);
    window.setTimeout(() => (message ? noticeRef.current : from ? buttons[from].current : null)?.focus(), 0);
  }

  const planNames = latestPlan ? latestPlan.holders.map((h) => data.team.find((m) => m.userId === h.userId)?.name).filter((n): n is string => n !== undefined).join(', ') : null;

  return (
    <section className="pc-panel case-step-panel" aria-labelledby={titleId} data-testid="parent-conversation-panel">
      <div className="pc-header">
        <h4 id={titleId} className="pc-title">
          {t(`${pc}.title`)}
        </h4>
        <p className="pc-intro muted">{t(`${pc}.intro`)}</p>
        {!data.abilities['case.write'] && <p className="pc-intro muted">{t(`${pc}.readOnly`)}</p>}
      </div>

      {saved && (
        <div ref={noticeRef} tabIndex={-1} className="pc-notice">
          <Notice tone="success">{saved}</Notice>
        </div>
      )}

      <div className="pc-parts">
        <Part title={t(`${pc}.plan.title`)} testId="parent-plan-summary">
          {latestPlan && latestPlanEntry ? (
            <>
              <p className="pc-part-meta muted">{t(`${pc}.plan.latest`, { date: formatDate(latestPlanEntry.current.recordedAt.slice(0, 10)), name: latestPlanEntry.current.recordedBy.name })}</p>
              <dl className="pc-facts">
                <Fact label={t(`${pc}.plan.kind`)}>{latestPlan.kind ? CONVERSATION_KIND_LABELS[latestPlan.kind][language] : '—'}</Fact>
                <Fact label={t(`${pc}.plan.summaryHolders`)}>{holdersLine(latestPlan) ?? '—'}</Fact>
                <Fact label={t(`${pc}.plan.plannedOn`)}>{latestPlan.plannedOn ? formatDate(latestPlan.plannedOn) : t(`${pc}.plan.notPlannedOn`)}</Fact>
              </dl>
              <AdviceNote ids={adviceNotFollowed(latestPlan)} />
            </>
          ) : (
            <p className="pc-none muted">{t(`${pc}.plan.none`)}</p>
          )}
          {mayWrite && open !== 'plan' && (
            <OpenButton buttonRef={buttons.plan} primary={latestPlan === null} onClick={() => show('plan', 'parent-plan-answers-trust')} testId="parent-plan-open">
              {latestPlan ? t(`${pc}.plan.openAgain`) : t(`${pc}.plan.open`)}
            </OpenButton>
          )}
        </Part>

        <Part title={t(`${pc}.record.title`)} testId="parent-record-summary">
          {conversations.length === 0 ? (
            <p className="pc-none muted">{t(`${pc}.record.none`)}</p>
          ) : (
            <ul className="pc-conversations">
              {conversations.map((entry) => (
                <ConversationItem key={entry.entryId} entry={entry} />
              ))}
            </ul>
          )}
          {mayWrite && open !== 'record' && (
            <OpenButton buttonRef={buttons.record} primary={latestPlan !== null && conversations.length === 0} onClick={() => show('record', 'parent-record-heldOn')} testId="parent-record-open">
              {conversations.length === 0 ? t(`${pc}.record.open`) : t(`${pc}.record.openAnother`)}
            </OpenButton>
          )}
        </Part>

        <Part title={t(`${pc}.notHeld.title`)} testId="parent-not-held-summary" className="pc-part-not-held">
          {notHeld && notHeldEntry ? (
            <>
              <p className="pc-part-meta muted">{t(`${pc}.notHeld.heading`, { date: formatDate(notHeldEntry.firstRecordedAt.slice(0, 10)) })}</p>
              <p className="pc-ground">{notHeld.ground ? NOT_HOLDING_GROUND_LABELS[notHeld.ground][language] : '—'}</p>
              {notHeld.reconsiderOn && <p className="pc-reconsider">{t(`${pc}.notHeld.reconsider`, { date: formatDate(notHeld.reconsiderOn) })}</p>}
            </>
          ) : (
            <p className="pc-none muted">{t(`${pc}.notHeld.none`)}</p>
          )}
          {mayWrite && open !== 'not-held' && (
            <OpenButton buttonRef={buttons['not-held']} primary={false} onClick={() => show('not-held', 'parent-not-held-ground')} testId="parent-not-held-open">
              {t(`${pc}.notHeld.open`)}
            </OpenButton>
          )}
        </Part>
      </div>

      {mayWrite && open === 'plan' && (
        <div className="case-panel pc-form-panel">
          <ParentConversationPlanForm idPrefix="parent-plan" initial={latestPlan} onSaved={() => closed(t(`${pc}.plan.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && open === 'record' && (
        <div className="case-panel pc-form-panel">
          <ParentConversationRecordForm idPrefix="parent-record" plannedHolders={planNames || null} correcting={null} onSaved={() => closed(t(`${pc}.record.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && open === 'not-held' && (
        <div className="case-panel pc-form-panel">
          <ParentNotHeldForm idPrefix="parent-not-held" correcting={null} onSaved={() => closed(t(`${pc}.notHeld.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
    </section>
  );
}

function Part({ title, testId, className, children }: { title: string; testId: string; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={className ? `pc-part ${className}` : 'pc-part'} aria-labelledby={headingId} data-testid={testId}>
      <h5 id={headingId} className="pc-part-title">
        {title}
      </h5>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="pc-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function OpenButton({ buttonRef, primary, onClick, testId, children }: { buttonRef: RefObject<HTMLButtonElement | null>; primary: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <div className="pc-actions">
      <button ref={buttonRef} type="button" className={primary ? 'button button-primary button-compact' : 'button button-secondary button-compact'} onClick={onClick} data-testid={testId}>
        {children}
      </button>
    </div>
  );
}

/** The practical advice the plan does not follow yet: a gentle note, never a stop. */
export function AdviceNote({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (ids.length === 0) return null;
  return (
    <div className="pc-advice-note" data-testid="parent-plan-advice-note">
      <p className="pc-advice-note-title">{t('casePage.parentConversation.plan.adviceNote', { count: ids.length })}</p>
      <ul className="pc-advice-note-list">
        {ids.map((id) => (
          <li key={id} data-advice={id}>
            {PRACTICAL_ADVICE.find((a) => a.id === id)?.text[language]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConversationItem({ entry }: { entry: CaseEntryView }) {
  const { t } = useTranslation();
  const body = entry.current.body as Record<string, unknown>;
  const parts = readStep4(body);
  const heldOn = typeof body['heldOn'] === 'string' ? formatDate(body['heldOn']) : '—';
  const heldBy = typeof body['heldBy'] === 'string' ? body['heldBy'] : '';
  return (
    <li className="pc-conversation" data-testid="parent-record-item" data-entry-id={entry.entryId}>
      <p className="pc-conversation-head">
        <strong>{t('casePage.parentConversation.record.heading', { date: heldOn })}</strong>
        {heldBy && <span className="muted"> · {heldBy}</span>}
      </p>
      {parts?.zienswijze && <p className="notes pc-zienswijze">{parts.zienswijze}</p>}
    </li>
  );
}
