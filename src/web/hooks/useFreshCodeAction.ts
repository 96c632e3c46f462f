import { useMutation } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { elevate } from '../api/administration.js';

/**
 * An action behind a fresh code from the authenticator app, typed into the dialog that asks for it
 * (one code, one action: the server confirms the session with the code, then takes the action). Holds
 * the code, its error and the request; the dialog keeps its own fields and words.
 */
export function useFreshCodeAction<Vars, Result>({
  action,
  onDone,
  codeRef,
  sixDigitsMessage,
}: {
  action: (vars: Vars) => Promise<Result>;
  onDone: (result: Result) => void | Promise<void>;
  /** The code field: selected after a refused code, so that the next one replaces it. */
  codeRef: RefObject<HTMLInputElement | null>;
  sixDigitsMessage: string;
}) {
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ code, vars }: { code: string; vars: Vars }) => {
      await elevate(code);
      return action(vars);
    },
    onSuccess: (result) => onDone(result),
    onError: () => codeRef.current?.select(),
  });

  return {
    code,
    setCode,
    codeError,
    /** The request's error (a refused code, say), for the dialog's alert. */
    error: mutation.error,
    pending: mutation.isPending,
    /** The code without spaces when it is six digits; otherwise null, with the field's error set. */
    checkedCode(): string | null {
      const cleaned = code.replace(/\s+/g, '');
      const ok = /^\d{6}$/.test(cleaned);
      setCodeError(ok ? null : sixDigitsMessage);
      return ok ? cleaned : null;
    },
    run(checked: string, vars: Vars) {
      if (!mutation.isPending) mutation.mutate({ code: checked, vars });
    },
    reset() {
      setCode('');
      setCodeError(null);
      mutation.reset();
    },
  };
}
