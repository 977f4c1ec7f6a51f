// The shell: checks the data file first, then shows the boards beside the chosen screen.
import type { AppStatus } from '../../../shared/contract';
import { lazy, Suspense, useEffect, useState } from 'react';
import { call, STORE_UNAVAILABLE_EVENT } from '../api/client';
import { desktop } from '../api/desktop';
import { ActionLogPage } from '../features/actions/ActionLogPage';
import { ActionPage } from '../features/actions/ActionPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { BriefingPage } from '../features/briefing/BriefingPage';
import { MyActionsPage } from '../features/briefing/MyActionsPage';
import { EncryptionNotice } from '../features/encryption/EncryptionNotice';
import { RemindersDueNotice } from '../features/reminders/RemindersDueNotice';
import { BoardPage } from '../features/boards/BoardPage';
import { BoardSidebar } from '../features/boards/BoardSidebar';
import { HomePage } from '../features/boards/HomePage';
import { ShortcutSheet } from '../features/minutes/ShortcutSheet';
import { useBoardList } from '../features/boards/useBoardList';
import { BoardSettingsPage } from '../features/roster/BoardSettingsPage';
import { RegisterPage } from '../features/roster/RegisterPage';
import { RosterPage } from '../features/roster/RosterPage';
import { SearchLauncher } from '../features/search/SearchLauncher';
import { SyncMenuCommands } from '../features/sync/SyncMenuCommands';
import { useLiveQuery } from '../api/useLiveQuery';
import { useMenuCommand } from './menuCommands';
import { ProblemScreen } from './ProblemScreen';
import { sendWaitingDeletes, UndoNotice } from './undoDeletes';
import { boardIdOf, useRoute } from './router';
import { unreachableProblem } from './unreachable';

// The minutes editor (and Lexical with it) loads when a meeting is first opened, so the
// first screen appears without waiting for it.
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));

export function App() {
  // Another data file opened, or a backup restored, changes the data file: every query hears of it.
  const status = useLiveQuery<AppStatus>(() => call('getAppStatus', {}), [], { watches: [] });
  // A call refused because the data file became unusable (damage found in the background) is
  // no change anyone made: the shell asks again, to show why.
  const { refresh } = status;
  useEffect(() => {
    window.addEventListener(STORE_UNAVAILABLE_EVENT, refresh);
    return () => window.removeEventListener(STORE_UNAVAILABLE_EVENT, refresh);
  }, [refresh]);
  if (status.error) {
    const { title, advice } = unreachableProblem(status.error.code, desktop() !== null);
    return <ProblemScreen problem={{ title, message: status.error.message, advice }} />;
  }
  if (!status.data) return <div className="splash" aria-busy="true" />;
  if (status.data.state === 'problem') {
    return <ProblemScreen problem={status.data.problem} dataFile={status.data.dataFile} canAct />;
  }
  return <Workspace key={status.data.dataFile} dataFile={status.data.dataFile} recovered={status.data.recoveredFromCrash} />;
}

interface WorkspaceProps {
  dataFile: string;
  recovered: boolean;
}

function Workspace({ dataFile, recovered }: WorkspaceProps) {
  const route = useRoute();
  const boards = useBoardList();
  const currentBoardId = boardIdOf(route);
  const [shortcuts, setShortcuts] = useState(false);
  useMenuCommand('show-shortcuts', () => setShortcuts(true));
  // A delete still waiting for its Undo is sent when its screen is left.
  const place = JSON.stringify(route);
  useEffect(() => () => sendWaitingDeletes(), [place]);
  return (
    <div className="workspace">
      <BoardSidebar
        boards={boards.data ?? []}
        loading={boards.loading}
        currentBoardId={currentBoardId}
        backupsCurrent={route.name === 'backups'}
        actionLogCurrent={route.name === 'actionLog'}
      />
      <main className="content" id="content">
        {recovered ? (
          <p className="notice recovered" role="status">
            Matters Arising was not closed properly last time. Your data file was checked and is intact.
          </p>
        ) : null}
        <EncryptionNotice />
        <RemindersDueNotice />
        {route.name === 'home' ? <HomePage boards={boards.data} dataFile={dataFile} /> : null}
        {route.name === 'backups' ? <BackupsPage /> : null}
        {route.name === 'board' ? <BoardPage key={route.boardId} boardId={route.boardId} /> : null}
        {route.name === 'meeting' ? (
          <Suspense fallback={<section className="page" aria-busy="true" />}>
            <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
          </Suspense>
        ) : null}
        {route.name === 'actionLog' ? <ActionLogPage /> : null}
        {route.name === 'action' ? <ActionPage key={route.actionId} actionId={route.actionId} /> : null}
        {route.name === 'roster' ? <RosterPage key={route.boardId} boardId={route.boardId} memberId={route.memberId} /> : null}
        {route.name === 'boardSettings' ? <BoardSettingsPage key={route.boardId} boardId={route.boardId} /> : null}
        {route.name === 'register' ? <RegisterPage key={route.boardId} boardId={route.boardId} /> : null}
        {route.name === 'briefing' ? <BriefingPage key={route.boardId} boardId={route.boardId} /> : null}
        {route.name === 'myActions' ? <MyActionsPage /> : null}
      </main>
      {shortcuts ? <ShortcutSheet onClose={() => setShortcuts(false)} /> : null}
      <SearchLauncher currentBoardId={currentBoardId} />
      <SyncMenuCommands boardId={currentBoardId} boardName={boards.data?.find((b) => b.id === currentBoardId)?.name} />
      <UndoNotice />
    </div>
  );
}
