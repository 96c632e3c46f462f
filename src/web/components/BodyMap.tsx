import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BODY_MAP_LIMITS,
  BODY_MARK_TYPES,
  BODY_SIDES,
  nearestRegion,
  regionCentre,
  regionsOnSide,
  validateBodyMap,
  type BodyMapMark,
  type BodyMapProblemCode,
  type BodyMarkType,
  type BodyPoint,
  type BodyRegion,
  type BodySide,
} from '../../domain/cases/signals/body-map.js';
import { FactualLanguageHint } from './FactualLanguageHint.js';

/** The drawing's own units: the domain's 0..1 box is 100 by 200 of these. */
const VIEW_WIDTH = 100;
const VIEW_HEIGHT = 200;

type BodyMapProps = {
  marks: BodyMapMark[];
  onChange?: (marks: BodyMapMark[]) => void;
  readOnly?: boolean;
};

/**
 * The lichaamskaart: a child's outline from the front and the back, with numbered marks for
 * injuries and, under it, the list of marks in words. Everything the mouse can do, the keyboard can
 * too: a mark is added by choosing a side and a body region, and changed or removed from the list.
 */
export function BodyMap({ marks, onChange, readOnly = false }: BodyMapProps) {
  const { t } = useTranslation();
  const id = useId();
  const editable = !readOnly && onChange !== undefined;
  const [selected, setSelected] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The control to focus once the next render has put it in the page: after placing a mark its
  // type, after closing an editor the mark's own button, after removing a mark the add button.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const place = usePlaceText();
  const full = marks.length >= BODY_MAP_LIMITS.maxMarks;
  const typeId = (index: number) => `${id}-mark-${index}-type`;
  const editId = (index: number) => `${id}-edit-${index}`;
  const addId = `${id}-add-button`;

  useEffect(() => {
    if (focusNext === null) return;
    const element = document.getElementById(focusNext);
    // A parent that stores the marks asynchronously renders them later; wait for that render.
    if (!element) return;
    element.focus();
    setFocusNext(null);
  }, [focusNext, marks, selected]);

  function placeMark(side: BodySide, point: BodyPoint) {
    if (!onChange) return;
    if (full) {
      setAnnouncement(t('bodyMap.limitReached', { max: BODY_MAP_LIMITS.maxMarks }));
      return;
    }
    const mark: BodyMapMark = { side, ...point, type: 'other', colour: null, sizeCm: null, description: '' };
    const index = marks.length;
    onChange([...marks, mark]);
    setSelected(index);
    setFocusNext(typeId(index));
    setAnnouncement(t('bodyMap.announcePlaced', { number: index + 1, place: place(mark) }));
  }

  function changeMark(index: number, change: Partial<BodyMapMark>) {
    onChange?.(marks.map((mark, at) => (at === index ? { ...mark, ...change } : mark)));
  }

  function removeMark(index: number) {
    onChange?.(marks.filter((_, at) => at !== index));
    setSelected(null);
    setAnnouncement(t('bodyMap.announceRemoved', { number: index + 1 }));
    // The removed mark's controls are gone; the add button is the calm place to continue from.
    setFocusNext(addId);
  }

  /** Open a mark's fields, from the picture or the list; its first field takes the focus. */
  function openEditor(index: number) {
    setSelected(index);
    setFocusNext(typeId(index));
  }

  function closeEditor(index: number) {
    setSelected(null);
    setFocusNext(editId(index));
  }

  return (
    <div className="body-map">
      <p className="field-hint">{t('bodyMap.orientation')}</p>
      {editable && <p className="field-hint">{t('bodyMap.clickHint')}</p>}
      <div className="body-map-figures">
        {BODY_SIDES.map((side) => (
          <BodyOutline key={side} side={side} marks={marks} selected={selected} onPlace={editable ? placeMark : undefined} onSelect={editable ? openEditor : undefined} />
        ))}
      </div>

      {/* Not a heading: the page around the map decides the outline of headings. */}
      <p className="body-map-list-title" id={`${id}-list-title`}>
        {t('bodyMap.listTitle')}
      </p>
      {marks.length === 0 ? (
        <p className="muted">{t('bodyMap.empty')}</p>
      ) : (
        <ol className="body-map-list" aria-labelledby={`${id}-list-title`}>
          {marks.map((mark, index) => (
            <li key={index} className={selected === index ? 'body-map-item body-map-item-selected' : 'body-map-item'}>
              <MarkSummary mark={mark} index={index} />
              {editable &&
                (selected === index ? (
                  <MarkEditor
                    idPrefix={`${id}-mark-${index}`}
                    mark={mark}
                    index={index}
                    onChange={(change) => changeMark(index, change)}
                    onRemove={() => removeMark(index)}
                    onDone={() => closeEditor(index)}
                  />
                ) : (
                  <button
                    type="button"
                    id={editId(index)}
                    className="button button-secondary button-compact body-map-item-action"
                    onClick={() => openEditor(index)}
                  >
                    {t('bodyMap.edit')}
                    <span className="sr-only"> {t('bodyMap.mark', { number: index + 1 })}</span>
                  </button>
                ))}
            </li>
          ))}
        </ol>
      )}

      {editable && <AddByRegion idPrefix={`${id}-add`} buttonId={addId} marks={marks} full={full} onPlace={placeMark} />}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** "op de voorkant, bij de buik": where a mark is, in words, for lists and screen readers. */
function usePlaceText(): (mark: BodyMapMark) => string {
  const { t } = useTranslation();
  return (mark) =>
    t('bodyMap.place', {
      side: t(`bodyMap.sidesInText.${mark.side}`),
      near: t(`bodyMap.near.${nearestRegion(mark.side, mark)}`),
    });
}

type BodyOutlineProps = {
  side: BodySide;
  marks: readonly BodyMapMark[];
  selected: number | null;
  onPlace: ((side: BodySide, point: BodyPoint) => void) | undefined;
  onSelect: ((index: number) => void) | undefined;
};

/**
 * One side of the body with its marks. The picture is a convenience for the mouse: the list under
 * it holds the same marks in words and every action, so the picture is one image to assistive
 * technology.
 */
function BodyOutline({ side, marks, selected, onPlace, onSelect }: BodyOutlineProps) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const count = marks.filter((mark) => mark.side === side).length;
  // The child's right is on our left when it faces us, on our right when it turns its back.
  const [leftLetter, rightLetter] = side === 'front' ? [t('bodyMap.rightShort'), t('bodyMap.leftShort')] : [t('bodyMap.leftShort'), t('bodyMap.rightShort')];

  function place(event: MouseEvent<SVGGElement>) {
    const matrix = svg.current?.getScreenCTM();
    if (!onPlace || !matrix) return;
    // Screen pixels to the drawing's units, whatever size and zoom the picture is shown at.
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    onPlace(side, { x: toFraction(point.x / VIEW_WIDTH), y: toFraction(point.y / VIEW_HEIGHT) });
  }

  return (
    <figure className="body-map-figure">
      <svg ref={svg} className="body-map-svg" viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`} role="img" aria-label={t('bodyMap.figureLabel', { side: t(`bodyMap.sides.${side}`), count })}>
        <g className={onPlace ? 'body-map-outline body-map-outline-placeable' : 'body-map-outline'} onClick={onPlace ? place : undefined}>
          {/* The same shapes twice: stroked below, filled on top, so they read as one outline. */}
          <g className="body-map-outline-stroke">{OUTLINE_SHAPES}</g>
          <g className="body-map-outline-fill">{OUTLINE_SHAPES}</g>
        </g>
        <text className="body-map-side-letter" x="6" y="104" aria-hidden="true">
          {leftLetter}
        </text>
        <text className="body-map-side-letter" x="94" y="104" aria-hidden="true">
          {rightLetter}
        </text>
        {marks.map((mark, index) =>
          mark.side === side ? (
            <g
              key={index}
              className={selected === index ? 'body-map-mark body-map-mark-selected' : 'body-map-mark'}
              transform={`translate(${mark.x * VIEW_WIDTH} ${mark.y * VIEW_HEIGHT})`}
              onClick={onSelect ? () => onSelect(index) : undefined}
            >
              <circle r="5" />
              <text dy="0.35em">{index + 1}</text>
            </g>
          ) : null,
        )}
      </svg>
      <figcaption className="body-map-caption">{t(`bodyMap.sides.${side}`)}</figcaption>
    </figure>
  );
}

/**
 * A plain, gender-neutral child's outline in a 100 × 200 box: head, neck, torso, arms, hands, legs
 * and feet. The region centres in src/domain/cases/signals/body-map.ts follow these shapes.
 */
const OUTLINE_SHAPES = (
  <>
    <ellipse cx="50" cy="17" rx="11" ry="12.5" />
    <rect x="44.5" y="26" width="11" height="12" rx="2" />
    <path d="M31 41 Q31 35 38 35 L62 35 Q69 35 69 41 L67 97 Q67 103 61 103 L39 103 Q33 103 33 97 Z" />
    <rect x="-4.5" y="0" width="9" height="64" rx="4.5" transform="translate(30 39) rotate(8)" />
    <rect x="-4.5" y="0" width="9" height="64" rx="4.5" transform="translate(70 39) rotate(-8)" />
    <circle cx="20.5" cy="107" r="5" />
    <circle cx="79.5" cy="107" r="5" />
    <rect x="35" y="95" width="13" height="88" rx="6" />
    <rect x="52" y="95" width="13" height="88" rx="6" />
    <ellipse cx="40" cy="188" rx="7" ry="5" />
    <ellipse cx="60" cy="188" rx="7" ry="5" />
  </>
);

function toFraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** A mark in words: its number, kind and place; then colour, size and the description. */
function MarkSummary({ mark, index }: { mark: BodyMapMark; index: number }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceText();
  const size = mark.sizeCm === null ? null : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL').format(mark.sizeCm);
  const details = [mark.colour ? t('bodyMap.colourValue', { colour: mark.colour }) : null, size ? t('bodyMap.sizeValue', { size }) : null].filter(Boolean);
  return (
    <div className="body-map-item-text">
      <p className="body-map-item-title">
        <span className="body-map-number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="sr-only">{t('bodyMap.mark', { number: index + 1 })}: </span>
        <strong>{t(`bodyMap.types.${mark.type}`)}</strong> <span className="muted">{place(mark)}</span>
      </p>
      {details.length > 0 && <p className="body-map-item-details">{details.join(' · ')}</p>}
      {mark.description.trim() !== '' && <p className="body-map-item-description notes">{mark.description}</p>}
    </div>
  );
}

type MarkEditorProps = {
  /** The type select gets the id `${idPrefix}-type`, which BodyMap focuses after placing a mark. */
  idPrefix: string;
  mark: BodyMapMark;
  index: number;
  onChange: (change: Partial<BodyMapMark>) => void;
  onRemove: () => void;
  onDone: () => void;
};

/** The fields of one mark: kind, colour, size and description, checked by the domain's own rules. */
function MarkEditor({ idPrefix, mark, index, onChange, onRemove, onDone }: MarkEditorProps) {
  const { t } = useTranslation();
  const problems = new Set<BodyMapProblemCode>(validateBodyMap([mark]).map((problem) => problem.code));
  const problemText = (code: BodyMapProblemCode, max: number) => (problems.has(code) ? t(`bodyMap.problems.${code}`, { max }) : null);

  return (
    <fieldset className="body-map-editor">
      <legend className="body-map-editor-legend">{t('bodyMap.editorLegend', { number: index + 1 })}</legend>
      {problems.has('coordinate-out-of-range') && <p className="field-error">{t('bodyMap.problems.coordinate-out-of-range')}</p>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-type`} className="field-label">
            {t('bodyMap.fields.type')}
          </label>
          <select
            id={`${idPrefix}-type`}
            className="select"
            value={mark.type}
            onChange={(event) => onChange({ type: event.target.value as BodyMarkType })}
          >
            {BODY_MARK_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`bodyMap.types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <LabelledInput
          id={`${idPrefix}-colour`}
          label={t('bodyMap.fields.colour')}
          hint={t('bodyMap.fields.colourHint')}
          error={problemText('colour-too-long', BODY_MAP_LIMITS.maxColourLength)}
          value={mark.colour ?? ''}
          maxLength={BODY_MAP_LIMITS.maxColourLength}
          onValue={(value) => onChange({ colour: value.trim() === '' ? null : value })}
        />
        <SizeField idPrefix={idPrefix} sizeCm={mark.sizeCm} outOfRange={problemText('size-out-of-range', BODY_MAP_LIMITS.maxSizeCm)} onChange={(sizeCm) => onChange({ sizeCm })} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-description`} className="field-label">
          {t('bodyMap.fields.description')}
        </label>
        <p id={`${idPrefix}-description-hint`} className="field-hint">
          {t('bodyMap.fields.descriptionHint', { max: BODY_MAP_LIMITS.maxDescriptionLength })}
        </p>
        <textarea
          id={`${idPrefix}-description`}
          className="input textarea"
          aria-describedby={`${idPrefix}-description-hint`}
          value={mark.description}
          maxLength={BODY_MAP_LIMITS.maxDescriptionLength}
          onChange={(event) => onChange({ description: event.target.value })}
        />
        {/* A mark's description is an observation like any other: the same gentle check applies. */}
        <FactualLanguageHint text={mark.description} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('bodyMap.done')}
        </button>
        <button type="button" className="button button-danger-outline" onClick={onRemove}>
          {t('bodyMap.remove')}
          <span className="sr-only"> {t('bodyMap.mark', { number: index + 1 })}</span>
        </button>
      </div>
    </fieldset>
  );
}

