import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyMapMark } from '../../../../domain/cases/signals/body-map.js';
import { CATALOGUE_GUIDANCE, SIGNAL_CATALOGUE, type LocalisedText, type SignalCategory } from '../../../../domain/cases/signals/signal-catalogue.js';
import type { SignalInput } from '../../../api/cases.js';
import { BodyMap } from '../../../components/BodyMap.js';
import { FactualLanguageHint } from '../../../components/FactualLanguageHint.js';
import { RadioGroup } from '../../../components/RadioGroup.js';
import { TextField } from '../../../components/TextField.js';
import { TextAreaField } from '../../pupils/fields.js';
import { isDate } from '../../pupils/dates.js';

export type SignalSource = SignalInput['source'];
export const SIGNAL_SOURCES: readonly SignalSource[] = ['own-observation', 'child-told', 'other-told'];

/** The fields of a signal, by the names the API uses (and names in its errors). */
export const SIGNAL_FIELDS = ['observedOn', 'observedTime', 'place', 'observedBy', 'source', 'sourceDetail', 'description', 'counterIndications', 'signalItemIds', 'bodyMap'] as const;
export type SignalField = (typeof SIGNAL_FIELDS)[number];
export type SignalErrors = Partial<Record<SignalField, string>>;

const DESCRIPTION_MAX = 5000;
const COUNTER_MAX = 2000;
const SHORT_MAX = 200;

/** A new signal: today, no time, seen by the person recording it, their own observation. */
export function emptySignal(today: string, observedBy: string): SignalInput {
  return {
    observedOn: today,
    observedTime: null,
    place: '',
    observedBy,
    source: 'own-observation',
    sourceDetail: '',
    description: '',
    counterIndications: '',
    signalItemIds: [],
    bodyMap: [],
  };
}

/**
 * The signal as it is sent: who told it only when someone did (the text typed stays in the form
 * when the source changes back, but is not recorded), and no time as null.
 */
export function signalToSave(value: SignalInput): SignalInput {
  return {
    ...value,
    observedTime: value.observedTime ? value.observedTime : null,
    sourceDetail: value.source === 'own-observation' ? null : value.sourceDetail,
  };
}

/** What the browser can check before sending: the few things a signal cannot do without. */
export function checkSignal(value: SignalInput, today: string, t: TFunction): SignalErrors {
  const errors: SignalErrors = {};
  if (!isDate(value.observedOn)) errors.observedOn = t('cases.signal.errors.observedOn');
  else if (value.observedOn > today) errors.observedOn = t('cases.signal.errors.observedOnFuture');
  if (value.observedTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(value.observedTime)) errors.observedTime = t('cases.signal.errors.observedTime');
  if (value.observedBy.trim() === '') errors.observedBy = t('cases.signal.errors.observedBy');
  if (value.description.trim() === '') errors.description = t('cases.signal.errors.description');
  return errors;
}

/** The signal field a server error names ("firstSignal.description", "body.bodyMap.0.x" → the field), if any. */
export function signalFieldOf(error: unknown): SignalField | null {
  const field = typeof error === 'object' && error !== null && 'field' in error && typeof error.field === 'string' ? error.field : '';
  return (field.split('.').find((part) => (SIGNAL_FIELDS as readonly string[]).includes(part)) as SignalField | undefined) ?? null;
}

/** The element to move the focus to for a field with a problem. */
export function signalFieldId(idPrefix: string, field: SignalField): string {
  switch (field) {
    case 'source':
      return `${idPrefix}-source-own-observation`;
    case 'signalItemIds':
      return `${idPrefix}-catalogue-${SIGNAL_CATALOGUE[0]?.id ?? ''}`;
    case 'bodyMap':
      return `${idPrefix}-bodymap`;
    default:
      return `${idPrefix}-${field}`;
  }
}

/** Moves the focus to the first field with a problem, in the order of the form. */
export function focusFirstProblem(idPrefix: string, errors: SignalErrors): void {
  const first = SIGNAL_FIELDS.find((field) => errors[field]);
  if (!first) return;
  const element = document.getElementById(signalFieldId(idPrefix, first));
  // A problem inside a closed disclosure: open it first, or the focus would land nowhere visible.
  const details = element?.closest('details');
  if (details && !details.open && element?.tagName !== 'SUMMARY') details.open = true;
  element?.focus();
}

type SignalFieldsProps = {
  value: SignalInput;
  onChange: (value: SignalInput) => void;
  errors?: SignalErrors | Record<string, string>;
  /** Prefixes every id, so that two signal forms can share a page. */
  idPrefix?: string;
  /** The latest date a signal can have (yyyy-mm-dd): today at school. */
  today?: string;
};

