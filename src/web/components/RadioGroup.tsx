import type { ReactNode, Ref } from 'react';

export type RadioOption<V extends string> = { value: V; label: string; description?: string };

type RadioGroupProps<V extends string> = {
  idPrefix: string;
  /** The radio buttons share this name; one group per name on a page. */
  name: string;
  legend: ReactNode;
  options: readonly RadioOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  hint?: string;
  /** A message about this group; marks it invalid. */
  error?: string | null;
  /** `cards`: each option in a bordered box with its one-line explanation (a first question); `inline`: short options side by side. */
  variant?: 'list' | 'inline' | 'cards';
  legendClassName?: string;
  /** The first radio button, to give it the focus. */
  firstRef?: Ref<HTMLInputElement>;
};

/**
 * Radio buttons in a fieldset with a legend. Arrow keys move between the options, as the browser
 * does for radio buttons; Tab leaves the group. An option's explanation is its accessible description.
 */
export function RadioGroup<V extends string>({ idPrefix, name, legend, options, value, onChange, hint, error, variant = 'list', legendClassName, firstRef }: RadioGroupProps<V>) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`radio-group radio-group-${variant}`} aria-describedby={describedBy} data-invalid={error ? true : undefined}>
      <legend className={legendClassName ?? 'field-label radio-legend'}>{legend}</legend>
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
      <div className="radio-list">
        {options.map((option, index) => {
          const id = `${idPrefix}-${option.value}`;
          const descriptionId = option.description ? `${id}-description` : undefined;
          return (
            <div key={option.value} className={value === option.value ? 'radio radio-checked' : 'radio'}>
              <input
                id={id}
                ref={index === 0 ? firstRef : undefined}
                type="radio"
                name={name}
                className="radio-input"
                value={option.value}
                checked={value === option.value}
                aria-describedby={descriptionId}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={id} className="radio-label">
                <span className="radio-label-text">{option.label}</span>
                {option.description && (
                  <span id={descriptionId} className="radio-description">
                    {option.description}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
