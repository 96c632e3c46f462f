import type { ComponentProps } from 'react';
import { TextField } from './TextField.js';

type OneTimeCodeFieldProps = Omit<ComponentProps<typeof TextField>, 'name' | 'className' | 'inputMode' | 'autoComplete' | 'spellCheck' | 'required'>;

/**
 * The field for a fresh code from the authenticator app (confirming a sensitive action): numeric
 * keyboard, the browser's one-time-code autofill, no spelling check.
 */
export function OneTimeCodeField(props: OneTimeCodeFieldProps) {
  return <TextField {...props} name="totp" className="input-code" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} required />;
}
