import { useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { ModalDialog } from './modal-dialog';

/** "Are you sure?" as an alert dialog: focus starts on the safe choice (cancel); Esc cancels. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
  danger = false,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      open={open}
      onEscape={onCancel}
      role="alertdialog"
      titleId={`${id}-title`}
      descriptionId={`${id}-body`}
      initialFocus={cancelRef}
    >
      <h2 id={`${id}-title`} className="text-xl">
        {title}
      </h2>
      <div id={`${id}-body`} className="mt-3">
        {children}
      </div>
      <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <button
          ref={cancelRef}
          type="button"
          onClick={onCancel}
          className="min-h-11 rounded-8 border-2 border-key bg-surface px-5 font-bold text-key hover:bg-key-light"
        >
          {cancelLabel}
        </button>
        <Button variant={danger ? 'dangerSolid' : 'primary'} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