type LabelledInputProps = {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  maxLength?: number;
  inputMode?: 'decimal';
  onValue: (value: string) => void;
};

/** A text input with its label, hint and error, wired for screen readers like TextField. */
function LabelledInput({ id, label, hint, error, value, maxLength, inputMode, onValue }: LabelledInputProps) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="text"
        className="input"
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onValue(event.target.value)}
      />
    </div>
  );
}

/**
 * The size in centimetres. Teachers write "2,5" as well as "2.5"; while what is typed is not yet a
 * number, the text stays as typed and the mark keeps its last size.
 */
function SizeField({ idPrefix, sizeCm, outOfRange, onChange }: { idPrefix: string; sizeCm: number | null; outOfRange: string | null; onChange: (sizeCm: number | null) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(() => (sizeCm === null ? '' : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { useGrouping: false }).format(sizeCm)));
  const parsed = parseSize(draft);
  const error = parsed === undefined ? t('bodyMap.sizeNotANumber') : outOfRange;

  function onValue(value: string) {
    setDraft(value);
    const size = parseSize(value);
    if (size !== undefined) onChange(size);
  }

  return <LabelledInput id={`${idPrefix}-size`} label={t('bodyMap.fields.size')} hint={t('bodyMap.fields.sizeHint')} error={error} value={draft} inputMode="decimal" onValue={onValue} />;
}

