// The Backups screen: every snapshot of the data file, "Back up now", restore, and where
// backups are kept.
import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';
import { BackupTable } from './BackupTable';
import { RecoveryDialog } from '../encryption/RecoveryDialog';

export function BackupsPage() {
  // A backup taken, the folder changed, or a backup restored (the data file replaced) lists them again.
  const list = useLiveQuery(() => call('listBackups', {}), [], { watches: ['backup', 'settings'] });
  const now = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [choosingFolder, setChoosingFolder] = useState(false);
  const encryption = useLiveQuery(() => call('getEncryption', {}), [], { watches: ['settings'] });
  const [showingRecovery, setShowingRecovery] = useState(false);
  return (
    <section className="page" aria-labelledby="backups-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">Your data</p>
          <h1 id="backups-title">Backups</h1>
        </div>
        <div className="page-actions">
          {encryption.data?.encrypted ? (
            <button type="button" className="button" onClick={() => setShowingRecovery(true)}>
              Recovery passphrase…
            </button>
          ) : null}
          <button
            type="button"
            className="button primary"
            disabled={now.busy}
            onClick={() =>
              void now.run(async () => {
                await call('backUpNow', {});
                setNotice('Backup taken.');
              })
            }
          >
            {now.busy ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </header>
      {now.error ? (
        <p className="form-error" role="alert">
          {now.error.message}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {list.data ? (
        <>
          <p className="backup-folder">
            Kept in <code>{list.data.folder}</code>{' '}
            <button type="button" className="link-button" onClick={() => setChoosingFolder(true)}>
              Change folder…
            </button>
          </p>
          <BackupTable
            backups={list.data.backups}
            currentFileNote="Your data as it is now is kept as a backup first, so you can go back."
            onRestored={() => setNotice('Backup restored. Your data as it was before is kept as a backup.')}
          />
        </>
      ) : null}
      {list.error ? (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      ) : null}
      {showingRecovery ? <RecoveryDialog onDone={() => setShowingRecovery(false)} /> : null}
      {choosingFolder && list.data ? (
        <FolderDialog
          current={list.data.folder}
          onCancel={() => setChoosingFolder(false)}
          onDone={() => setChoosingFolder(false)}
        />
      ) : null}
    </section>
  );
}

function FolderDialog({ current, onCancel, onDone }: { current: string; onCancel: () => void; onDone: () => void }) {
  const [folder, setFolder] = useState(current);
  const submit = useSubmit();
  return (
    <Dialog
      title="Where to keep backups"
      submitLabel="Use this folder"
      busy={submit.busy}
      error={submit.formError(['folder'])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          await call('setBackupFolder', { folder });
          onDone();
        })
      }
    >
      <Field
        label="Folder"
        hint="A folder on another drive keeps backups safe if this one fails. New backups go here; existing ones stay where they are."
        value={folder}
        onChange={(e) => setFolder(e.target.value)}
        error={submit.fieldError('folder')}
        autoFocus
      />
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void submit.run(async () => {
            await call('setBackupFolder', { folder: null });
            onDone();
          })
        }
      >
        Use the folder beside the data file
      </button>
    </Dialog>
  );
}
