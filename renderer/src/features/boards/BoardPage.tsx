// One board: its meetings, newest first, with "New meeting" and "Rename".
import { useState } from 'react';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { hrefFor, navigate } from '../../app/router';
import { MeetingList } from '../meetings/MeetingList';
import { NewMeetingDialog } from '../meetings/NewMeetingDialog';
import { ImportDialog } from '../import/ImportDialog';
import { BoardNav } from '../roster/BoardNav';
import { BoardSyncActions, SyncStatusLine } from '../sync/BoardSync';
import { RenameBoardDialog } from './BoardDialogs';
import { useBoardList } from './useBoardList';

export function BoardPage({ boardId }: { boardId: string }) {
  const boards = useBoardList();
  // A meeting's row shows its date, times, venue, state and how many items and actions it has.
  const meetings = useLiveQuery(() => call('listMeetings', { boardId }), [boardId], { watches: ['board', 'meeting', 'agenda_item', 'action'] });
  const [dialog, setDialog] = useState<'none' | 'meeting' | 'rename' | 'import'>('none');
  const board = boards.data?.find((b) => b.id === boardId);

  if (boards.data && !board) {
    return (
      <section className="page">
        <h1>Board not found</h1>
        <p>
          This board no longer exists. <a href={hrefFor({ name: 'home' })}>Back to your boards</a>
        </p>
      </section>
    );
  }
  if (!board) return <section className="page" aria-busy="true" />;

  return (
    <section className="page" aria-labelledby="board-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">Board{board.shortCode ? ` · ${board.shortCode}` : ''}</p>
          <h1 id="board-title">{board.name}</h1>
          <SyncStatusLine boardId={board.id} />
        </div>
        <div className="page-actions">
          <BoardSyncActions boardId={board.id} boardName={board.name} />
          <button type="button" className="button" onClick={() => setDialog('rename')}>
            Rename
          </button>
          <button type="button" className="button" onClick={() => setDialog('import')}>
            Import minutes…
          </button>
          <button type="button" className="button primary" onClick={() => setDialog('meeting')}>
            New meeting
          </button>
        </div>
      </header>
      <BoardNav boardId={board.id} current="meetings" />
      <h2 className="section-title">Meetings</h2>
      {meetings.error && !meetings.data ? (
        <p className="form-error" role="alert">
          {meetings.error.message}
        </p>
      ) : (
        <MeetingList meetings={meetings.data} />
      )}
      {dialog === 'rename' ? (
        <RenameBoardDialog
          board={board}
          onCancel={() => setDialog('none')}
          onRenamed={() => setDialog('none')}
        />
      ) : null}
      {dialog === 'import' ? <ImportDialog boardName={board.name} onClose={() => setDialog('none')} /> : null}
      {dialog === 'meeting' ? (
        <NewMeetingDialog
          boardId={board.id}
          onCancel={() => setDialog('none')}
          onCreated={(meeting) => {
            setDialog('none');
            navigate({ name: 'meeting', meetingId: meeting.id });
          }}
        />
      ) : null}
    </section>
  );
}