/**
 * The fields of one signal (steps 1–2): when and where, who observed it, the source, what was seen
 * or heard (with the factual-language hint), counter-indications, items of the signal list and an
 * optional body map. Controlled: the form around it keeps the value, saves it and passes errors.
 */
export function SignalFields({ value, onChange, errors = {}, idPrefix = 'signal', today }: SignalFieldsProps) {
  const { t, i18n } = useTranslation();
  const error = (field: SignalField): string | null => (errors as Record<string, string | undefined>)[field] ?? null;
  const set = <K extends keyof SignalInput>(key: K, next: SignalInput[K]) => onChange({ ...value, [key]: next });
  const id = (field: string) => `${idPrefix}-${field}`;
  const told = value.source !== 'own-observation';

  return (
    <div className="signal-fields">
      <div className="signal-when">
        <TextField
          id={id('observedOn')}
          type="date"
          className="input-date"
          label={t('cases.signal.observedOn')}
          required
          max={today}
          value={value.observedOn}
          onChange={(event) => set('observedOn', event.target.value)}
          error={error('observedOn')}
          data-testid="signal-date"
        />
        <TextField
          id={id('observedTime')}
          type="time"
          className="input-time"
          label={t('cases.signal.observedTime')}
          value={value.observedTime ?? ''}
          onChange={(event) => set('observedTime', event.target.value === '' ? null : event.target.value)}
          error={error('observedTime')}
          data-testid="signal-time"
        />
        <TextField
          id={id('place')}
          label={t('cases.signal.place')}
          placeholder={t('cases.signal.placeHint')}
          autoComplete="off"
          maxLength={SHORT_MAX}
          value={value.place ?? ''}
          onChange={(event) => set('place', event.target.value)}
          error={error('place')}
          data-testid="signal-place"
        />
      </div>

      <div className="form-field-narrow">
        <TextField
          id={id('observedBy')}
          label={t('cases.signal.observedBy')}
          autoComplete="off"
          required
          maxLength={SHORT_MAX}
          value={value.observedBy}
          onChange={(event) => set('observedBy', event.target.value)}
          error={error('observedBy')}
          data-testid="signal-observed-by"
        />
      </div>

      <RadioGroup
        idPrefix={id('source')}
        name={id('source')}
        legend={t('cases.signal.sourceLegend')}
        options={SIGNAL_SOURCES.map((source) => ({ value: source, label: t(`cases.signal.sources.${source}`) }))}
        value={value.source}
        onChange={(source) => set('source', source)}
        error={error('source')}
        variant="inline"
      />
      {told && (
        <div className="form-field-narrow signal-source-detail">
          <TextField
            id={id('sourceDetail')}
            label={value.source === 'child-told' ? t('cases.signal.sourceDetailChild') : t('cases.signal.sourceDetailOther')}
            hint={value.source === 'child-told' ? t('cases.signal.sourceDetailChildHint') : t('cases.signal.sourceDetailOtherHint')}
            autoComplete="off"
            maxLength={SHORT_MAX}
            value={value.sourceDetail ?? ''}
            onChange={(event) => set('sourceDetail', event.target.value)}
            error={error('sourceDetail')}
            data-testid="signal-source-detail"
          />
        </div>
      )}

      <div className="signal-description">
        <TextAreaField
          id={id('description')}
          label={t('cases.signal.description')}
          hint={t('cases.signal.descriptionHint')}
          rows={5}
          required
          maxLength={DESCRIPTION_MAX}
          value={value.description}
          onChange={(event) => set('description', event.target.value)}
          error={error('description')}
          data-testid="signal-description"
        />
        <FactualLanguageHint text={value.description} />
      </div>

      <TextAreaField
        id={id('counterIndications')}
        label={t('cases.signal.counterIndications')}
        hint={t('cases.signal.counterIndicationsHint')}
        rows={2}
        maxLength={COUNTER_MAX}
        value={value.counterIndications ?? ''}
        onChange={(event) => set('counterIndications', event.target.value)}
        error={error('counterIndications')}
        data-testid="signal-counter"
      />

      <Catalogue
        idPrefix={idPrefix}
        language={i18n.language === 'en' ? 'en' : 'nl'}
        selected={value.signalItemIds}
        onChange={(ids) => set('signalItemIds', ids)}
        error={error('signalItemIds')}
      />

      <BodyMapDisclosure idPrefix={idPrefix} marks={value.bodyMap as BodyMapMark[]} onChange={(marks) => set('bodyMap', marks)} error={error('bodyMap')} />
    </div>
  );
}

/* ---------- The signal list: a disclosure per category ---------- */

