import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/TextField.js';
import { SelectField } from '../../pupils/fields.js';
import { CONTACT_PARTNERS, type Contact, type ContactPartner } from './aftercare-entry.js';
import { ownerOptions, useCaseView } from './case-context.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';

type Row = { key: number; partner: ContactPartner; partnerName: string; ownerUserId: string; notes: string };
const MAX_CONTACTS = 20;

type Props = {
  idPrefix: string;
  /** The current list, to start from; recording again replaces it (the timeline keeps the earlier). */
  current: readonly Contact[];
  /** The matrix entry, when correcting it from the timeline. */
  correctingEntryId?: string | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** Who at school keeps in touch with which partner: Veilig Thuis, wijkteam, JBRR, SMW, … */
export function ContactMatrixForm({ idPrefix, current, correctingEntryId = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const nextKey = useRef(current.length + 1);
  const [rows, setRows] = useState<Row[]>(() =>
    current.length > 0
      ? current.map((c, index) => ({ key: index, partner: c.partner, partnerName: c.partnerName ?? '', ownerUserId: c.ownerUserId, notes: c.notes ?? '' }))
      : [{ key: 0, partner: 'veilig-thuis', partnerName: '', ownerUserId: '', notes: '' }],
  );
  const fields = rows.flatMap((_, index) => ['partner', 'partnerName', 'ownerUserId', 'notes'].map((f) => `contacts-${index}-${f}`));
  const form = useEntryForm({ kind: 'contact-matrix', entryId: correctingEntryId, idPrefix, fields, onSaved });
  const owners = ownerOptions(data);
  const c = 'casePage.aftercare.contacts';

  function update(index: number, patch: Partial<Row>) {
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  function add() {
    const used = new Set(rows.map((row) => row.partner));
    const partner = CONTACT_PARTNERS.find((p) => !used.has(p)) ?? 'other';
    setRows((list) => [...list, { key: nextKey.current++, partner, partnerName: '', ownerUserId: '', notes: '' }]);
    window.setTimeout(() => document.getElementById(`${idPrefix}-contacts-${rows.length}-partner`)?.focus(), 0);
  }

  function remove(index: number) {
    setRows((list) => list.filter((_, i) => i !== index));
    window.setTimeout(() => document.getElementById(`${idPrefix}-contacts-0-partner`)?.focus(), 0);
  }

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    rows.forEach((row, index) => {
      if (row.ownerUserId === '') found[`contacts-${index}-ownerUserId`] = t(`${c}.ownerRequired`);
    });
    return found;
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={correctingEntryId ? t('casePage.form.correctTitle', { kind: t('casePage.kinds.contact-matrix') }) : t(`${c}.open`)}
      intro={<p className="muted aftercare-form-intro">{t(`${c}.formIntro`)}</p>}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correctingEntryId ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) =>
        form.submit(event, validate, () => ({
          contacts: rows.map((row) => ({ partner: row.partner, partnerName: row.partnerName.trim() || null, ownerUserId: row.ownerUserId, notes: row.notes.trim() || null })),
        }))
      }
      onCancel={onCancel}
      testId="contact-matrix-form"
    >
      <ol className="aftercare-contact-rows">
        {rows.map((row, index) => {
          const id = `${idPrefix}-contacts-${index}`;
          const ownerList = row.ownerUserId !== '' && !owners.some((o) => o.userId === row.ownerUserId) ? [...owners, { userId: row.ownerUserId, name: t('casePage.aftercare.formerOwner') }] : owners;
          return (
            <li key={row.key} className="aftercare-contact-row" data-testid="contact-matrix-form-row">
              <fieldset className="aftercare-contact-fieldset">
                <legend className="aftercare-contact-legend">{t(`${c}.row`, { number: index + 1 })}</legend>
                <div className="aftercare-contact-grid">
                  <SelectField id={`${id}-partner`} label={t(`${c}.partner`)} required value={row.partner} onChange={(event) => update(index, { partner: event.target.value as ContactPartner })} error={form.errors[`contacts-${index}-partner`] ?? null}>
                    {CONTACT_PARTNERS.map((partner) => (
                      <option key={partner} value={partner}>
                        {t(`casePage.aftercare.partners.${partner}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={`${id}-partnerName`}
                    label={t(`${c}.partnerName`)}
                    maxLength={200}
                    value={row.partnerName}
                    onChange={(event) => update(index, { partnerName: event.target.value })}
                    error={form.errors[`contacts-${index}-partnerName`] ?? null}
                  />
                  <SelectField id={`${id}-ownerUserId`} label={t(`${c}.owner`)} required value={row.ownerUserId} onChange={(event) => update(index, { ownerUserId: event.target.value })} error={form.errors[`contacts-${index}-ownerUserId`] ?? null}>
                    <option value="">{t(`${c}.chooseOwner`)}</option>
                    {ownerList.map((owner) => (
                      <option key={owner.userId} value={owner.userId}>
                        {owner.name}
                      </option>
                    ))}
                  </SelectField>
                  <TextField id={`${id}-notes`} label={t(`${c}.notes`)} maxLength={1000} value={row.notes} onChange={(event) => update(index, { notes: event.target.value })} error={form.errors[`contacts-${index}-notes`] ?? null} />
                </div>
                {rows.length > 1 && (
                  <button type="button" className="button button-secondary button-compact aftercare-contact-remove" onClick={() => remove(index)}>
                    {t(`${c}.remove`, { number: index + 1 })}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_CONTACTS && (
        <div>
          <button type="button" className="button button-secondary button-compact" onClick={add} data-testid="contact-matrix-add">
            {t(`${c}.add`)}
          </button>
        </div>
      )}
    </FormShell>
  );
}