/** null for nothing typed, a number for "2", "2,5" or "2.5", undefined for anything else. */
function parseSize(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(',', '.'));
}

type AddByRegionProps = {
  idPrefix: string;
  /** The id of the add button, which BodyMap focuses after a mark is removed. */
  buttonId: string;
  marks: readonly BodyMapMark[];
  full: boolean;
  onPlace: (side: BodySide, point: BodyPoint) => void;
};

/** Add a mark without a mouse: choose a side and a region, and the mark goes to the region's centre. */
function AddByRegion({ idPrefix, buttonId, marks, full, onPlace }: AddByRegionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [side, setSide] = useState<BodySide>('front');
  const [region, setRegion] = useState<BodyRegion>('head');
  const [backToButton, setBackToButton] = useState(false);
  const sideSelect = useRef<HTMLSelectElement>(null);
  const regions = regionsOnSide(side);

  useEffect(() => {
    if (open) sideSelect.current?.focus();
  }, [open]);

  // After cancelling, the keyboard continues where it started: at the add button.
  useEffect(() => {
    if (open || !backToButton) return;
    document.getElementById(buttonId)?.focus();
    setBackToButton(false);
  }, [open, backToButton, buttonId]);

  function cancel() {
    setOpen(false);
    setBackToButton(true);
  }

  function chooseSide(next: BodySide) {
    setSide(next);
    // The chest cannot be seen from behind: keep the region only if the new side shows it.
    if (!regionsOnSide(next).includes(region)) setRegion(regionsOnSide(next)[0] ?? 'head');
  }

  function place() {
    const centre = regionCentre(side, region);
    if (!centre) return;
    setOpen(false);
    onPlace(side, freeSpot(marks, side, region, centre));
  }

  if (!open) {
    return (
      <div className="body-map-add">
        <button type="button" id={buttonId} className="button button-secondary" disabled={full} aria-describedby={full ? `${idPrefix}-full` : undefined} onClick={() => setOpen(true)}>
          {t('bodyMap.add')}
        </button>
        {full && (
          <p id={`${idPrefix}-full`} className="field-hint">
            {t('bodyMap.limitReached', { max: BODY_MAP_LIMITS.maxMarks })}
          </p>
        )}
      </div>
    );
  }

  return (
    <fieldset className="body-map-editor body-map-add">
      <legend className="body-map-editor-legend">{t('bodyMap.addLegend')}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-side`} className="field-label">
            {t('bodyMap.fields.side')}
          </label>
          <select id={`${idPrefix}-side`} ref={sideSelect} className="select" value={side} onChange={(event) => chooseSide(event.target.value as BodySide)}>
            {BODY_SIDES.map((option) => (
              <option key={option} value={option}>
                {t(`bodyMap.sides.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-region`} className="field-label">
            {t('bodyMap.fields.region')}
          </label>
          <select id={`${idPrefix}-region`} className="select" value={region} onChange={(event) => setRegion(event.target.value as BodyRegion)}>
            {regions.map((option) => (
              <option key={option} value={option}>
                {t(`bodyMap.regions.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={place}>
          {t('bodyMap.placeButton')}
        </button>
        <button type="button" className="button button-secondary" onClick={cancel}>
          {t('bodyMap.cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** Mark circles closer than this (in drawing units) would hide each other's numbers. */
const MARK_SPACING = 9;

/**
 * The region's centre, or a spot just beside it when a mark is already there: a second bruise on
 * the belly must not hide the first. The spot stays nearest to the chosen region, so it keeps its name.
 */
function freeSpot(marks: readonly BodyMapMark[], side: BodySide, region: BodyRegion, centre: BodyPoint): BodyPoint {
  const dx = MARK_SPACING / VIEW_WIDTH;
  const dy = MARK_SPACING / VIEW_HEIGHT;
  const candidates = [centre, ...[[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]].map(([x = 0, y = 0]) => ({ x: centre.x + x * dx, y: centre.y + y * dy }))];
  const taken = (point: BodyPoint) =>
    marks.some((mark) => mark.side === side && Math.hypot((mark.x - point.x) * VIEW_WIDTH, (mark.y - point.y) * VIEW_HEIGHT) < MARK_SPACING - 0.01);
  return candidates.find((point) => !taken(point) && nearestRegion(side, point) === region) ?? centre;
}
