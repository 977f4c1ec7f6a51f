// The action log's table: sortable columns, one row per outstanding action. A long log (a large
// store lists thousands) draws only a band of rows in and near the view (useLogBand), with spacer
// rows holding the rest of the height, and tells its window (useLogWindow) which rows are drawn
// so they come from core as it scrolls; a row not yet come is drawn as a placeholder. A short log
// draws every row.
import { useRef, useState, type CSSProperties } from 'react';
import type { ActionLogSort, ActionLogSortKey, BetweenUpdate, OutstandingAction } from '../../../../shared/contract';
import { useBetweenReports } from '../between/LatestUpdateCell';
import { COLUMNS } from './logColumns';
import { LogRow, Placeholder, Spacer } from './LogRows';
import { useLogBand } from './useLogBand';

/** Above this many rows only those in view are drawn; below it, all (the browser's find still sees every one). */
// No more than the rows the screen asks core for at once (useLogWindow), so a short log is drawn whole from one answer.
export const VIRTUAL_FROM = 150;


interface LogTableProps {
  /** Rows the filter keeps, all told. */
  count: number;
  /** The row at a place, when core has sent it. */
  rowAt: (index: number) => OutstandingAction | undefined;
  /** Which rows are in view, as the list scrolls. */
  onShowing: (first: number, last: number) => void;
  sort: ActionLogSort;
  onSort: (key: ActionLogSortKey) => void;
  showBoard: boolean;
}

export function LogTable({ count, rowAt, onShowing, sort, onSort, showBoard }: LogTableProps) {
  const reports = useBetweenReports();
  const all = count > VIRTUAL_FROM ? [] : Array.from({ length: count }, (_, i) => rowAt(i));
  const virtual = count > VIRTUAL_FROM;
  return (
    // A long log's columns are fixed: with widths taken from the rows drawn, every scroll step
    // laid the whole table out again and the columns shifted as rows came and went. Its rows are
    // laid out as blocks of these columns (styles.css), one by one rather than as one table.
    <table
      className={virtual ? 'data-table log-table is-virtual' : 'data-table log-table'}
      role="table"
      aria-rowcount={count + 1}
      style={virtual ? ({ '--log-columns': COLUMNS.map((c) => c.width).join(' ') } as CSSProperties) : undefined}
    >
      <caption className="visually-hidden">Outstanding actions, sorted by {sort.by}</caption>
      {virtual ? (
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
      ) : null}
      <thead role="rowgroup">
        <tr role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              role="columnheader"
              scope="col"
              className={c.className}
              aria-sort={c.key && sort.by === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            >
              {c.key ? (
                <button type="button" className="sort-button" onClick={() => onSort(c.key as ActionLogSortKey)}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.by === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      {virtual ? (
        <VirtualBody count={count} rowAt={rowAt} onShowing={onShowing} showBoard={showBoard} reports={reports} sortKey={`${sort.by} ${sort.descending}`} />
      ) : (
        <tbody>
          {all.map((a, i) => (a ? <LogRow key={a.id} action={a} index={i} showBoard={showBoard} report={reports.get(a.id)} /> : <Placeholder key={`p${i}`} index={i} />))}
        </tbody>
      )}
    </table>
  );
}

/** The band of rows in and near the view (useLogBand), with spacers holding the height of the rest. */
function VirtualBody({ count, rowAt, onShowing, showBoard, reports, sortKey }: Omit<LogTableProps, 'sort' | 'onSort'> & { reports: ReadonlyMap<string, BetweenUpdate>; sortKey: string }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const { pieces, pinned, measure } = useLogBand(count, sortKey, body, onShowing);
  // The focused row's action, kept once core's window has moved on from it: it stays drawn
  // (and focused) while pinned, and when the view comes back to it before the window does.
  const list = `${sortKey} ${count}`;
  const [kept, setKept] = useState<{ list: string; index: number; action: OutstandingAction } | null>(null);
  const fresh = pinned >= 0 ? rowAt(pinned) : undefined;
  if (fresh && (kept?.index !== pinned || kept.action !== fresh || kept.list !== list)) setKept({ list, index: pinned, action: fresh });
  const keptAt = (i: number): OutstandingAction | undefined => (kept?.index === i && kept.list === list ? kept.action : undefined);
  const drawn = [];
  for (const [p, piece] of pieces.entries()) {
    if ('space' in piece) {
      drawn.push(<Spacer key={`s${p}`} height={piece.space} />);
      continue;
    }
    // A list just shortened (a filter) is drawn once with the last pieces before they are worked out again.
    for (let i = piece.rows.start; i < Math.min(piece.rows.end, count); i++) {
      const a = rowAt(i) ?? keptAt(i);
      drawn.push(a ? <LogRow key={a.id} action={a} index={i} showBoard={showBoard} report={reports.get(a.id)} measure={measure} /> : <Placeholder key={`p${i}`} index={i} measure={measure} />);
    }
  }
  return (
    <tbody ref={body} role="rowgroup">
      {drawn}
    </tbody>
  );
}