function Catalogue({
  idPrefix,
  language,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  language: 'nl' | 'en';
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const text = (localised: LocalisedText) => localised[language];
  // A form that opens with ticked items (a correction) shows their categories open.
  const [initiallyOpen] = useState(() => new Set(selected.map((itemId) => itemId.slice(0, itemId.indexOf('.')))));
  const legendId = `${idPrefix}-catalogue-legend`;

  function toggle(itemId: string, checked: boolean) {
    const next = checked ? [...selected, itemId] : selected.filter((v) => v !== itemId);
    // Keep the catalogue's order, whatever the order of ticking.
    const order = SIGNAL_CATALOGUE.flatMap((category) => category.items.map((item) => item.id as string));
    onChange([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  }

  // One closed disclosure: a teacher who only describes what she saw tabs past the list in one step.
  return (
    <details className="signal-catalogue" open={initiallyOpen.size > 0 || undefined} data-testid="signal-catalogue">
      <summary id={`${idPrefix}-catalogue-open`} className="catalogue-summary signal-catalogue-title">
        <span id={legendId}>{t('cases.signal.catalogueLegend')}</span>
        {selected.length > 0 && <span className="catalogue-count">{t('cases.signal.catalogueChosen', { count: selected.length })}</span>}
      </summary>
      <div className="signal-catalogue-body">
        <ul className="catalogue-guidance" data-testid="catalogue-guidance">
          {CATALOGUE_GUIDANCE.map((line) => (
            <li key={line.nl}>{text(line)}</li>
          ))}
        </ul>
        <p className="field-hint">{t('cases.signal.catalogueIntro')}</p>
        {error && <p className="field-error">{error}</p>}
        <div className="catalogue-categories" role="group" aria-labelledby={legendId}>
          {SIGNAL_CATALOGUE.map((category) => (
            <CatalogueCategory
              key={category.id}
              idPrefix={idPrefix}
              category={category}
              language={language}
              selected={selected}
              initiallyOpen={initiallyOpen.has(category.id)}
              onToggle={toggle}
            />
          ))}
        </div>
      </div>
    </details>
  );
}

function CatalogueCategory({
  idPrefix,
  category,
  language,
  selected,
  initiallyOpen,
  onToggle,
}: {
  idPrefix: string;
  category: SignalCategory;
  language: 'nl' | 'en';
  selected: readonly string[];
  initiallyOpen: boolean;
  onToggle: (itemId: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const count = category.items.filter((item) => selected.includes(item.id)).length;
  const legendId = `${idPrefix}-catalogue-${category.id}-legend`;
  return (
    <details className="catalogue-category" open={initiallyOpen || undefined} data-testid="catalogue-category" data-category={category.id}>
      <summary id={`${idPrefix}-catalogue-${category.id}`} className="catalogue-summary">
        <span className="catalogue-summary-text">{category.label[language]}</span>
        {count > 0 && <span className="badge badge-ok catalogue-count">{t('cases.signal.checked', { count })}</span>}
      </summary>
      <fieldset className="checkbox-group catalogue-items" aria-labelledby={legendId}>
        <legend id={legendId} className="sr-only">
          {category.label[language]}
        </legend>
        {category.note && <p className="field-hint">{category.note[language]}</p>}
        <div className="checkbox-list">
          {category.items.map((item) => {
            const itemId = `${idPrefix}-item-${item.id}`;
            return (
              <div key={item.id} className="checkbox checkbox-top">
                <input
                  id={itemId}
                  type="checkbox"
                  className="checkbox-input"
                  checked={selected.includes(item.id)}
                  onChange={(event) => onToggle(item.id, event.target.checked)}
                  data-testid="catalogue-item"
                  data-item={item.id}
                />
                <label htmlFor={itemId} className="checkbox-label">
                  {item.label[language]}
                  {item.unconfirmed && <span className="muted small"> ({t('cases.signal.unconfirmed')})</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </details>
  );
}

/* ---------- The body map, behind a disclosure ---------- */

function BodyMapDisclosure({ idPrefix, marks, onChange, error }: { idPrefix: string; marks: BodyMapMark[]; onChange: (marks: BodyMapMark[]) => void; error: string | null }) {
  const { t } = useTranslation();
  const [initiallyOpen] = useState(marks.length > 0);
  return (
    <details className="bodymap-disclosure" open={initiallyOpen || undefined} data-testid="bodymap-disclosure">
      <summary id={`${idPrefix}-bodymap`} className="bodymap-summary">
        {marks.length > 0 ? t('cases.signal.bodyMapWithMarks', { count: marks.length }) : t('cases.signal.bodyMapAdd')}
      </summary>
      <div className="bodymap-body">
        <p className="field-hint">{t('cases.signal.bodyMapHint')}</p>
        {error && <p className="field-error">{error}</p>}
        <BodyMap marks={marks} onChange={onChange} />
      </div>
    </details>
  );
}
