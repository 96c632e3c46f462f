import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';
import { TextField } from './TextField.js';

type CodeFormProps = {
  label: string;
  kind: 'totp' | 'recovery';
  submitLabel: string;
  submittingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** One input for a code from the authenticator app (or a recovery code) and its submit button. */
export function CodeForm({ label, kind, submitLabel, submittingLabel, pending, error, onSubmit, inputRef }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    // "123 456" is how many apps show a code; the spaces are not part of it.
    const cleaned = kind === 'totp' ? code.replace(/\s+/g, '') : code.trim();
    if (cleaned === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit(cleaned);
  }

  return (
    <>
      <ErrorAlert error={missing ? { message: t('errors.required') } : error} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id="code-input"
          ref={inputRef}
          label={label}
          name={kind === 'totp' ? 'totp' : 'recovery-code'}
          className={kind === 'totp' ? 'input-code' : 'input-recovery'}
          inputMode={kind === 'totp' ? 'numeric' : 'text'}
          autoComplete={kind === 'totp' ? 'one-time-code' : 'off'}
          autoCapitalize="none"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          invalid={missing || Boolean(error)}
        />
        <button type="submit" className="button button-primary button-block" data-testid="code-submit">
          {pending ? submittingLabel : submitLabel}
        </button>
      </form>
    </>
  );
}
