import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../components/ModalDialog.js';

export type ConfirmRequest = {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** A change that takes something away (access, a group) is shown in the warning colour. */
  tone?: 'danger' | 'normal';
};

type Pending = ConfirmRequest & { resolve: (confirmed: boolean) => void };

const ConfirmContext = createContext<((request: ConfirmRequest) => Promise<boolean>) | null>(null);

/** One confirmation dialog for the signed-in pages: `await confirm({...})` answers true or false. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setPending((current) => {
          current?.resolve(false);
          return { ...request, resolve };
        });
      }),
    [],
  );

  function answer(confirmed: boolean) {
    pending?.resolve(confirmed);
    setPending(null);
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <ModalDialog open={pending !== null} onDismiss={() => answer(false)} labelledBy={titleId} describedBy={bodyId} initialFocus={cancelRef} testId="confirm-dialog">
        {pending && (
          <div className="dialog-body">
            <h2 id={titleId} className="dialog-title">
              {pending.title}
            </h2>
            <div id={bodyId} className="dialog-text">
              {pending.body}
            </div>
            <div className="button-row dialog-actions">
              <button
                type="button"
                className={pending.tone === 'normal' ? 'button button-primary' : 'button button-danger'}
                data-testid="confirm-yes"
                onClick={() => answer(true)}
              >
                {pending.confirmLabel}
              </button>
              <button ref={cancelRef} type="button" className="button button-secondary" onClick={() => answer(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </ModalDialog>
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): (request: ConfirmRequest) => Promise<boolean> {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider');
  return confirm;
}
