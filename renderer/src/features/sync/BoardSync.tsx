// A board's sharing on its page: the sync status line, and Share this board… / Make a new
// invitation / Stop sharing (with confirmation). The status comes from core's syncStatus.
import { useState } from 'react';
import { CHANGE_LOG_ENTITIES } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';
import { InvitationDialog } from './InvitationDialog';
import { ShareBoardDialog } from './ShareBoardDialog';
import { SyncConflictsLine } from './SyncConflictsLine';
import { syncErrorAdvice, syncStatusLine } from './syncStatusText';
import { JoinBoardDialog } from './JoinBoardDialog';

interface BoardSyncProps {
  boardId: string;
  boardName: string;
}

/**
 * The board's sync status, loaded again by every change this laptop makes (sharing, stopping, and
 * each edit, which adds to the changes waiting) and by the sync changes core pushes (the server
 * coming and going, changes acknowledged, another laptop's edits arriving).
 */
export function useSyncStatus(boardId: string) {
  return useLiveQuery(() => call('syncStatus', { boardId }), [boardId], { watches: [...CHANGE_LOG_ENTITIES, 'data_file', 'sync'] });
}

/** The status line under a shared board's name (nothing for a board kept on this laptop only), and what a merge left to check. */
export function SyncStatusLine({ boardId }: { boardId: string }) {
  const status = useSyncStatus(boardId);
  const line = status.data ? syncStatusLine(status.data) : null;
  const advice = syncErrorAdvice(status.data?.lastError ?? null);
  return (
    <>
      {line ? (
        <p className={`sync-status sync-${line.tone}`} role="status" aria-label="Sync status">
          {line.text}
        </p>
      ) : null}
      {line && advice ? <p className="sync-advice">{advice.text}</p> : null}
      <SyncConflictsLine boardId={boardId} />
    </>
  );
}

export function BoardSyncActions({ boardId, boardName }: BoardSyncProps) {
  const status = useSyncStatus(boardId);
  const [dialog, setDialog] = useState<'none' | 'share' | 'stop' | 'again'>('none');
  const [replacement, setReplacement] = useState<string | null>(null);
  const rotate = useSubmit();
  const stop = useSubmit();
  if (!status.data) return null;
  const shared = status.data.shared;
  return (
    <>
      {shared ? (
        <>
          {syncErrorAdvice(status.data.lastError)?.joinAgain ? (
            <button type="button" className="button primary" onClick={() => setDialog('again')}>
              Use a new invitation…
            </button>
          ) : null}
          <button type="button" className="button" disabled={rotate.busy} onClick={() => void rotate.run(async () => setReplacement((await call('rotateBoardToken', { boardId })).invitation))}>
            {rotate.busy ? 'Making…' : 'Make a new invitation'}
          </button>
          <button type="button" className="button" onClick={() => setDialog('stop')}>
            Stop sharing…
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setDialog('share')}>
          Share this board…
        </button>
      )}
      {rotate.error ? (
        <p className="form-error sync-action-error" role="alert">
          {rotate.error.message}
        </p>
      ) : null}
      {dialog === 'again' ? <JoinBoardDialog again={{ boardId, boardName }} onClose={() => setDialog('none')} /> : null}
      {dialog === 'share' ? <ShareBoardDialog boardId={boardId} boardName={boardName} onClose={() => setDialog('none')} /> : null}
      {replacement !== null ? <InvitationDialog boardName={boardName} invitation={replacement} replaced onClose={() => setReplacement(null)} /> : null}
      {dialog === 'stop' ? (
        <Dialog
          title="Stop sharing this board?"
          submitLabel="Stop sharing"
          busy={stop.busy}
          error={stop.error?.message ?? null}
          onCancel={() => setDialog('none')}
          onSubmit={() =>
            void stop.run(async () => {
              await call('stopSharing', { boardId });
              setDialog('none');
            })
          }
        >
          <p>
            This laptop stops syncing {boardName}. Everything already here stays, and you can go on working on it here; changes made from now
            on stay on this laptop, and changes from the other laptops no longer arrive.
          </p>
          <p>The other laptops keep syncing with each other through the server.</p>
        </Dialog>
      ) : null}
    </>
  );
}
