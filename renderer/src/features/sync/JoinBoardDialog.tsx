// "Join a shared board…": paste the invitation made on another laptop; the board arrives and opens.
import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { navigate } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';

export function JoinBoardDialog({ onClose }: { onClose: () => void }) {
  const [invitation, setInvitation] = useState('');
  const submit = useSubmit();
  return (
    <Dialog
      title="Join a shared board"
      submitLabel="Join"
      busy={submit.busy}
      error={submit.formError(['invitation'])}
      onCancel={onClose}
      onSubmit={() =>
        void submit.run(async () => {
          const joined = await call('joinSharedBoard', { invitation });
          onClose();
          navigate({ name: 'board', boardId: joined.boardId });
        })
      }
    >
      <p>The board, with its meetings, roster and actions, is copied to this laptop from the sync server, then kept in step with the other laptops.</p>
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
