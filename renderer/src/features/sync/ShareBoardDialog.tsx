// "Share this board…": the sync server's address, then the invitation, shown once.
import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';
import { InvitationDialog } from './InvitationDialog';

interface ShareBoardDialogProps {
  boardId: string;
  boardName: string;
  onClose: () => void;
}

export function ShareBoardDialog({ boardId, boardName, onClose }: ShareBoardDialogProps) {
  const [serverUrl, setServerUrl] = useState('');
  const [invitation, setInvitation] = useState<string | null>(null);
  const submit = useSubmit();
  if (invitation !== null) return <InvitationDialog boardName={boardName} invitation={invitation} replaced={false} onClose={onClose} />;
  return (
    <Dialog
      title="Share this board"
      submitLabel="Share"
      busy={submit.busy}
      error={submit.formError(['serverUrl'])}
      onCancel={onClose}
      onSubmit={() =>
        void submit.run(async () => {
          const shared = await call('shareBoard', { boardId, serverUrl });
          setInvitation(shared.invitation);
        })
      }
    >
      <p>
        The board’s meetings, roster and actions are kept on your council’s sync server as well, so that other laptops can work on them.
        Everything still works here when the server cannot be reached; changes meet when it can.
      </p>
      <Field
        label="Sync server address"
        hint="From whoever runs the server, e.g. wss://minutes-sync.council.example:8443"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value)}
        maxLength={2100}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        required
        error={submit.fieldError('serverUrl')}
      />
    </Dialog>
  );
}
