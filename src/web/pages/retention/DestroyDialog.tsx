import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { elevate } from '../../api/administration.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ModalDialog } from '../../components/ModalDialog.js';
import { OneTimeCodeField } from '../../components/OneTimeCodeField.js';
import { formatDate } from '../pupils/dates.js';
import { destroyCase, retentionKeys } from './retention-api.js';

export interface DestroyTarget {
  caseId: string;
  pupilName: string;
  startedOn: string;
  closedOn: string;
  pupilLeftOn: string;
}

/**
 * Confirming one destruction: what will go, a check that nothing asks to keep the case longer, and a
 * fresh code from the authenticator app (the server takes one code for one destruction). Closes with
 * `true` once the case is gone.
 */
export function DestroyDialog({ target, onClose }: { target: DestroyTarget | null; onClose: (destroyed: boolean) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const checkRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ caseId, code }: { caseId: string; code: string }) => {
      await elevate(code);
      return destroyCase(caseId);
    },
    onSuccess: async () => {
      reset();
      onClose(true);
      await Promise.all([queryClient.invalidateQueries({ queryKey: retentionKeys.overview }), queryClient.invalidateQueries({ queryKey: queryKeys.cases }), queryClient.invalidateQueries({ queryKey: queryKeys.notifications })]);
    },
    onError: (error) => {
      setProblem(error);
      codeRef.current?.select();
    },
  });

  function reset() {
    setChecked(false);
    setCode('');
    setProblem(null);
    setCheckError(null);
    setCodeError(null);
    mutation.reset();
  }

  function close() {
    if (mutation.isPending) return;
    reset();
    onClose(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target || mutation.isPending) return;
    const cleaned = code.replace(/\s+/g, '');
    const missingCheck = checked ? null : t('retention.dialog.checkRequired');
    const badCode = /^\d{6}$/.test(cleaned) ? null : t('retention.dialog.sixDigits');
    setCheckError(missingCheck);
    setCodeError(badCode);
    if (missingCheck) return checkRef.current?.focus();
    if (badCode) return codeRef.current?.focus();
    setProblem(null);
    mutation.mutate({ caseId: target.caseId, code: cleaned });
  }

  return (
    <ModalDialog open={target !== null} onDismiss={close} labelledBy={titleId} describedBy={textId} initialFocus={checkRef} testId="destroy-dialog">
      {target && (
        <form className="dialog-body retention-dialog" noValidate onSubmit={submit}>
          <h2 id={titleId} className="dialog-title">
            {t('retention.dialog.title', { name: target.pupilName })}
          </h2>
          <div id={textId} className="dialog-text">
            <p>{t('retention.dialog.text')}</p>
            <p className="muted">{t('retention.dialog.facts', { started: formatDate(target.startedOn), closed: formatDate(target.closedOn), left: formatDate(target.pupilLeftOn) })}</p>
          </div>
          <ErrorAlert error={problem} />
          <div className="checkbox checkbox-top retention-check" data-invalid={checkError ? true : undefined}>
            <input
              id="destroy-check"
              ref={checkRef}
              type="checkbox"
              className="checkbox-input"
              checked={checked}
              aria-invalid={checkError ? true : undefined}
              aria-describedby={checkError ? 'destroy-check-error' : undefined}
              onChange={(event) => setChecked(event.target.checked)}
              data-testid="destroy-check"
            />
            <div>
              <label htmlFor="destroy-check" className="checkbox-label">
                {t('retention.dialog.check')}
              </label>
              {checkError && (
                <p id="destroy-check-error" className="field-error">
                  {checkError}
                </p>
              )}
            </div>
          </div>
          <OneTimeCodeField
            id="destroy-code"
            ref={codeRef}
            label={t('retention.dialog.codeLabel')}
            hint={t('retention.dialog.codeHint')}
            error={codeError}
            data-testid="destroy-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            invalid={Boolean(problem)}
          />
          <div className="button-row dialog-actions">
            <button type="submit" className="button button-danger" data-testid="destroy-submit" disabled={mutation.isPending}>
              {mutation.isPending ? t('retention.dialog.submitting') : t('retention.dialog.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={close} disabled={mutation.isPending}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
