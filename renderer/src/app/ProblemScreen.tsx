// Shown instead of the app when the data file cannot be used: what happened, what to do,
// and the ways out: restore a backup, open another file, or quit.
import { useState } from 'react';
import type { AppStatus, StoreProblem } from '../../../shared/contract';
import { call } from '../api/client';
import { BackupTable } from '../features/backups/BackupTable';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { useSubmit } from './useSubmit';
import { useLiveQuery } from '../api/useLiveQuery';

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
        {canAct ? <ProblemActions locked={problem.kind === 'locked'} /> : null}
      </div>
    </main>
  );
}

function ProblemActions({ locked }: { locked: boolean }) {
  const backups = useLiveQuery(() => call('listBackups', {}), [], { watches: ['backup', 'settings'] });
  const [opening, setOpening] = useState(false);
  const [quit, setQuit] = useState(false);
  const quitting = useSubmit();
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
        <button type="button" className="button" onClick={() => setOpening(true)}>
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
      {!locked && backups.data ? (
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
      {opening ? <OpenFileDialog onCancel={() => setOpening(false)} onOpened={() => setOpening(false)} /> : null}
    </div>
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
        hint="For example /home/tina/Documents/minutes.sqlite. A file that does not exist yet is created."
        value={path}
        onChange={(e) => setPath(e.target.value)}
        error={submit.fieldError('path')}
        autoFocus
      />
    </Dialog>
  );
}
