// The frame of a board's own screens (roster, settings, register): the board's name, the
// screen's title and actions, and the board's tabs; "not found" when the board is gone.
import type { ReactNode } from 'react';
import type { BoardSettings } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveQuery, type Query } from '../../api/useLiveQuery';
import { hrefFor } from '../../app/router';
import { BoardNav, type BoardTab } from './BoardNav';

/** The board's settings, and how many current members it has (for the quorum). */
export function useBoardSettings(boardId: string): Query<BoardSettings> {
  return useLiveQuery(() => call('getBoardSettings', { boardId }), [boardId], { watches: ['board', 'roster_member'] });
}

interface BoardFrameProps {
  board: Query<BoardSettings>;
  tab: BoardTab;
  title: string;
  actions?: ReactNode;
  children: (board: BoardSettings) => ReactNode;
}

export function BoardFrame({ board, tab, title, actions, children }: BoardFrameProps) {
  if (board.error && !board.data) {
    return (
      <section className="page">
        <h1>Board not found</h1>
        <p role="alert">{board.error.message}</p>
        <p>
          <a href={hrefFor({ name: 'home' })}>Back to your boards</a>
        </p>
      </section>
    );
  }
  const b = board.data;
  if (!b) return <section className="page" aria-busy="true" />;
  return (
    <section className="page" aria-labelledby="board-screen-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <a href={hrefFor({ name: 'board', boardId: b.boardId })}>{b.name}</a>
            {b.shortCode ? ` · ${b.shortCode}` : ''}
          </p>
          <h1 id="board-screen-title">{title}</h1>
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      <BoardNav boardId={b.boardId} current={tab} />
      {children(b)}
    </section>
  );
}
