// The tabs across a board's screens: its meetings, roster, attendance register, chair's briefing and settings.
import { hrefFor, type Route } from '../../app/router';

export type BoardTab = 'meetings' | 'roster' | 'settings' | 'register' | 'briefing';

const TABS: { tab: BoardTab; label: string; route: (boardId: string) => Route }[] = [
  { tab: 'meetings', label: 'Meetings', route: (boardId) => ({ name: 'board', boardId }) },
  { tab: 'roster', label: 'Roster', route: (boardId) => ({ name: 'roster', boardId }) },
  { tab: 'register', label: 'Attendance register', route: (boardId) => ({ name: 'register', boardId }) },
  { tab: 'briefing', label: 'Chair’s briefing', route: (boardId) => ({ name: 'briefing', boardId }) },
  { tab: 'settings', label: 'Settings', route: (boardId) => ({ name: 'boardSettings', boardId }) },
];

export function BoardNav({ boardId, current }: { boardId: string; current: BoardTab }) {
  return (
    <nav className="board-tabs" aria-label="Board sections">
      <ul>
        {TABS.map(({ tab, label, route }) => (
          <li key={tab}>
            <a href={hrefFor(route(boardId))} aria-current={tab === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
