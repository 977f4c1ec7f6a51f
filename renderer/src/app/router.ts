// Hash routes, so a reload (or the desktop app's app:// page) lands on the same screen.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'backups' }
  | { name: 'board'; boardId: string }
  /** memberId: the member the roster opens at (a sync conflict about their initials). */
  | { name: 'roster'; boardId: string; memberId?: string }
  | { name: 'boardSettings'; boardId: string }
  | { name: 'register'; boardId: string }
  | { name: 'meeting'; meetingId: string }
  | { name: 'actionLog' }
  | { name: 'action'; actionId: string }
  | { name: 'briefing'; boardId: string }
  | { name: 'myActions' };

/** The board a route belongs to, if it is one of a board's screens. */
export function boardIdOf(route: Route): string | undefined {
  return 'boardId' in route ? route.boardId : undefined;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'boards' && parts[1] && parts[2] === 'roster') return parts[3] ? { name: 'roster', boardId: parts[1], memberId: parts[3] } : { name: 'roster', boardId: parts[1] };
  if (parts[0] === 'boards' && parts[1] && parts[2] === 'settings') return { name: 'boardSettings', boardId: parts[1] };
  if (parts[0] === 'boards' && parts[1] && parts[2] === 'register') return { name: 'register', boardId: parts[1] };
  if (parts[0] === 'boards' && parts[1] && parts[2] === 'briefing') return { name: 'briefing', boardId: parts[1] };
  if (parts[0] === 'boards' && parts[1]) return { name: 'board', boardId: parts[1] };
  if (parts[0] === 'my-actions') return { name: 'myActions' };
  if (parts[0] === 'meetings' && parts[1]) return { name: 'meeting', meetingId: parts[1] };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0] === 'actions' && parts[1]) return { name: 'action', actionId: parts[1] };
  if (parts[0] === 'actions') return { name: 'actionLog' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'board':
      return `#/boards/${route.boardId}`;
    case 'roster':
      return `#/boards/${route.boardId}/roster${route.memberId ? `/${route.memberId}` : ''}`;
    case 'boardSettings':
      return `#/boards/${route.boardId}/settings`;
    case 'register':
      return `#/boards/${route.boardId}/register`;
    case 'meeting':
      return `#/meetings/${route.meetingId}`;
    case 'backups':
      return '#/backups';
    case 'actionLog':
      return '#/actions';
    case 'action':
      return `#/actions/${route.actionId}`;
    case 'briefing':
      return `#/boards/${route.boardId}/briefing`;
    case 'myActions':
      return '#/my-actions';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
