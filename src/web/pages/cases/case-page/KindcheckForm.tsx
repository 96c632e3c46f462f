import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { kindcheckBody } from '../../../../contract/cases.js';
import { findSignalCategory } from '../../../../domain/cases/signals/signal-catalogue.js';
import { CheckboxGroup } from '../../../components/CheckboxGroup.js';
import { TextAreaField } from '../../pupils/fields.js';
import { useCaseView } from './case-context.js';
import { useSignalItemLabel } from './case-labels.js';
import { FormShell, useEntryForm, type FieldErrors } from './entry-form.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { SiblingList } from './SiblingList.js';

type KindcheckBody = z.output<typeof kindcheckBody>;
type Outcome = KindcheckBody['outcome'];
const OUTCOMES: readonly Outcome[] = ['no-further-concern', 'concern-for-other-children', 'follow-meldcode-for-others'];
const FIELDS = ['childrenConsidered', 'parentSignalItemIds', 'parentSignals', 'outcome', 'notes'] as const;
const PARENT_SIGNALS = findSignalCategory('parent-signals')?.items ?? [];

type Props = {
  idPrefix: string;
  correcting: { entryId: string; body: KindcheckBody } | null;
  onSaved: () => void;
  onCancel: () => void;
};

/** The kindcheck as a school does it: the other children in the family, and signals in the parents. */
export function KindcheckForm({ idPrefix, correcting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const itemLabel = useSignalItemLabel();
  const initial = correcting?.body;
  const [childrenConsidered, setChildrenConsidered] = useState(initial?.childrenConsidered ?? '');
  const [parentSignalItemIds, setParentSignalItemIds] = useState<string[]>(initial?.parentSignalItemIds ?? []);
  const [parentSignals, setParentSignals] = useState(initial?.parentSignals ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(initial?.outcome ?? null);
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const form = useEntryForm({ kind: 'kindcheck', entryId: correcting?.entryId ?? null, idPrefix, fields: FIELDS, onSaved });

  function validate(): FieldErrors {
    return { outcome: outcome === null ? t('casePage.kindcheck.outcomeRequired') : undefined };
  }

  return (
    <FormShell
      idPrefix={idPrefix}
      title={t(correcting ? 'casePage.form.correctTitle' : 'casePage.form.newTitle', { kind: t('casePage.kinds.kindcheck') })}
      intro={<p className="field-hint">{t('casePage.kindcheck.intro')}</p>}
      alert={form.alert}
      correction={form.correcting ? { reason: form.reason, onReason: form.setReason, error: form.errors['reason'] } : null}
      pending={form.pending}
      submitLabel={correcting ? t('casePage.form.saveCorrection') : t('casePage.form.save')}
      onSubmit={(event) =>
        form.submit(event, validate, () => ({
          childrenConsidered: childrenConsidered.trim(),
          parentSignalItemIds,
          parentSignals: parentSignals.trim(),
          outcome,
          notes: notes.trim(),
        }))
      }
      onCancel={onCancel}
      testId="kindcheck-form"
    >
      <div className="case-siblings">
        <h5 className="case-form-subtitle">{t('casePage.kindcheck.siblings')}</h5>
        <SiblingList siblings={data.siblings} />
      </div>
      <TextAreaField
        id={`${idPrefix}-childrenConsidered`}
        label={t('casePage.kindcheck.childrenConsidered')}
        hint={t('casePage.kindcheck.childrenConsideredHint')}
        rows={3}
        maxLength={2000}
        value={childrenConsidered}
        onChange={(event) => setChildrenConsidered(event.target.value)}
        error={form.errors['childrenConsidered'] ?? null}
      />
      <CheckboxGroup
        idPrefix={`${idPrefix}-parentSignalItemIds`}
        legend={t('casePage.kindcheck.parentSignalItems')}
        hint={t('casePage.kindcheck.parentSignalItemsHint')}
        options={PARENT_SIGNALS.map((item) => ({ value: item.id as string, label: itemLabel(item.id) }))}
        selected={parentSignalItemIds}
        onChange={setParentSignalItemIds}
        error={form.errors['parentSignalItemIds'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-parentSignals`}
        label={t('casePage.kindcheck.parentSignals')}
        rows={2}
        maxLength={2000}
        value={parentSignals}
        onChange={(event) => setParentSignals(event.target.value)}
        error={form.errors['parentSignals'] ?? null}
      />
      <RadioGroup
        idPrefix={`${idPrefix}-outcome`}
        name={`${idPrefix}-outcome`}
        legend={t('casePage.kindcheck.outcome')}
        options={OUTCOMES.map((value) => ({ value, label: t(`casePage.kindcheckOutcomes.${value}`) }))}
        value={outcome}
        onChange={setOutcome}
        error={form.errors['outcome'] ?? null}
      />
      <TextAreaField
        id={`${idPrefix}-notes`}
        label={t('casePage.kindcheck.notes')}
        rows={2}
        maxLength={2000}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={form.errors['notes'] ?? null}
      />
    </FormShell>
  );
}
