import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

type ModalDialogProps = {
  open: boolean;
  /** Called when the person closes the dialog themselves (Escape). */
  onDismiss: () => void;
  labelledBy: string;
  describedBy?: string;
  /** What gets the focus on opening; otherwise the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  testId?: string;
  children: ReactNode;
};

/**
 * A native modal <dialog>: the browser keeps the rest of the page inert, Escape closes it, and the
 * focus goes back to where it was. The content exists only while the dialog is open.
 */
export function ModalDialog({ open, onDismiss, labelledBy, describedBy, initialFocus, testId, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onClose={() => {
        // Closed by the browser (Escape) while the app still thinks it is open.
        if (openRef.current) onDismiss();
      }}
    >
      {open && children}
    </dialog>
  );
}
