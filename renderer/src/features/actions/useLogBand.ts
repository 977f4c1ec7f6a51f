// The band of a long action log that is drawn as the page scrolls: follows the page's scrolling
// area with a passive listener, measures each drawn row once (ResizeObserver, no layout reads of
// its own), and re-renders only when the band moves (logBand.ts), so most scroll steps run no
// React at all and are scrolled by the compositor.
import { useEffect, useLayoutEffect, useState } from 'react';
import { BAND, nextBand, piecesOf, RowHeights, rowsInView, samePieces, type Piece, type RowRange } from './logBand';

export interface LogBand {
  /** The body from top to bottom: the rows drawn (the band, and the focused row if outside it) and spacers for the rest. */
  pieces: readonly Piece[];
  /** The focused row kept drawn outside the band; -1 for none. */
  pinned: number;
  /** Given to each drawn row (with its `data-index`): measures it as it is drawn and resized. */
  measure: (row: HTMLElement | null) => void;
}

const EMPTY: RowRange = { start: 0, end: 0 };

interface Drawn {
  band: RowRange;
  pieces: Piece[];
  pinned: number;
}

const NOTHING: Drawn = { band: EMPTY, pieces: [], pinned: -1 };

/**
 * `count` rows in the table body `body`, scrolled by the page's scrolling area (#content).
 * `resetKey` names the list (its sort): another list's rows have other heights.
 * `onShowing` hears which rows are drawn, so their actions can be fetched.
 */
export function useLogBand(count: number, resetKey: string, body: React.RefObject<HTMLElement | null>, onShowing: (first: number, last: number) => void): LogBand {
  const [drawn, setDrawn] = useState<Drawn>(NOTHING);
  const [follower] = useState(() => new BandFollower(document.getElementById('content'), setDrawn));
  useEffect(() => follower.tell(onShowing), [follower, onShowing]);
  // On first drawing and whenever the list changes: heights estimated again, the band placed where the view is.
  useLayoutEffect(() => follower.restart(body.current, count), [follower, body, count, resetKey]);
  useEffect(() => follower.listen(), [follower]);
  useLayoutEffect(() => follower.forgetGone());
  return { pieces: drawn.pieces, pinned: drawn.pinned, measure: follower.measure };
}

/** Follows the scrolling area and the drawn rows' sizes, outside React; hands React a new band only when it moves. */
class BandFollower {
  private heights = new RowHeights(0);
  private drawn: Drawn = NOTHING;
  private shown: RowRange = EMPTY;
  private body: HTMLElement | null = null;
  private onShowing: (first: number, last: number) => void = () => undefined;
  private readonly observed = new Set<HTMLElement>();
  // One observer for every drawn row: its size as laid out, delivered after layout (no reflow).
  private readonly rows = new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const index = Number((entry.target as HTMLElement).dataset.index);
      const size = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
      if (this.heights.set(index, size)) changed = true;
    }
    if (changed) this.follow();
  });

  constructor(
    private readonly scroller: HTMLElement | null,
    private readonly setDrawn: (drawn: Drawn) => void,
  ) {}

  /** A new listener (the window's owner drew again, perhaps for another filter) hears the rows drawn now. */
  tell(onShowing: (first: number, last: number) => void): void {
    this.onShowing = onShowing;
    const { band } = this.drawn;
    if (band.end > band.start) onShowing(band.start, band.end - 1);
  }

  restart(body: HTMLElement | null, count: number): void {
    this.body = body;
    this.heights = new RowHeights(count);
    this.drawn = NOTHING;
    this.follow();
  }

  /** Listens to the scrolling area; returns the way to stop. */
  listen(): () => void {
    const scroller = this.scroller;
    if (!scroller) return () => undefined;
    scroller.addEventListener('scroll', this.follow, { passive: true });
    // A resized window: other widths wrap the rows to other heights, measured again as drawn.
    let width = scroller.clientWidth;
    const resized = new ResizeObserver(() => {
      if (scroller.clientWidth !== width) {
        width = scroller.clientWidth;
        this.heights = new RowHeights(this.heights.count);
      }
      this.follow();
    });
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', this.follow);
      resized.disconnect();
    };
  }

  /** Given to each drawn row as its ref. */
  readonly measure = (row: HTMLElement | null): void => {
    if (row) {
      this.observed.add(row);
      this.rows.observe(row);
    }
  };

  /** Rows no longer drawn are no longer observed (a ref callback hears nothing when its row goes). */
  forgetGone(): void {
    for (const row of this.observed) {
      if (!row.isConnected) {
        this.rows.unobserve(row);
        this.observed.delete(row);
      }
    }
  }

  /**
   * Works out the rows in view and moves the band when they near its edge; the spacers follow
   * the heights measured. Called on scroll: reads the scroll position and the body's place, which
   * cost nothing at a scroll event (layout is clean), and renders only when something moved.
   */
  private readonly follow = (): void => {
    const { body, scroller } = this;
    if (!body || !scroller) return;
    const h = this.heights;
    const top = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const view = rowsInView(h, -top, -top + scroller.clientHeight);
    const band = nextBand(this.drawn.band, view, h.count, BAND);
    // The row holding the focus stays drawn wherever the view goes: its focus (and a dialog
    // opened from it) would go with it.
    const focused = document.activeElement?.closest('tr[data-index]');
    const pinned = focused && body.contains(focused) ? Number((focused as HTMLElement).dataset.index) : -1;
    const kept = pinned >= band.start && pinned < band.end ? -1 : pinned;
    const next: Drawn = { band, pieces: piecesOf(h, band, kept), pinned: kept };
    const last = this.drawn;
    if (next.band !== last.band || !samePieces(next.pieces, last.pieces)) {
      this.drawn = next;
      this.setDrawn(next);
    }
    if (band.start !== this.shown.start || band.end !== this.shown.end) {
      this.shown = band;
      if (band.end > band.start) this.onShowing(band.start, band.end - 1);
    }
  };
}
