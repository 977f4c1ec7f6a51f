// Under a board's sync status: how many things a merge left to check, with the button that lists
// them. Nothing when there are none. Kept up to date by every change, local or pushed by core.
import { useState } from 'react';
import { CHANGE_LOG_ENTITIES } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { conflictCountText } from './conflictText';
import { SyncConflictsDialog } from './SyncConflictsDialog';

export function SyncConflictsLine({ boardId }: { boardId: string }) {
  // Conflicts are found as another laptop's changes are applied, and change with the records they name.
  const conflicts = useLiveQuery(() => call('syncConflicts', { boardId }), [boardId], { watches: [...CHANGE_LOG_ENTITIES, 'data_file', 'sync'] });
  const [open, setOpen] = useState(false);
  const list = conflicts.data ?? [];
  return (
    <>
      {list.length > 0 ? (
        <p className="sync-conflicts-line">
          <span role="status">{conflictCountText(list.length)}</span>{' '}
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            See what to check…
          </button>
        </p>
      ) : null}
      {open ? <SyncConflictsDialog boardId={boardId} conflicts={list} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
