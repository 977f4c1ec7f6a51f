// Which rows of a long action log are drawn: where each row lies (heights as measured, or an
// estimate until a row has been drawn once) and the band of rows kept drawn around the view.
// The band moves only when the view comes near one of its edges, and then by whole chunks, so
// most scroll steps change nothing on the page and Chromium scrolls it without running the app.

/** A row's height until it has been drawn once (px): a reference, two lines of details, an update. */
export const ROW_ESTIMATE = 64;

export interface BandShape {
  /** The band's edges are multiples of this many rows, so a small drift of the view moves nothing. */
  chunk: number;
  /** Rows drawn beyond the view on the side it is moving towards, after a move. */
  ahead: number;
  /** Rows drawn beyond the view on the side it is leaving, after a move. */
  behind: number;
  /** The band moves once fewer than this many rows are left drawn beyond the view. */
  edge: number;
}

// Measured on the large store (tests/bench/PROFILE.md, round 8): a move costs about 0.3 ms of
// main-thread time per row it draws, so small moves every few dozen steps keep the slowest steps
// lower than large moves half as often; 12 rows ahead is more than a screen of the tallest rows.
export const BAND: BandShape = { chunk: 4, ahead: 12, behind: 8, edge: 4 };

/** Rows `start` (included) to `end` (excluded). */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * Each row's height, and the offsets of the rows' tops worked out from them when asked. A row
 * not drawn yet counts as high as the rows drawn so far on average, so the page's height (and
 * its scroll bar) is close to the truth from the first few rows on.
 */
export class RowHeights {
  /** NaN: not drawn yet. */
  private readonly heights: Float64Array;
  private tops: Float64Array | null = null;
  private measuredSum = 0;
  private measuredCount = 0;

  constructor(
    readonly count: number,
    private readonly initial: number = ROW_ESTIMATE,
  ) {
    this.heights = new Float64Array(count).fill(Number.NaN);
  }

  /** What a row not drawn yet counts as. */
  get estimate(): number {
    return this.measuredCount > 0 ? this.measuredSum / this.measuredCount : this.initial;
  }

  /** Records a drawn row's height; true when it differs from what was held. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.count || !(height > 0)) return false;
    const held = this.heights[index]!;
    // Sub-pixel noise from zoom levels is not a change worth moving the page for.
    if (Math.abs(held - height) < 0.5) return false;
    if (Number.isNaN(held)) this.measuredCount++;
    else this.measuredSum -= held;
    this.measuredSum += height;
    this.heights[index] = height;
    this.tops = null;
    return true;
  }

  /** The top of row `index` (index = count: the bottom of the last row). */
  top(index: number): number {
    return this.offsets()[Math.max(0, Math.min(this.count, index))]!;
  }

  total(): number {
    return this.top(this.count);
  }

  /** The row that holds the point `y` below the first row's top (the last row when past the end). */
  rowAt(y: number): number {
    const tops = this.offsets();
    if (this.count === 0 || y <= 0) return 0;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tops[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private offsets(): Float64Array {
    if (!this.tops) {
      const tops = new Float64Array(this.count + 1);
      const estimate = this.estimate;
      for (let i = 0; i < this.count; i++) {
        const h = this.heights[i]!;
        tops[i + 1] = tops[i]! + (Number.isNaN(h) ? estimate : h);
      }
      this.tops = tops;
    }
    return this.tops;
  }
}

/**
 * The rows in view: from `from` to `to` px below the first row's top. When none is, an empty
 * range at the edge the view lies beyond (before the first row, or after the last).
 */
export function rowsInView(heights: RowHeights, from: number, to: number): RowRange {
  if (heights.count === 0 || to <= 0) return { start: 0, end: 0 };
  if (from >= heights.total()) return { start: heights.count, end: heights.count };
  return { start: heights.rowAt(from), end: heights.rowAt(Math.max(from, to - 1)) + 1 };
}

/**
 * The band to draw for the rows in view: `band` itself (the same object) while it still holds
 * the view with `edge` rows to spare on each side (or reaches the list's end), otherwise a new
 * band with `ahead` rows beyond the view in the direction it moved and `behind` on the other.
 */
export function nextBand(band: RowRange, view: RowRange, count: number, shape: BandShape = BAND): RowRange {
  const end = Math.min(count, band.end);
  const spareBefore = band.start === 0 || view.start - band.start >= shape.edge;
  const spareAfter = end === count || end - view.end >= shape.edge;
  if (view.start >= band.start && view.end <= end && spareBefore && spareAfter && end === band.end) return band;
  const down = view.end > end || !spareAfter;
  const before = down ? shape.behind : shape.ahead;
  const after = down ? shape.ahead : shape.behind;
  const start = Math.max(0, Math.floor((view.start - before) / shape.chunk) * shape.chunk);
  const stop = Math.min(count, Math.ceil((view.end + after) / shape.chunk) * shape.chunk);
  return start === band.start && stop === band.end ? band : { start, end: stop };
}

/** A stretch of the body: rows drawn, or the height of rows not drawn (a spacer). */
export type Piece = { rows: RowRange } | { space: number };

/**
 * The body from top to bottom: the band, and one row kept drawn outside it (`pinned`, -1 for
 * none: the row holding the keyboard's focus, which would be lost with it), with spacers for
 * the rows between.
 */
export function piecesOf(heights: RowHeights, band: RowRange, pinned: number): Piece[] {
  const ranges = [band];
  if (pinned >= 0 && pinned < heights.count && (pinned < band.start || pinned >= band.end)) ranges.push({ start: pinned, end: pinned + 1 });
  ranges.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.end <= range.start) continue;
    const gap = heights.top(range.start) - heights.top(at);
    if (gap > 0) pieces.push({ space: gap });
    pieces.push({ rows: range });
    at = range.end;
  }
  const rest = heights.total() - heights.top(at);
  if (rest > 0) pieces.push({ space: rest });
  return pieces;
}

/** The same pieces (so nothing is drawn again). */
export function samePieces(a: readonly Piece[], b: readonly Piece[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return 'rows' in p ? 'rows' in q && p.rows.start === q.rows.start && p.rows.end === q.rows.end : 'space' in q && p.space === q.space;
    })
  );
}
