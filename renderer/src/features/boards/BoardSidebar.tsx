// The boards an administrator serves, always in view, with "New board".
import { useState } from 'react';
import type { BoardSummary } from '../../../../shared/contract';
import { useMenuCommand } from '../../app/menuCommands';
import { hrefFor, navigate } from '../../app/router';
import { SearchButton } from '../search/SearchLauncher';
import { NewBoardDialog } from './BoardDialogs';

interface BoardSidebarProps {
  boards: BoardSummary[];
  loading: boolean;
  currentBoardId: string | undefined;
  backupsCurrent: boolean;
  actionLogCurrent: boolean;
}

export function BoardSidebar({ boards, loading, currentBoardId, backupsCurrent, actionLogCurrent }: BoardSidebarProps) {
  const [creating, setCreating] = useState(false);
  useMenuCommand('new-board', () => setCreating(true));
  return (
    <nav className="sidebar" aria-label="Boards">
      <a className="brand" href={hrefFor({ name: 'home' })}>
        <span className="brand-mark" aria-hidden="true">
          MA
        </span>
        Matters Arising
      </a>
      <SearchButton />
      <ul className="sidebar-screens">
        <li>
          <a href={hrefFor({ name: 'actionLog' })} aria-current={actionLogCurrent ? 'page' : undefined}>
            Action log
            <span className="board-meta">Outstanding actions, every board</span>
          </a>
        </li>
      </ul>
      <div className="sidebar-heading">
        <h2 id="boards-heading">Boards</h2>
        <button type="button" className="button small" onClick={() => setCreating(true)}>
          New board
        </button>
      </div>
      <ul className="board-list" aria-labelledby="boards-heading" aria-busy={loading}>
        {boards.map((board) => (
          <li key={board.id}>
            <a href={hrefFor({ name: 'board', boardId: board.id })} aria-current={board.id === currentBoardId ? 'page' : undefined}>
              <span className="board-name">{board.name}</span>
              <span className="board-meta">
                {board.meetingCount === 1 ? '1 meeting' : `${board.meetingCount} meetings`}
              </span>
            </a>
          </li>
        ))}
        {!loading && boards.length === 0 ? <li className="empty-note">No boards yet.</li> : null}
      </ul>
      <div className="sidebar-footer">
        <a href={hrefFor({ name: 'backups' })} aria-current={backupsCurrent ? 'page' : undefined}>
          Backups
        </a>
      </div>
      {creating ? (
        <NewBoardDialog
          onCancel={() => setCreating(false)}
          onCreated={(board) => {
            setCreating(false);
            navigate({ name: 'board', boardId: board.id });
          }}
        />
      ) : null}
    </nav>
  );
}
