import type { ReactNode } from 'react';

type Option<V extends string | number> = { value: V; label: string };

type CheckboxGroupProps<V extends string | number> = {
  idPrefix: string;
  legend: ReactNode;
  options: readonly Option<V>[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  hint?: string;
  /** A message about this group; marks it invalid. */
  error?: string | null;
  /** Short labels (year groups) side by side, or longer ones (names) in a grid of columns. */
  layout?: 'list' | 'row' | 'grid';
  disabled?: boolean;
};

/** Checkboxes in a fieldset with a legend, so a screen reader names the question with each option. */
export function CheckboxGroup<V extends string | number>({ idPrefix, legend, options, selected, onChange, hint, error, layout = 'list', disabled }: CheckboxGroupProps<V>) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  function toggle(value: V, checked: boolean) {
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    // Keep the order of the options, whatever the order of clicking.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }

  return (
    <fieldset className="checkbox-group" aria-describedby={describedBy}>
      <legend className="field-label checkbox-legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className={layout === 'row' ? 'checkbox-list checkbox-list-columns' : layout === 'grid' ? 'checkbox-list checkbox-list-grid' : 'checkbox-list'}>
        {options.map((option) => {
          const id = `${idPrefix}-${option.value}`;
          return (
            <div key={option.value} className="checkbox">
              <input
                id={id}
                type="checkbox"
                className="checkbox-input"
                checked={selected.includes(option.value)}
                disabled={disabled}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={id} className="checkbox-label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
