import type { z } from 'zod';
import type { agreementBody, consultationBody, conversationBody, kindcheckBody, signalBody, veiligThuisAdviceBody } from '../../../../contract/cases.js';
import { readContacts, readMonitoringNote, readReview } from './aftercare-entry.js';
import { AftercareReviewForm } from './AftercareReviewForm.js';
import { AgreementForm } from './AgreementForm.js';
import { ContactMatrixForm } from './ContactMatrixForm.js';
import { MonitoringNoteForm } from './MonitoringNoteForm.js';
import { ConsultationForm } from './ConsultationForm.js';
import { ConversationForm } from './ConversationForm.js';
import { KindcheckForm } from './KindcheckForm.js';
import { readPlan, readStep4 } from './parent-conversation-entry.js';
import { ParentConversationPlanForm } from './ParentConversationPlanForm.js';
import { ParentConversationRecordForm } from './ParentConversationRecordForm.js';
import { ParentNotHeldForm } from './ParentNotHeldForm.js';
import { SignalForm } from './SignalForm.js';
import { VeiligThuisAdviceForm } from './VeiligThuisAdviceForm.js';

/** The entries a person corrects with the form they were recorded with. (A task is chosen again instead.) */
const CORRECTABLE = [
  'signal',
  'pupil-conversation',
  'parent-conversation',
  'consultation',
  'veilig-thuis-advice',
  'kindcheck',
  'agreement',
  'parent-conversation-plan',
  'parent-conversation-not-held',
  'monitoring-note',
  'aftercare-review',
  'contact-matrix',
] as const;
export type FormEntryKind = (typeof CORRECTABLE)[number];

export function isCorrectableHere(kind: string): kind is FormEntryKind {
  return (CORRECTABLE as readonly string[]).includes(kind);
}

type Props = {
  kind: string;
  idPrefix: string;
  /** The entry and its current body, when correcting; null for a new entry. */
  correcting: { entryId: string; body: unknown } | null;
  /** For a new agreement: what it is for. */
  agreementPurpose?: 'task-division' | 'monitoring';
  onSaved: () => void;
  onCancel: () => void;
};

/** The form of an entry kind, new or prefilled for a correction. */
export function EntryForm({ kind, idPrefix, correcting, agreementPurpose = 'task-division', onSaved, onCancel }: Props) {
  const common = { idPrefix, onSaved, onCancel };
  switch (kind) {
    case 'signal':
      return <SignalForm {...common} correcting={typed<z.output<typeof signalBody>>(correcting)} />;
    case 'parent-conversation':
      // A step-4 conversation keeps its parts: it is corrected with the form that asks them.
      if (correcting && readStep4(correcting.body) !== null) return <ParentConversationRecordForm {...common} correcting={correcting} />;
      return <ConversationForm {...common} kind={kind} correcting={typed<z.output<typeof conversationBody>>(correcting)} />;
    case 'parent-conversation-plan':
      return <ParentConversationPlanForm {...common} initial={correcting ? readPlan(correcting.body) : null} correctingEntryId={correcting?.entryId ?? null} />;
    case 'parent-conversation-not-held':
      return <ParentNotHeldForm {...common} correcting={correcting} />;
    case 'pupil-conversation':
      return <ConversationForm {...common} kind={kind} correcting={typed<z.output<typeof conversationBody>>(correcting)} />;
    case 'consultation':
      return <ConsultationForm {...common} correcting={typed<z.output<typeof consultationBody>>(correcting)} />;
    case 'veilig-thuis-advice':
      return <VeiligThuisAdviceForm {...common} correcting={typed<z.output<typeof veiligThuisAdviceBody>>(correcting)} />;
    case 'kindcheck':
      return <KindcheckForm {...common} correcting={typed<z.output<typeof kindcheckBody>>(correcting)} />;
    case 'agreement':
      return <AgreementForm {...common} purpose={agreementPurpose} correcting={typed<z.output<typeof agreementBody>>(correcting)} />;
    case 'monitoring-note': {
      const note = correcting ? readMonitoringNote(correcting.body) : null;
      return <MonitoringNoteForm {...common} correcting={correcting && note ? { entryId: correcting.entryId, body: note } : null} />;
    }
    case 'aftercare-review': {
      const review = correcting ? readReview(correcting.body) : null;
      return <AftercareReviewForm {...common} correcting={correcting && review ? { entryId: correcting.entryId, body: review } : null} />;
    }
    case 'contact-matrix':
      return <ContactMatrixForm {...common} current={correcting ? readContacts(correcting.body) : []} correctingEntryId={correcting?.entryId ?? null} />;
    default:
      return null;
  }
}

/** The server sent this body for this kind; the form reads it as the kind's own record. */
function typed<B>(correcting: { entryId: string; body: unknown } | null): { entryId: string; body: B } | null {
  return correcting ? { entryId: correcting.entryId, body: correcting.body as B } : null;
}
