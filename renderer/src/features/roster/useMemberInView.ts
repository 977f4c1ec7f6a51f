// The roster opened at one member (from a sync conflict about their initials): once their row is
// drawn it is scrolled into view and its Change button takes the focus, so Enter opens their
// details to choose other initials. Once for each member asked for, not on every redraw.
import { useEffect, useRef } from 'react';

/** `drawn`: the roster's rows are on the page. */
export function useMemberInView(memberId: string | undefined, drawn: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!memberId || !drawn || done.current === memberId) return;
    const row = document.querySelector<HTMLElement>(`tr[data-member-id="${CSS.escape(memberId)}"]`);
    if (!row) return;
    done.current = memberId;
    row.scrollIntoView({ block: 'center' });
    row.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [memberId, drawn]);
}
