// Hash routes, so a reload (or the desktop app's app:// page) lands on the same screen.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'backups' }
  | { name: 'board'; boardId: string }
  | { name: 'meeting'; meetingId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'boards' && parts[1]) return { name: 'board', boardId: parts[1] };
  if (parts[0] === 'meetings' && parts[1]) return { name: 'meeting', meetingId: parts[1] };
  if (parts[0] === 'backups') return { name: 'backups' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'board':
      return `#/boards/${route.boardId}`;
    case 'meeting':
      return `#/meetings/${route.meetingId}`;
    case 'backups':
      return '#/backups';
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
