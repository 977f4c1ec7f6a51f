// Opening the place a sync conflict is about: an agenda item (highlighted as a search hit is) or
// the minutes' record panel of a meeting, where proposed corrections show.
import { navigate } from '../../app/router';
import { openHit } from '../search/openHit';

/** How long to wait for a meeting's page to draw its record panel before giving up quietly. */
const WAIT_MS = 5_000;

export function openItem(meetingId: string, itemId: string): void {
  openHit({ target: { meetingId, kind: 'item', id: itemId, itemId, actionId: null }, words: [] });
}

/** The meeting's page, scrolled to its record panel once drawn (its heading takes the focus, for the keyboard). */
export function openRecordPanel(meetingId: string): void {
  navigate({ name: 'meeting', meetingId });
  const started = performance.now();
  const attempt = (): void => {
    const panel = document.querySelector<HTMLElement>('section.record-panel:not([aria-busy="true"])');
    if (panel) {
      panel.scrollIntoView({ block: 'start' });
      const heading = panel.querySelector<HTMLElement>('h2');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      return;
    }
    if (performance.now() - started < WAIT_MS) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
