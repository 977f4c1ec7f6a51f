// The backups of the data file, newest first, each with "Restore" (after a confirmation).
import { useState } from 'react';
import { format, parseISO } from 'date-fns';
import type { AppStatus, BackupInfo } from '../../../../shared/contract';
import { formatBytes } from '../../../../shared/domain/format';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';

const REASONS: Record<string, string> = {
  daily: 'Daily',
  session: 'During a long session',
  manual: 'Made by you',
  'before-restore': 'Before a restore',
  'before-encryption': 'Before encryption',
};

/** Whether a backup can be opened here: encrypted with this file's key, plain, or another key. */
function access(b: BackupInfo): string {
  if (!b.encrypted) return 'Not encrypted';
  return b.opensWithCurrentKey ? 'Encrypted' : 'Another key: cannot be opened here';
}

export function describeReason(reason: string): string {
  if (REASONS[reason]) return REASONS[reason];
  if (reason.startsWith('before-upgrade')) return 'Before an upgrade';
  return 'Copy';
}

interface BackupTableProps {
  backups: BackupInfo[];
  /** Explains what happens to the current file when restoring. */
  currentFileNote: string;
  onRestored: (status: AppStatus) => void;
}

export function BackupTable({ backups, currentFileNote, onRestored }: BackupTableProps) {
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const submit = useSubmit();
  if (backups.length === 0) {
    return (
      <div className="empty-state">
        <h3>No backups yet</h3>
        <p>Matters Arising takes one automatically each day you use it, and before every upgrade or restore.</p>
      </div>
    );
  }
  return (
    <>
      <table className="data-table backup-table">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Kind</th>
            <th scope="col">Encryption</th>
            <th scope="col" className="numeric">
              Meetings
            </th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name}>
              <th scope="row">{format(parseISO(b.takenAt), "d MMMM yyyy 'at' HH:mm")}</th>
              <td>{describeReason(b.reason)}</td>
              <td>{access(b)}</td>
              <td className="numeric">{b.meetingCount ?? (b.opensWithCurrentKey ? 'unreadable' : '–')}</td>
              <td className="numeric">{formatBytes(b.sizeBytes)}</td>
              <td className="numeric">
                <button type="button" className="button" onClick={() => setRestoring(b)} disabled={b.meetingCount === null}>
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restoring ? (
        <Dialog
          title="Restore this backup?"
          submitLabel="Restore"
          busy={submit.busy}
          error={submit.error?.message ?? null}
          onCancel={() => setRestoring(null)}
          onSubmit={() =>
            void submit.run(async () => {
              const status = await call('restoreBackup', { name: restoring.name });
              setRestoring(null);
              onRestored(status);
            })
          }
        >
          <p>
            The data will go back to how it was on <strong>{format(parseISO(restoring.takenAt), "d MMMM yyyy 'at' HH:mm")}</strong>
            {restoring.meetingCount !== null ? ` (${restoring.meetingCount} meetings)` : ''}.
          </p>
          <p>{currentFileNote}</p>
        </Dialog>
      ) : null}
    </>
  );
}
