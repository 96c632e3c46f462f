import type { ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Described = { id: string; label: string; hint?: string | undefined; error?: string | null | undefined; invalid?: boolean | undefined };

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

function LabelAndMessages({ id, label, hint, error }: Described) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & Described & { ref?: Ref<HTMLTextAreaElement> };

/** A labelled textarea with hint and error, like TextField. */
export function TextAreaField({ id, label, hint, error, invalid, className, ref, ...rest }: TextAreaFieldProps) {
  return (
    <div className="field">
      <LabelAndMessages id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        ref={ref}
        className={['input', 'textarea', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error || invalid ? true : undefined}
        {...rest}
      />
    </div>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & Described & { children: ReactNode };

/** A labelled select with hint and error, like TextField. */
export function SelectField({ id, label, hint, error, invalid, className, children, ...rest }: SelectFieldProps) {
  return (
    <div className="field">
      <LabelAndMessages id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        className={['select', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error || invalid ? true : undefined}
        {...rest}
      >
        {children}
      </select>
    </div>
  );
}

/** Which field a server error names ("heldOn", "body.heldOn" or "guardianIds.0" → the field), if it is one of ours. */
export function serverField<F extends string>(error: unknown, fields: readonly F[]): F | null {
  const path = typeof error === 'object' && error !== null && 'field' in error && typeof error.field === 'string' ? error.field.split('.') : [];
  const name = path[0] === 'body' ? path[1] : path[0];
  return name !== undefined && (fields as readonly string[]).includes(name) ? (name as F) : null;
}
