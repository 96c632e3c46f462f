import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ModalDialog } from '../../components/ModalDialog.js';
import { OneTimeCodeField } from '../../components/OneTimeCodeField.js';
import { useFreshCodeAction } from '../../hooks/useFreshCodeAction.js';
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
  const [checkError, setCheckError] = useState<string | null>(null);
  const destroying = useFreshCodeAction({
    action: (caseId: string) => destroyCase(caseId),
    onDone: async () => {
      reset();
      onClose(true);
      await Promise.all([queryClient.invalidateQueries({ queryKey: retentionKeys.overview }), queryClient.invalidateQueries({ queryKey: queryKeys.cases }), queryClient.invalidateQueries({ queryKey: queryKeys.notifications })]);
    },
    codeRef,
    sixDigitsMessage: t('retention.dialog.sixDigits'),
  });

  function reset() {
    setChecked(false);
    setCheckError(null);
    destroying.reset();
  }

  function close() {
    if (destroying.pending) return;
    reset();
    onClose(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target || destroying.pending) return;
    // Both errors show at once; the first field in error takes the focus.
    const missingCheck = checked ? null : t('retention.dialog.checkRequired');
    setCheckError(missingCheck);
    const code = destroying.checkedCode();
    if (missingCheck) return checkRef.current?.focus();
    if (!code) return codeRef.current?.focus();
    destroying.run(code, target.caseId);
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
          <ErrorAlert error={destroying.error} />
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
            error={destroying.codeError}
            data-testid="destroy-code"
            value={destroying.code}
            onChange={(event) => destroying.setCode(event.target.value)}
            invalid={Boolean(destroying.error)}
          />
          <div className="button-row dialog-actions">
            <button type="submit" className="button button-danger" data-testid="destroy-submit" disabled={destroying.pending}>
              {destroying.pending ? t('retention.dialog.submitting') : t('retention.dialog.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={close} disabled={destroying.pending}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
