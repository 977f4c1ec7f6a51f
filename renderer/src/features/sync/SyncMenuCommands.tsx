// The desktop menu's File > Share This Board… and Join a Shared Board…: Share is enabled on a
// board's screens while that board is not shared; Join wherever the boards are shown. Each opens
// the same dialog as the button on the board's page and on the boards page.
import { useState } from 'react';
import { CHANGE_LOG_ENTITIES } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useMenuCommand } from '../../app/menuCommands';
import { JoinBoardDialog } from './JoinBoardDialog';
import { ShareBoardDialog } from './ShareBoardDialog';

interface Props {
  /** The board whose screen is shown, if any. */
  boardId: string | undefined;
  boardName: string | undefined;
}

export function SyncMenuCommands({ boardId, boardName }: Props) {
  const [dialog, setDialog] = useState<{ kind: 'share'; boardId: string; boardName: string } | { kind: 'join' } | null>(null);
  const status = useLiveQuery(() => (boardId ? call('syncStatus', { boardId }) : Promise.resolve(null)), [boardId], {
    watches: [...CHANGE_LOG_ENTITIES, 'data_file', 'sync'],
  });
  const canShare = boardId !== undefined && boardName !== undefined && status.data?.boardId === boardId && !status.data.shared;
  useMenuCommand('share-board', () => (boardId && boardName ? setDialog({ kind: 'share', boardId, boardName }) : undefined), canShare && dialog === null);
  useMenuCommand('join-shared-board', () => setDialog({ kind: 'join' }), dialog === null);
  if (dialog?.kind === 'share') return <ShareBoardDialog boardId={dialog.boardId} boardName={dialog.boardName} onClose={() => setDialog(null)} />;
  if (dialog?.kind === 'join') return <JoinBoardDialog onClose={() => setDialog(null)} />;
  return null;
}
