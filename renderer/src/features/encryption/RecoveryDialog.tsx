// The recovery passphrase of the encrypted data file: shown on request, with what it is for,
// to be written down or printed and kept apart from the laptop.
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';

export function RecoveryDialog({ onDone }: { onDone: () => void }) {
  const recovery = useLiveQuery(() => call('getRecoveryPassphrase', {}), [], { watches: [] });
  const submit = useSubmit();
  return (
    <Dialog
      title="Recovery passphrase"
      submitLabel="I have written it down"
      busy={submit.busy}
      error={submit.error?.message ?? recovery.error?.message ?? null}
      onCancel={onDone}
      onSubmit={() =>
        void submit.run(async () => {
          await call('markRecoveryPassphraseSaved', {});
          onDone();
        })
      }
    >
      <p>
        Write this down or print it, and keep it somewhere safe away from this computer. It opens the data file on any computer: a
        replaced laptop, or the file moved to another one.
      </p>
      <p className="recovery-passphrase" aria-label="The recovery passphrase">
        <code>{recovery.data?.passphrase ?? '…'}</code>
      </p>
      <p className="field-hint">
        Without it, a file moved to another computer cannot be opened by anyone, not even by you. Anyone who has it and a copy of the
        file can read the minutes.
      </p>
      <button type="button" className="button" onClick={() => window.print()}>
        Print…
      </button>
    </Dialog>
  );
}
