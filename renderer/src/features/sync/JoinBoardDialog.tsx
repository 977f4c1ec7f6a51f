// "Join a shared board…": paste the invitation made on another laptop; the board arrives and opens.
// The same for a board already here whose invitation was replaced ("Use a new invitation…").
import { useState } from 'react';
import { parseInvitation } from '../../../../shared/domain/invitation';
import { ApiCallError, call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { navigate } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';

interface JoinBoardDialogProps {
  onClose: () => void;
  /** A board already here whose invitation was replaced on another laptop: joining it again with the new one. */
  again?: { boardId: string; boardName: string };
}

export function JoinBoardDialog({ onClose, again }: JoinBoardDialogProps) {
  const [invitation, setInvitation] = useState('');
  const submit = useSubmit();
  return (
    <Dialog
      title={again ? 'Use a new invitation' : 'Join a shared board'}
      submitLabel={again ? 'Use it' : 'Join'}
      busy={submit.busy}
      error={submit.formError(['invitation'])}
      onCancel={onClose}
      onSubmit={() =>
        void submit.run(async () => {
          const parsed = parseInvitation(invitation);
          if (again && !('error' in parsed) && parsed.boardId !== again.boardId.toLowerCase()) {
            throw new ApiCallError({ code: 'invalid_input', field: 'invitation', message: `This invitation is to another board, not ${again.boardName}: ask for the one to ${again.boardName}.` });
          }
          const joined = await call('joinSharedBoard', { invitation });
          onClose();
          navigate({ name: 'board', boardId: joined.boardId });
        })
      }
    >
      {again ? (
        <p>
          Paste the new invitation to {again.boardName}. Everything on this laptop stays as it is; once the sync server accepts the invitation,
          the changes made here meanwhile are sent and the other laptops’ changes arrive.
        </p>
      ) : (
        <p>The board, with its meetings, roster and actions, is copied to this laptop from the sync server, then kept in step with the other laptops.</p>
      )}
      <Field
        label="Invitation"
        hint="Made with “Share this board…” on the laptop that shared it; it starts with wss:// or ws://"
        value={invitation}
        onChange={(e) => setInvitation(e.target.value)}
        maxLength={2400}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        required
        error={submit.fieldError('invitation')}
      />
    </Dialog>
  );
}
