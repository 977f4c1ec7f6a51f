// Above every screen, until dealt with: a plain data file from before encryption is offered
// "Encrypt this file"; once encrypted, the plain backups left behind are offered for removal;
// and the recovery passphrase of an encrypted file is asked to be written down once.
import { useState } from 'react';
import type { EncryptionResult } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';
import { RecoveryDialog } from './RecoveryDialog';

export function EncryptionNotice() {
  const state = useLiveQuery(() => call('getEncryption', {}), [], { watches: ['settings', 'backup'] });
  const [dialog, setDialog] = useState<'encrypt' | 'remove' | 'recovery' | null>(null);
  const [encrypted, setEncrypted] = useState<EncryptionResult | null>(null);
  const s = state.data;
  if (!s) return null;
  return (
    <>
      {!s.encrypted ? (
        <div className="notice encryption-notice" role="region" aria-label="Encryption">
          <p>
            <strong>This data file is not encrypted.</strong> Anyone who gets a copy of it (a lost laptop, a synced folder)
            can read the minutes.
          </p>
          {s.canEncrypt ? (
            <button type="button" className="button primary" onClick={() => setDialog('encrypt')}>
              Encrypt this file…
            </button>
          ) : (
            <p className="field-hint">
              To encrypt it, start Matters Arising with MATTERS_ARISING_KEY set (or type a passphrase when asked in the terminal),
              or run <code>npm run encrypt -- --data &lt;file&gt;</code> with the app closed.
            </p>
          )}
        </div>
      ) : null}
      {s.encrypted && s.plainBackups > 0 ? (
        <div className="notice encryption-notice" role="region" aria-label="Unencrypted backups">
          <p>
            {s.plainBackups === 1 ? 'One backup' : `${s.plainBackups} backups`} of this file {s.plainBackups === 1 ? 'is' : 'are'} not
            encrypted (taken before the file was). Remove {s.plainBackups === 1 ? 'it' : 'them'} once you have checked your minutes are all
            here.
          </p>
          <button type="button" className="button" onClick={() => setDialog('remove')}>
            Remove unencrypted backups…
          </button>
        </div>
      ) : null}
      {s.askToSaveRecovery ? (
        <div className="notice encryption-notice" role="region" aria-label="Recovery passphrase">
          <p>
            <strong>Save your recovery passphrase.</strong> Your data file is encrypted with a key kept on this computer. Without the
            recovery passphrase, the file cannot be opened on another computer (a replaced laptop, a copy on a USB stick).
          </p>
          <button type="button" className="button primary" onClick={() => setDialog('recovery')}>
            Show the recovery passphrase…
          </button>
        </div>
      ) : null}
      {dialog === 'encrypt' ? (
        <EncryptDialog
          onCancel={() => setDialog(null)}
          onDone={(result) => {
            setEncrypted(result);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'remove' ? <RemovePlainDialog count={s.plainBackups} onDone={() => setDialog(null)} /> : null}
      {dialog === 'recovery' ? <RecoveryDialog onDone={() => setDialog(null)} /> : null}
      {encrypted ? (
        <p className="notice" role="status">
          The data file is now encrypted. A plain backup was kept at <code>{encrypted.plainBackup}</code> until you remove it.
        </p>
      ) : null}
    </>
  );
}

function EncryptDialog({ onCancel, onDone }: { onCancel: () => void; onDone: (result: EncryptionResult) => void }) {
  const submit = useSubmit();
  return (
    <Dialog
      title="Encrypt this data file?"
      submitLabel={submit.busy ? 'Encrypting…' : 'Encrypt'}
      busy={submit.busy}
      error={submit.error?.message ?? null}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onDone(await call('encryptDataFile', {})))}
    >
      <p>
        A backup of the file as it is now is taken first. Then an encrypted copy is made, checked row by row against the file, and
        put in its place. If anything goes wrong, the file stays as it is.
      </p>
      <p>The plain backup is kept until you say it can go, so you can check everything is there first.</p>
    </Dialog>
  );
}

function RemovePlainDialog({ count, onDone }: { count: number; onDone: () => void }) {
  const submit = useSubmit();
  return (
    <Dialog
      title="Remove the unencrypted backups?"
      submitLabel="Remove them"
      busy={submit.busy}
      error={submit.error?.message ?? null}
      onCancel={onDone}
      onSubmit={() =>
        void submit.run(async () => {
          await call('removePlainBackups', { confirm: true });
          onDone();
        })
      }
    >
      <p>
        {count === 1 ? 'One backup' : `${count} backups`} from before the file was encrypted will be deleted. The encrypted data file and
        its encrypted backups are kept.
      </p>
      <p>Do this once you have checked that your boards and minutes are all here.</p>
    </Dialog>
  );
}
