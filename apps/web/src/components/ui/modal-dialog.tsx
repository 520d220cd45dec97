import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> (the page behind becomes inert). Focus moves into it when it opens (to
 * `initialFocus`, else the first control), Tab and Shift+Tab cycle inside it, Esc calls `onEscape`, and focus returns
 * to where it was when it closes. `role="alertdialog"` for urgent questions (WAI-ARIA APG).
 */
export function ModalDialog({
  open,
  onEscape,
  role = 'dialog',
  titleId,
  descriptionId,
  initialFocus,
  children,
  testId,
}: {
  open: boolean;
  onEscape: () => void;
  role?: 'dialog' | 'alertdialog';
  titleId: string;
  descriptionId?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const onEscapeRef = useRef(onEscape);
  useEffect(() => {
    onEscapeRef.current = onEscape;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const target = initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnTo.current?.isConnected) returnTo.current.focus();
    }
  }, [open, initialFocus]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onEscapeRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => dialog.removeEventListener('cancel', handleCancel);
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    // The dialog element handles Tab itself so focus never leaves it (a keyboard trap by design, WCAG 2.1.2 allows it in modals).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onKeyDown={trapTab}
      data-testid={testId}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-12 border-t-8 border-key bg-surface p-0 text-ink shadow-2 backdrop:bg-black/60"
    >
      {open ? <div className="p-5 md:p-6">{children}</div> : null}
    </dialog>
  );
}
