// The action log's rows as the screen scrolls: a window of them around what is in view, asked of
// core (actionLogWindow) and kept live like any query. The screen never holds the whole log, so
// opening and scrolling it cost what it shows, whatever the number of outstanding actions.
import { useState } from 'react';
import type { ActionLogFilter, ActionLogSort, ActionLogWindow, OutstandingAction } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { Watch } from '../../api/changes';
import { useLiveQuery } from '../../api/useLiveQuery';

/** Rows per step of the window; the window is three steps (150 rows): the one in view and one either side. */
export const LOG_PAGE = 50;
const SPAN = 3;

export const LOG_WATCHES: readonly Watch[] = ['action', 'meeting', 'agenda_item', 'board', 'roster_member', 'group'];

export interface LogWindow {
  /** The answer in hand (the last one for this filter and sort while the next loads). */
  data: ActionLogWindow | undefined;
  error: Error | null;
  /** The row at this place among those the filter keeps, when it is in the window. */
  rowAt: (index: number) => OutstandingAction | undefined;
  /** Tells the window which rows are in view; it moves when they near its edge. */
  showing: (first: number, last: number) => void;
}

export function useLogWindow(filter: ActionLogFilter, sort: ActionLogSort): LogWindow {
  const key = JSON.stringify([filter, sort]);
  const [place, setPlace] = useState({ key, step: 0 });
  const step = place.key === key ? place.step : 0;
  const query = useLiveQuery(() => call('actionLogWindow', { filter, sort, offset: step * LOG_PAGE, limit: SPAN * LOG_PAGE }), [key, step], {
    watches: LOG_WATCHES,
  });
  // While a moved window loads, the rows already in hand stay on screen (same filter and sort only).
  const [held, setHeld] = useState<{ key: string; data: ActionLogWindow } | null>(null);
  if (query.data && held?.data !== query.data) setHeld({ key, data: query.data });
  const data = query.data ?? (held?.key === key ? held.data : undefined);
  return {
    data,
    error: query.error,
    rowAt: (index) => (data && index >= data.offset && index < data.offset + data.actions.length ? data.actions[index - data.offset] : undefined),
    showing: (first, last) => {
      const from = step * LOG_PAGE;
      const to = from + SPAN * LOG_PAGE;
      // Moved only when the view nears an edge of the window, so scrolling within it asks nothing.
      if ((first < from + LOG_PAGE / 2 && step > 0) || last >= to - LOG_PAGE / 2) {
        const next = Math.max(0, Math.floor(first / LOG_PAGE) - 1);
        if (next !== step) setPlace({ key, step: next });
      }
    },
  };
}
