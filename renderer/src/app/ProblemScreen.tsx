// Shown instead of the app when the data file cannot be used: what happened, what to do,
// and the ways out: restore a backup, open another file (a native open dialog in the desktop
// app, a typed path in the browser), open a locked file anyway (after a warning), or quit.
import { useState } from 'react';
import type { AppStatus, StoreProblem } from '../../../shared/contract';
import { call } from '../api/client';
import { desktop } from '../api/desktop';
import { BackupTable } from '../features/backups/BackupTable';
import { UnlockForm } from '../features/encryption/UnlockForm';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { useSubmit } from './useSubmit';
import { useLiveQuery } from '../api/useLiveQuery';

/** Problems with the path or its folder, or another program's file there: putting a backup there would not help. */
const NOT_RESTORABLE = new Set<StoreProblem['kind']>(['locked', 'bad_path', 'missing_folder', 'unwritable', 'foreign', 'needs_key']);

interface ProblemScreenProps {
  problem: Pick<StoreProblem, 'title' | 'message' | 'advice'> & { kind?: StoreProblem['kind'] };
  dataFile?: string;
  /**
   * True when the app is running and can act on the problem. Opening another file or restoring
   * a backup replaces the data file, and the shell (watching it) moves on by itself.
   */
  canAct?: boolean;
}

export function ProblemScreen({ problem, dataFile, canAct = false }: ProblemScreenProps) {
  return (
    <main className="problem-screen" aria-labelledby="problem-title">
      <div className="problem-card">
        <div role="alert">
          <h1 id="problem-title">{problem.title}</h1>
          <p>{problem.message}</p>
          <p className="problem-advice">{problem.advice}</p>
        </div>
        {dataFile ? (
          <p className="problem-file">
            Data file: <code>{dataFile}</code>
          </p>
        ) : null}
        {canAct && problem.kind === 'needs_key' ? <UnlockForm /> : null}
        {canAct ? (
          <ProblemActions canRestore={!NOT_RESTORABLE.has(problem.kind ?? 'other')} lockedFile={problem.kind === 'locked' ? (dataFile ?? null) : null} />
        ) : null}
      </div>
    </main>
  );
}

interface ProblemActionsProps {
  canRestore: boolean;
  /** The data file, when its lock is held elsewhere: it may be opened anyway. */
  lockedFile: string | null;
}

/** Opening another file or restoring a backup replaces the data file; the shell, watching it, moves on by itself. */
const onResolved = (_status: AppStatus): void => undefined;

function ProblemActions({ canRestore, lockedFile }: ProblemActionsProps) {
  const backups = useLiveQuery(() => call('listBackups', {}), [], { watches: ['backup', 'settings'] });
  const [opening, setOpening] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [quit, setQuit] = useState(false);
  const quitting = useSubmit();
  const choosing = useSubmit();
  const bridge = desktop();
  const openAnother = (): void => {
    if (!bridge) return setOpening(true);
    void choosing.run(async () => {
      const path = await bridge.chooseDataFile();
      if (path) onResolved(await call('openDataFile', { path }));
    });
  };
  if (quit) {
    return (
      <p className="notice" role="status">
        Matters Arising has closed. You can close this window.
      </p>
    );
  }
  return (
    <div className="problem-actions">
      <div className="page-actions">
        {lockedFile ? (
          <button type="button" className="button" onClick={() => setOverriding(true)}>
            Open anyway…
          </button>
        ) : null}
        <button type="button" className="button" onClick={openAnother} disabled={choosing.busy}>
          Open another file…
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void quitting.run(async () => {
              await call('quitApp', {});
              setQuit(true);
            })
          }
        >
          Quit
        </button>
      </div>
      {choosing.error ? (
        <p className="form-error" role="alert">
          {choosing.error.message}
        </p>
      ) : null}
      {canRestore && backups.data ? (
        <section aria-labelledby="restore-title" className="problem-backups">
          <h2 id="restore-title">Restore a backup</h2>
          <p className="field-hint">
            Backups in <code>{backups.data.folder}</code>
          </p>
          <BackupTable
            backups={backups.data.backups}
            currentFileNote="The file that could not be opened is kept beside it under a new name; it is not changed or deleted."
            onRestored={() => undefined}
          />
        </section>
      ) : null}
      {opening ? <OpenFileDialog onCancel={() => setOpening(false)} onOpened={onResolved} /> : null}
      {overriding && lockedFile ? <OpenAnywayDialog file={lockedFile} onCancel={() => setOverriding(false)} onOpened={onResolved} /> : null}
    </div>
  );
}

function OpenAnywayDialog({ file, onCancel, onOpened }: { file: string; onCancel: () => void; onOpened: (status: AppStatus) => void }) {
  const submit = useSubmit();
  return (
    <Dialog
      title="Open the data file anyway?"
      submitLabel="Open anyway"
      busy={submit.busy}
      error={submit.formError([])}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onOpened(await call('openDataFile', { path: file, overrideLock: true })))}
    >
      <p>
        Only do this if Matters Arising is really not running with this file: the other computer is switched off, the copy
        there has closed, or the folder was copied from it.
      </p>
      <p>
        If two copies of the app change the same file at the same time, changes made in one can be lost or mixed up with
        the other’s.
      </p>
    </Dialog>
  );
}

function OpenFileDialog({ onCancel, onOpened }: { onCancel: () => void; onOpened: (status: AppStatus) => void }) {
  const [path, setPath] = useState('');
  const submit = useSubmit();
  return (
    <Dialog
      title="Open another data file"
      submitLabel="Open"
      busy={submit.busy}
      error={submit.formError(['path'])}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onOpened(await call('openDataFile', { path })))}
    >
      <Field
        label="Path of the data file"
        hint="For example /home/tina/Documents/minutes.sqlite. A file that does not exist yet is created, in a folder that does."
        value={path}
        onChange={(e) => setPath(e.target.value)}
        error={submit.fieldError('path')}
        autoFocus
      />
    </Dialog>
  );
}
