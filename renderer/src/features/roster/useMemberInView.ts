// The roster opened at one member (from a sync conflict about their initials): once their row is
// drawn it is scrolled into view and its Change button takes the focus, so Enter opens their
// details to choose other initials. Once for each member asked for, not on every redraw.
import { useEffect, useRef } from 'react';

/**
 * Frames the focus is tried for. The link that opens the roster sits in a modal dialog, which
 * leaves the page only after the roster may already be drawn: until then the page behind it is
 * inert and cannot take the focus, so the button is focused once the dialog has gone.
 */
const FOCUS_FRAMES = 60;

/** `drawn`: the roster's rows are on the page. */
export function useMemberInView(memberId: string | undefined, drawn: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!memberId || !drawn || done.current === memberId) return;
    const row = document.querySelector<HTMLElement>(`tr[data-member-id="${CSS.escape(memberId)}"]`);
    if (!row) return;
    done.current = memberId;
    row.scrollIntoView({ block: 'center' });
    let frame = 0;
    let left = FOCUS_FRAMES;
    let finished = false;
    const focus = (): void => {
      const button = row.querySelector<HTMLElement>('button');
      if (button?.isConnected) button.focus({ preventScroll: true });
      const active = document.activeElement;
      // Taken, or the user has put the focus somewhere on the page meanwhile: nothing more to do.
      const elsewhere = active !== null && active !== document.body && active.isConnected && !active.closest('dialog');
      if (!button?.isConnected || active === button || elsewhere || left-- <= 0) {
        finished = true;
        return;
      }
      frame = requestAnimationFrame(focus);
    };
    focus();
    return () => {
      cancelAnimationFrame(frame);
      // Left before the focus was taken (the effect run again): the next run tries again.
      if (!finished) done.current = null;
    };
  }, [memberId, drawn]);
}
