// The long action log's band (renderer/src/features/actions/logBand.ts): where rows lie from the
// heights measured, which rows are in view, and when the band of drawn rows moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND, nextBand, piecesOf, RowHeights, rowsInView, samePieces, type BandShape, type RowRange } from '../../renderer/src/features/actions/logBand';

describe('RowHeights', () => {
  it('places rows one under another, rows not drawn yet counting as the average of those drawn', () => {
    const h = new RowHeights(5, 50);
    expect(h.total()).toBe(250);
    expect(h.set(0, 100)).toBe(true);
    expect(h.set(1, 200)).toBe(true);
    // Three rows not drawn count as 150 each, the average of the two drawn.
    expect(h.top(2)).toBe(300);
    expect(h.total()).toBe(750);
    expect(h.set(1, 200.2)).toBe(false);
    expect(h.set(1, 100)).toBe(true);
    expect(h.total()).toBe(500);
    expect(h.set(7, 10)).toBe(false);
    expect(h.set(2, 0)).toBe(false);
  });

  it('finds the row at a point, the last row when past the end and the first before the start', () => {
    const h = new RowHeights(3, 10);
    h.set(1, 30);
    // Row 1 drawn at 30 px high; rows 0 and 2 count as that (the average of the rows drawn): 0-30, 30-60, 60-90.
    expect(h.top(1)).toBe(30);
    expect(h.rowAt(-5)).toBe(0);
    expect(h.rowAt(29.5)).toBe(0);
    expect(h.rowAt(30)).toBe(1);
    expect(h.rowAt(59)).toBe(1);
    expect(h.rowAt(60)).toBe(2);
    expect(h.rowAt(10_000)).toBe(2);
  });
});

describe('rowsInView', () => {
  it('gives the rows a view overlaps, or an empty range at the edge it lies beyond', () => {
    const h = new RowHeights(10, 100);
    expect(rowsInView(h, 150, 450)).toEqual({ start: 1, end: 5 });
    expect(rowsInView(h, 100, 400)).toEqual({ start: 1, end: 4 });
    expect(rowsInView(h, -900, -10)).toEqual({ start: 0, end: 0 });
    expect(rowsInView(h, 1000, 1900)).toEqual({ start: 10, end: 10 });
    expect(rowsInView(new RowHeights(0), 0, 900)).toEqual({ start: 0, end: 0 });
  });
});

describe('nextBand', () => {
  const shape: BandShape = { chunk: 8, ahead: 24, behind: 16, edge: 8 };

  it('keeps the band (the same object) while the view has rows to spare on both sides', () => {
    const band = { start: 16, end: 64 };
    expect(nextBand(band, { start: 30, end: 40 }, 1000, shape)).toBe(band);
    expect(nextBand(band, { start: 24, end: 56 }, 1000, shape)).toBe(band);
  });

  it('moves by whole chunks, further ahead in the direction the view goes', () => {
    const band = { start: 16, end: 64 };
    // Scrolling down: fewer than 8 rows left below the view.
    expect(nextBand(band, { start: 45, end: 57 }, 1000, shape)).toEqual({ start: 24, end: 88 });
    // Scrolling up: fewer than 8 rows left above it.
    expect(nextBand(band, { start: 23, end: 35 }, 1000, shape)).toEqual({ start: 0, end: 56 });
  });

  it('stops at the ends of the list and keeps a band that reaches them', () => {
    const atEnd = nextBand({ start: 0, end: 0 }, { start: 995, end: 1000 }, 1000, shape);
    expect(atEnd).toEqual({ start: 976, end: 1000 });
    expect(nextBand(atEnd, { start: 996, end: 1000 }, 1000, shape)).toBe(atEnd);
    const atStart = nextBand({ start: 0, end: 0 }, { start: 0, end: 10 }, 1000, shape);
    expect(atStart).toEqual({ start: 0, end: 40 });
    expect(nextBand(atStart, { start: 0, end: 12 }, 1000, shape)).toBe(atStart);
    // The list grew shorter than the band: the band is cut to it.
    expect(nextBand({ start: 0, end: 40 }, { start: 0, end: 10 }, 20, shape)).toEqual({ start: 0, end: 20 });
  });

  it('always holds the view, with rows to spare, and moves rarely as the view scrolls a row or two at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 5000 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }), (count, moves) => {
        let band: RowRange = { start: 0, end: 0 };
        let first = 0;
        let moved = 0;
        for (const step of moves) {
          first = Math.max(0, Math.min(count - 1, first + step));
          const view = { start: first, end: Math.min(count, first + 12) };
          const next = nextBand(band, view, count, BAND);
          if (next !== band) moved++;
          band = next;
          expect(band.start).toBeLessThanOrEqual(view.start);
          expect(band.end).toBeGreaterThanOrEqual(view.end);
          expect(band.start === 0 || view.start - band.start >= BAND.edge).toBe(true);
          expect(band.end === count || band.end - view.end >= BAND.edge).toBe(true);
          expect(band.end).toBeLessThanOrEqual(count);
        }
        const travelled = moves.reduce((sum, m) => sum + Math.abs(m), 0);
        // At most one move to place it, then one for every (ahead - edge) rows travelled.
        expect(moved).toBeLessThanOrEqual(1 + Math.ceil(travelled / (BAND.ahead - BAND.edge)) + 1);
      }),
    );
  });
});

describe('piecesOf', () => {
  const h = new RowHeights(100, 10);

  it('draws the band between spacers that hold the rows above and below it', () => {
    expect(piecesOf(h, { start: 20, end: 40 }, -1)).toEqual([{ space: 200 }, { rows: { start: 20, end: 40 } }, { space: 600 }]);
    expect(piecesOf(h, { start: 0, end: 100 }, -1)).toEqual([{ rows: { start: 0, end: 100 } }]);
  });

  it('keeps the focused row drawn in its place when the band is elsewhere, above it or below it', () => {
    expect(piecesOf(h, { start: 50, end: 70 }, 5)).toEqual([{ space: 50 }, { rows: { start: 5, end: 6 } }, { space: 440 }, { rows: { start: 50, end: 70 } }, { space: 300 }]);
    expect(piecesOf(h, { start: 0, end: 20 }, 99)).toEqual([{ rows: { start: 0, end: 20 } }, { space: 790 }, { rows: { start: 99, end: 100 } }]);
    // Inside the band, or no longer in the list: nothing extra.
    expect(piecesOf(h, { start: 0, end: 20 }, 10)).toEqual([{ rows: { start: 0, end: 20 } }, { space: 800 }]);
    expect(piecesOf(h, { start: 0, end: 20 }, 150)).toEqual([{ rows: { start: 0, end: 20 } }, { space: 800 }]);
  });

  it('always adds up to the whole list, row for row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: -1, max: 99 }), (start, length, pinned) => {
        const band = { start, end: Math.min(100, start + length) };
        const pieces = piecesOf(h, band, pinned);
        const height = pieces.reduce((sum, p) => sum + ('space' in p ? p.space : h.top(p.rows.end) - h.top(p.rows.start)), 0);
        expect(height).toBeCloseTo(h.total());
        expect(samePieces(pieces, piecesOf(h, band, pinned))).toBe(true);
      }),
    );
    expect(samePieces(piecesOf(h, { start: 0, end: 20 }, -1), piecesOf(h, { start: 0, end: 24 }, -1))).toBe(false);
  });
});
