import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { elevate } from '../api/administration.js';
import { ApiError, isElevationRequired } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { OneTimeCodeField } from '../components/OneTimeCodeField.js';
import { ElevationCancelledError } from './elevation-cancelled.js';

type Waiter = { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

const ElevationContext = createContext<(() => Promise<void>) | null>(null);

/**
 * Changing someone else's access needs a fresh code from the authenticator app. The server says so
 * with 403 `elevation-required`; this provider then asks for the code in a dialog and lets the
 * caller try again. One dialog serves every page of the signed-in app.
 */
export function ElevationProvider({ children }: { children: ReactNode }) {
  const waiter = useRef<Waiter | null>(null);
  const [open, setOpen] = useState(false);

  const requestCode = useCallback(() => {
    if (!waiter.current) {
      let resolve: () => void = () => undefined;
      let reject: (error: unknown) => void = () => undefined;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      waiter.current = { promise, resolve, reject };
      setOpen(true);
    }
    return waiter.current.promise;
  }, []);

  const finish = useCallback((error?: unknown) => {
    const current = waiter.current;
    waiter.current = null;
    setOpen(false);
    if (error === undefined) current?.resolve();
    else current?.reject(error);
  }, []);

  return (
    <ElevationContext.Provider value={requestCode}>
      {children}
      <ElevationDialog open={open} onConfirmed={() => finish()} onCancel={() => finish(new ElevationCancelledError())} onFailed={finish} />
    </ElevationContext.Provider>
  );
}

/**
 * Runs `action`; when the server asks for a fresh code, asks the person for one and runs it once
 * more. Closing the dialog rejects with ElevationCancelledError (which ErrorAlert does not show).
 */
export function useWithElevation(): <T>(action: () => Promise<T>) => Promise<T> {
  const requestCode = useContext(ElevationContext);
  if (!requestCode) throw new Error('useWithElevation needs an ElevationProvider');
  return useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        if (!isElevationRequired(error)) throw error;
        await requestCode();
        return action();
      }
    },
    [requestCode],
  );
}

/** useMutation whose mutationFn is run with the fresh-code confirmation around it. */
export function useElevatedMutation<TData, TVariables = void>(
  options: Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn'> & { mutationFn: (variables: TVariables) => Promise<TData> },
) {
  const withElevation = useWithElevation();
  const { mutationFn, ...rest } = options;
  return useMutation<TData, Error, TVariables>({ ...rest, mutationFn: (variables) => withElevation(() => mutationFn(variables)) });
}

type DialogProps = { open: boolean; onConfirmed: () => void; onCancel: () => void; onFailed: (error: unknown) => void };

function ElevationDialog({ open, onConfirmed, onCancel, onFailed }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: elevate,
    onSuccess: async () => {
      setCode('');
      setProblem(null);
      onConfirmed();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => {
      // A session that ended meanwhile cannot be confirmed; the page shows why the change failed.
      if (error instanceof ApiError && error.status === 401) {
        setCode('');
        setProblem(null);
        onFailed(error);
        return;
      }
      setProblem(error);
      inputRef.current?.select();
    },
  });

  function close() {
    setCode('');
    setProblem(null);
    mutation.reset();
    onCancel();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const cleaned = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(cleaned)) {
      setProblem({ message: t('elevation.sixDigits') });
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    mutation.mutate(cleaned);
  }

  return (
    <ModalDialog open={open} onDismiss={close} labelledBy={titleId} describedBy={textId} initialFocus={inputRef} testId="elevate-dialog">
      <form className="dialog-body" noValidate onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {t('elevation.title')}
        </h2>
        <p id={textId} className="dialog-text">
          {t('elevation.text')}
        </p>
        <ErrorAlert error={problem} />
        <OneTimeCodeField
          id="elevate-code"
          ref={inputRef}
          label={t('elevation.codeLabel')}
          data-testid="elevate-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          invalid={Boolean(problem)}
        />
        <div className="button-row dialog-actions">
          <button type="submit" className="button button-primary" data-testid="elevate-submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('elevation.submitting') : t('elevation.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
