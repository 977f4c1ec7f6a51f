// A modal form on the native <dialog>: focus is trapped, Escape cancels, errors show inline, and
// focus goes back where it was when it closes.
import { useRef, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

interface DialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  /** For a dialog that shows a table (the roster paste preview). */
  wide?: boolean;
}

export function Dialog({ title, submitLabel, busy, error, onSubmit, onCancel, children, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
