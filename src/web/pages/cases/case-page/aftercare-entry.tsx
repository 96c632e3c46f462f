import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_PARTNERS } from '../../../../contract/cases.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';

export type Wellbeing = 'good' | 'mixed' | 'worrying';
export const WELLBEINGS: readonly Wellbeing[] = ['good', 'mixed', 'worrying'];
export type ContactPartner = (typeof CONTACT_PARTNERS)[number];
export { CONTACT_PARTNERS };

export type MonitoringNote = { observedOn: string; observation: string; wellbeing: Wellbeing };
export type AftercareReview = { dueOn: string; heldOn: string | null; outcome: string | null };
export type Contact = { partner: ContactPartner; partnerName: string | null; ownerUserId: string; notes: string | null };

type Body = Record<string, unknown>;
const asBody = (value: unknown): Body => (typeof value === 'object' && value !== null ? (value as Body) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The entries are read defensively: an entry stays readable even when its form has changed since. */
export function readMonitoringNote(value: unknown): MonitoringNote | null {
  const b = asBody(value);
  const observedOn = str(b['observedOn']);
  const observation = str(b['observation']);
  const wellbeing = WELLBEINGS.find((w) => w === b['wellbeing']);
  return observedOn && observation && wellbeing ? { observedOn, observation, wellbeing } : null;
}

export function readReview(value: unknown): AftercareReview | null {
  const b = asBody(value);
  const dueOn = str(b['dueOn']);
  return dueOn ? { dueOn, heldOn: str(b['heldOn']), outcome: str(b['outcome']) } : null;
}

export function readContacts(value: unknown): Contact[] {
  const contacts = asBody(value)['contacts'];
  if (!Array.isArray(contacts)) return [];
  return contacts.flatMap((item): Contact[] => {
    const c = asBody(item);
    const partner = CONTACT_PARTNERS.find((p) => p === c['partner']);
    const ownerUserId = str(c['ownerUserId']);
    return partner && ownerUserId ? [{ partner, partnerName: str(c['partnerName']), ownerUserId, notes: str(c['notes']) }] : [];
  });
}

export function WellbeingBadge({ wellbeing }: { wellbeing: Wellbeing }) {
  const { t } = useTranslation();
  return (
    <span className={`badge aftercare-wellbeing aftercare-wellbeing-${wellbeing}`} data-testid="wellbeing-badge" data-wellbeing={wellbeing}>
      {t(`casePage.aftercare.wellbeing.${wellbeing}`)}
    </span>
  );
}

/** The partner as the school names it: the generic name, refined by the name the team gave. */
export function usePartnerLabel(): (contact: Pick<Contact, 'partner' | 'partnerName'>) => string {
  const { t } = useTranslation();
  return (contact) => {
    const generic = t(`casePage.aftercare.partners.${contact.partner}`);
    return contact.partnerName ? `${generic} — ${contact.partnerName}` : generic;
  };
}

/** Who at school keeps in touch with which partner, as a small table. */
export function ContactTable({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  const { names } = useCaseView();
  const partnerLabel = usePartnerLabel();
  return (
    <table className="aftercare-contacts" data-testid="contact-matrix-table">
      <caption className="sr-only">{t('casePage.aftercare.contacts.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('casePage.aftercare.contacts.partner')}</th>
          <th scope="col">{t('casePage.aftercare.contacts.owner')}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact, index) => (
          <tr key={index} data-testid="contact-matrix-row" data-partner={contact.partner}>
            <th scope="row">{partnerLabel(contact)}</th>
            <td>
              {names.get(contact.ownerUserId) ?? t('casePage.aftercare.formerOwner')}
              {contact.notes && <span className="aftercare-contact-notes muted">{contact.notes}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Row({ label, children, long = false }: { label: string; children: ReactNode; long?: boolean }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className={long ? 'case-body-row case-body-row-long' : 'case-body-row'}>
      <dt>{label}</dt>
      <dd className={long ? 'notes' : undefined}>{children}</dd>
    </div>
  );
}

/** The timeline's view of a monitoring note. */
export function MonitoringNoteEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const note = readMonitoringNote(body);
  if (!note) return null;
  return (
    <>
      <Row label={t('casePage.aftercare.monitoring.observedOn')}>{formatDate(note.observedOn)}</Row>
      <Row label={t('casePage.aftercare.monitoring.wellbeing')}>
        <WellbeingBadge wellbeing={note.wellbeing} />
      </Row>
      <Row label={t('casePage.aftercare.monitoring.observation')} long>
        {note.observation}
      </Row>
    </>
  );
}

/** The timeline's view of a review: planned, or held with its outcome. */
export function AftercareReviewEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const review = readReview(body);
  if (!review) return null;
  return (
    <>
      <Row label={t('casePage.aftercare.reviews.dueOn')}>{formatDate(review.dueOn)}</Row>
      <Row label={t('casePage.aftercare.reviews.heldOn')}>{review.heldOn ? formatDate(review.heldOn) : null}</Row>
      <Row label={t('casePage.aftercare.reviews.outcome')} long>
        {review.outcome}
      </Row>
    </>
  );
}

/** The timeline's view of a contact matrix. */
export function ContactMatrixEntryBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const contacts = readContacts(body);
  if (contacts.length === 0) return null;
  return (
    <Row label={t('casePage.aftercare.contacts.title')}>
      <ContactTable contacts={contacts} />
    </Row>
  );
}
