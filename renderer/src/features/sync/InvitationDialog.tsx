// The invitation to a shared board, shown once: what it is, Copy, and Done. Core keeps the token
// but never shows it again; "Make a new invitation" on the board page replaces it.
import { useRef, useState } from 'react';
import { useModalDialog } from '../../app/useModalDialog';

interface InvitationDialogProps {
  boardName: string;
  invitation: string;
  /** True when this invitation replaced an older one (which no longer works). */
  replaced: boolean;
  onClose: () => void;
}

export function InvitationDialog({ boardName, invitation, replaced, onClose }: InvitationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(invitation);
      setCopied('yes');
    } catch {
      // A browser may refuse the clipboard: the text stays selectable in the box.
      setCopied('failed');
    }
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="invitation-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="invitation-title">Invitation to {boardName}</h2>
      <div className="dialog-body">
        {replaced ? <p>The old invitation no longer works: laptops that joined with it stop syncing until they join with this one.</p> : null}
        <p>
          Paste this invitation on each of the other laptops, in <strong>Join a shared board…</strong>. Anyone who has it can read and
          edit this board, so send it only to the board’s administrators, by a safe route.
        </p>
        <p>
          <strong>It is not shown again.</strong> If it is lost or reaches the wrong person, choose <strong>Make a new invitation</strong> on the
          board’s page: the old one then stops working.
        </p>
        <label htmlFor="invitation-text">Invitation</label>
        <textarea
          id="invitation-text"
          className="invitation-text"
          readOnly
          rows={3}
          value={invitation}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="field-hint" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'This browser did not allow copying: select the text and copy it with Ctrl+C.' : ''}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => void copy()} data-autofocus>
          Copy
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}
