import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/Notice.js';
import { formatDate } from '../../pupils/dates.js';
import { ContactTable, readContacts, readMonitoringNote, readReview, WellbeingBadge, type AftercareReview, type MonitoringNote } from './aftercare-entry.js';
import { AftercareReviewForm, AftercareReviewHeldForm } from './AftercareReviewForm.js';
import { AgreementForm } from './AgreementForm.js';
import { AgreementList } from './AgreementList.js';
import { useCaseView } from './case-context.js';
import { ContactMatrixForm } from './ContactMatrixForm.js';
import { MonitoringNoteForm } from './MonitoringNoteForm.js';
import './aftercare.css';

type Open = 'monitoring' | 'agreement' | 'contacts' | 'review-plan' | { held: string } | null;

/**
 * Step 6 on the case page, aftercare (nazorg): the teacher keeps monitoring the child; school, child
 * and parents agree how they go on; the team records who keeps in touch with which partner and
 * reviews the aftercare. The case stays open until the last review is held.
 */
export function AftercarePanel() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const titleId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const buttons = { monitoring: useRef<HTMLButtonElement>(null), agreement: useRef<HTMLButtonElement>(null), contacts: useRef<HTMLButtonElement>(null), 'review-plan': useRef<HTMLButtonElement>(null) };
  const closedCase = data.case.phase === 'closed';
  const mayWrite = data.abilities['case.write'] && !closedCase;
  const a = 'casePage.aftercare';

  const notes = data.entries
    .filter((e) => e.kind === 'monitoring-note')
    .flatMap((e) => {
      const note = readMonitoringNote(e.current.body);
      return note ? [{ entry: e, note }] : [];
    })
    .sort((x, y) => (y.note.observedOn + y.entry.firstRecordedAt).localeCompare(x.note.observedOn + x.entry.firstRecordedAt));
  const matrixEntry = data.entries.filter((e) => e.kind === 'contact-matrix').at(-1) ?? null;
  const contacts = matrixEntry ? readContacts(matrixEntry.current.body) : [];
  const reviews = data.entries
    .filter((e) => e.kind === 'aftercare-review')
    .flatMap((e) => {
      const review = readReview(e.current.body);
      return review ? [{ entryId: e.entryId, review }] : [];
    })
    .sort((x, y) => x.review.dueOn.localeCompare(y.review.dueOn));
  const pendingReviews = reviews.filter((r) => r.review.heldOn === null);
  const closesLine = reviews.length === 0 ? `${a}.closesAfterNone` : pendingReviews.length > 0 ? `${a}.closesAfterPending` : `${a}.closesAfterReady`;

  function show(next: Open, firstField: string) {
    setSaved(null);
    setOpen(next);
    window.setTimeout(() => document.getElementById(firstField)?.focus(), 0);
  }

  function closed(message: string | null) {
    const from = open;
    setOpen(null);
    setSaved(message);
    const button = typeof from === 'string' ? buttons[from].current : null;
    window.setTimeout(() => (message ? noticeRef.current : button)?.focus(), 0);
  }

  const heldFor = typeof open === 'object' && open !== null ? reviews.find((r) => r.entryId === open.held) : undefined;

  return (
    <section className="aftercare-panel case-step-panel" aria-labelledby={titleId} data-testid="aftercare-panel">
      <div className="aftercare-header">
        <h4 id={titleId} className="aftercare-title">
          {t(`${a}.title`)}
        </h4>
        <p className="aftercare-intro muted">{t(`${a}.intro`)}</p>
        {closedCase ? <p className="aftercare-intro muted">{t(`${a}.closedNote`)}</p> : !data.abilities['case.write'] && <p className="aftercare-intro muted">{t(`${a}.readOnly`)}</p>}
      </div>

      <div className="aftercare-principles" data-testid="aftercare-principles">
        <p className="aftercare-principles-title">{t(`${a}.principlesTitle`)}</p>
        <ul className="aftercare-principles-list">
          <li className="aftercare-principle-lead">{t(`${a}.principleChild`)}</li>
          <li>{t(`${a}.principleSmw`)}</li>
          <li>{t(`${a}.principleContacts`)}</li>
        </ul>
      </div>

      {saved && (
        <div ref={noticeRef} tabIndex={-1} className="aftercare-notice">
          <Notice tone="success">{saved}</Notice>
        </div>
      )}

      <div className="aftercare-parts">
        <Part title={t(`${a}.monitoring.title`)} testId="aftercare-monitoring">
          {notes.length === 0 ? (
            <p className="aftercare-none muted">{t(`${a}.monitoring.none`)}</p>
          ) : (
            <ul className="aftercare-notes">
              {notes.map(({ entry, note }) => (
                <NoteItem key={entry.entryId} note={note} name={entry.firstRecordedBy.name} />
              ))}
            </ul>
          )}
          {mayWrite && open !== 'monitoring' && (
            <OpenButton buttonRef={buttons.monitoring} primary onClick={() => show('monitoring', 'aftercare-monitoring-form-observedOn')} testId="aftercare-monitoring-open">
              {t(`${a}.monitoring.open`)}
            </OpenButton>
          )}
        </Part>

        <Part title={t(`${a}.reviews.title`)} testId="aftercare-reviews">
          {reviews.length === 0 ? (
            <p className="aftercare-none muted">{t(`${a}.reviews.none`)}</p>
          ) : (
            <ul className="aftercare-reviews">
              {reviews.map(({ entryId, review }) => (
                <ReviewItem
                  key={entryId}
                  entryId={entryId}
                  review={review}
                  action={
                    mayWrite && review.heldOn === null && !(heldFor && heldFor.entryId === entryId) ? (
                      <button type="button" className="button button-primary button-compact" onClick={() => show({ held: entryId }, 'aftercare-review-held-heldOn')} data-testid="aftercare-review-record">
                        {t(`${a}.reviews.record`)}
                      </button>
                    ) : null
                  }
                />
              ))}
            </ul>
          )}
          <p className="aftercare-closes" data-testid="aftercare-closes">
            {t(closesLine)}
          </p>
          {mayWrite && open !== 'review-plan' && (
            <OpenButton buttonRef={buttons['review-plan']} primary={reviews.length === 0} onClick={() => show('review-plan', 'aftercare-review-plan-dueOn')} testId="aftercare-review-plan-open">
              {t(`${a}.reviews.plan`)}
            </OpenButton>
          )}
        </Part>

        <Part title={t(`${a}.agreements.title`)} testId="aftercare-agreements" wide>
          {data.entries.some((e) => e.kind === 'agreement' && (e.current.body as { purpose?: unknown } | null)?.purpose === 'aftercare') ? (
            <AgreementList purpose="aftercare" />
          ) : (
            <p className="aftercare-none muted">{t(`${a}.agreements.none`)}</p>
          )}
          {mayWrite && open !== 'agreement' && (
            <OpenButton buttonRef={buttons.agreement} primary={false} onClick={() => show('agreement', 'aftercare-agreement-what')} testId="aftercare-agreement-open">
              {t(`${a}.agreements.open`)}
            </OpenButton>
          )}
        </Part>

        <Part title={t(`${a}.contacts.title`)} testId="aftercare-contacts" wide>
          {matrixEntry && contacts.length > 0 ? (
            <>
              <ContactTable contacts={contacts} />
              <p className="aftercare-meta muted">{t(`${a}.contacts.current`, { date: formatDate(matrixEntry.firstRecordedAt.slice(0, 10)), name: matrixEntry.firstRecordedBy.name })}</p>
            </>
          ) : (
            <p className="aftercare-none muted">{t(`${a}.contacts.none`)}</p>
          )}
          {mayWrite && open !== 'contacts' && (
            <OpenButton buttonRef={buttons.contacts} primary={false} onClick={() => show('contacts', 'aftercare-contacts-form-contacts-0-partner')} testId="aftercare-contacts-open">
              {matrixEntry ? t(`${a}.contacts.openAgain`) : t(`${a}.contacts.open`)}
            </OpenButton>
          )}
        </Part>
      </div>

      {mayWrite && open === 'monitoring' && (
        <div className="case-panel aftercare-form-panel">
          <MonitoringNoteForm idPrefix="aftercare-monitoring-form" correcting={null} onSaved={() => closed(t(`${a}.monitoring.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && open === 'review-plan' && (
        <div className="case-panel aftercare-form-panel">
          <AftercareReviewForm idPrefix="aftercare-review-plan" correcting={null} onSaved={() => closed(t(`${a}.reviews.planSaved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && heldFor && (
        <div className="case-panel aftercare-form-panel">
          <AftercareReviewHeldForm idPrefix="aftercare-review-held" review={{ entryId: heldFor.entryId, body: heldFor.review }} onSaved={() => closed(t(`${a}.reviews.recordSaved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && open === 'agreement' && (
        <div className="case-panel aftercare-form-panel">
          <AgreementForm idPrefix="aftercare-agreement" purpose="aftercare" correcting={null} onSaved={() => closed(t(`${a}.agreements.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
      {mayWrite && open === 'contacts' && (
        <div className="case-panel aftercare-form-panel">
          <ContactMatrixForm idPrefix="aftercare-contacts-form" current={contacts} onSaved={() => closed(t(`${a}.contacts.saved`))} onCancel={() => closed(null)} />
        </div>
      )}
    </section>
  );
}

/** A part of the panel; a wide one (agreements, the contact table) takes the whole row. */
function Part({ title, testId, wide = false, children }: { title: string; testId: string; wide?: boolean; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={wide ? 'aftercare-part aftercare-part-wide' : 'aftercare-part'} aria-labelledby={headingId} data-testid={testId}>
      <h5 id={headingId} className="aftercare-part-title">
        {title}
      </h5>
      {children}
    </section>
  );
}

function OpenButton({ buttonRef, primary, onClick, testId, children }: { buttonRef: RefObject<HTMLButtonElement | null>; primary: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <div className="aftercare-actions">
      <button ref={buttonRef} type="button" className={primary ? 'button button-primary button-compact' : 'button button-secondary button-compact'} onClick={onClick} data-testid={testId}>
        {children}
      </button>
    </div>
  );
}

function NoteItem({ note, name }: { note: MonitoringNote; name: string }) {
  const { t } = useTranslation();
  return (
    <li className="aftercare-note" data-testid="aftercare-note">
      <p className="aftercare-note-head">
        <WellbeingBadge wellbeing={note.wellbeing} />
        <span className="muted">{t('casePage.aftercare.monitoring.meta', { date: formatDate(note.observedOn), name })}</span>
      </p>
      <p className="aftercare-note-text notes">{note.observation}</p>
    </li>
  );
}

function ReviewItem({ entryId, review, action }: { entryId: string; review: AftercareReview; action: ReactNode }) {
  const { t } = useTranslation();
  const r = 'casePage.aftercare.reviews';
  const held = review.heldOn !== null;
  return (
    <li className="aftercare-review" data-testid="aftercare-review" data-entry-id={entryId} data-state={held ? 'held' : 'planned'}>
      <p className="aftercare-review-head">
        <span className={held ? 'badge badge-ok' : 'badge badge-todo'}>{held ? t(`${r}.held`) : t(`${r}.planned`)}</span>
        <span>{held
            ? review.heldOn === review.dueOn
              ? t(`${r}.heldOnOnly`, { date: formatDate(review.heldOn) })
              : t(`${r}.heldOnLine`, { date: formatDate(review.heldOn!), due: formatDate(review.dueOn) })
            : t(`${r}.plannedFor`, { date: formatDate(review.dueOn) })}</span>
      </p>
      {review.outcome && <p className="aftercare-review-outcome notes">{review.outcome}</p>}
      {action && <div className="aftercare-review-action">{action}</div>}
    </li>
  );
}
