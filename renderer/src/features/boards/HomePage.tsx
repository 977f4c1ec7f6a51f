// The first screen: what the app holds, and where to start.
import { useState } from 'react';
import type { BoardSummary } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { hrefFor } from '../../app/router';
import { SampleBoardButton } from '../roster/SampleBoardButton';
import { ImportDialog } from '../import/ImportDialog';
import { JoinBoardDialog } from '../sync/JoinBoardDialog';

interface HomePageProps {
  boards: BoardSummary[] | undefined;
  dataFile: string;
}

export function HomePage({ boards, dataFile }: HomePageProps) {
  const [importing, setImporting] = useState(false);
  const [joining, setJoining] = useState(false);
  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">Your boards</h1>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => setJoining(true)}>
            Join a shared board…
          </button>
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import minutes…
          </button>
        </div>
      </header>
      {importing ? <ImportDialog boardName={null} onClose={() => setImporting(false)} /> : null}
      {joining ? <JoinBoardDialog onClose={() => setJoining(false)} /> : null}
      {boards && boards.length === 0 ? (
        <div className="empty-state">
          <h2>Start with a board</h2>
          <p>
            A board is the body whose meetings you minute, such as an executive board or a sub-group. Choose{' '}
            <strong>New board</strong> on the left to add one.
          </p>
          <p>Or look around a sample first: two real meetings of a safeguarding board in full, from attendance and discussion to actions, matters arising and minutes agreed as accurate.</p>
          <SampleBoardButton primary />
        </div>
      ) : null}
      {boards && boards.length > 0 ? (
        <ul className="card-grid">
          {boards.map((board) => (
            <li key={board.id} className="card">
              <a href={hrefFor({ name: 'board', boardId: board.id })} className="card-title">
                {board.name}
              </a>
              <dl className="card-facts">
                <div>
                  <dt>Meetings</dt>
                  <dd>{board.meetingCount}</dd>
                </div>
                <div>
                  <dt>Last met</dt>
                  <dd>{board.lastMeetingDate ? formatUkDate(board.lastMeetingDate) : '—'}</dd>
                </div>
                <div>
                  <dt>Next meeting</dt>
                  <dd>{board.nextMeetingDate ? formatUkDate(board.nextMeetingDate) : '—'}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      {boards && boards.length > 0 ? <SampleBoardButton /> : null}
      <p className="data-file-note">
        Data file: <code>{dataFile}</code>
      </p>
    </section>
  );
}
