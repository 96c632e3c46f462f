import type { InputHTMLAttributes, Ref } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  id: string;
  ref?: Ref<HTMLInputElement> | undefined;
  label: string;
  hint?: string;
  /** A message about this field; marks it invalid. */
  error?: string | null;
  /** Marks the field invalid without a message of its own (the message is in the alert above). */
  invalid?: boolean;
};

/** A labelled input with an optional hint and error, wired up with aria-describedby. */
export function TextField({ id, ref, label, hint, error, invalid, className, ...inputProps }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
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
      <input
        id={id}
        ref={ref}
        className={['input', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error || invalid ? true : undefined}
        {...inputProps}
      />
    </div>
  );
}
