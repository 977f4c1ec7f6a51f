// The action log's table: sortable columns, one row per outstanding action. A long log (a large
// store lists thousands) draws only the rows in and near the view, with spacer rows holding the
// rest of the height, and tells its window (useLogWindow) what is in view so the rows come from
// core as it scrolls; a row not yet come is drawn as a placeholder. A short log draws every row.
import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ActionLogSort, ActionLogSortKey, OutstandingAction } from '../../../../shared/contract';
import { dueLabel, NO_OWNER_LABEL } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { formatOwners } from '../../../../shared/domain/owners';
import { hrefFor } from '../../app/router';
import { LatestUpdateCell, useBetweenReports } from '../between/LatestUpdateCell';
import type { BetweenUpdate } from '../../../../shared/contract';

/** Above this many rows only those in view are drawn; below it, all (the browser's find still sees every one). */
// No more than the rows the screen asks core for at once (useLogWindow), so a short log is drawn whole from one answer.
export const VIRTUAL_FROM = 150;

/** `width`: the column's share of a long (virtualised) log, whose columns are set once rather than measured from the rows drawn. */
const COLUMNS: Array<{ key: ActionLogSortKey | null; label: string; className?: string; width: string }> = [
  { key: 'reference', label: 'Reference', width: '11%' },
  { key: null, label: 'Details', width: '25%' },
  { key: 'owner', label: 'Action', width: '11%' },
  { key: 'due', label: 'Due', width: '10%' },
  { key: 'status', label: 'Status', width: '10%' },
  { key: 'raised', label: 'Raised', width: '10%' },
  { key: 'carried', label: 'Carried', className: 'numeric', width: '7%' },
  { key: null, label: 'Latest update', width: '16%' },
];

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
    // laid the whole table out again and the columns shifted as rows came and went.
    <table className={virtual ? 'data-table log-table is-virtual' : 'data-table log-table'} aria-rowcount={count + 1}>
      <caption className="visually-hidden">Outstanding actions, sorted by {sort.by}</caption>
      {virtual ? (
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
      ) : null}
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
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
        <VirtualBody count={count} rowAt={rowAt} onShowing={onShowing} showBoard={showBoard} reports={reports} />
      ) : (
        <tbody>
          {all.map((a, i) => (a ? <LogRow key={a.id} action={a} index={i} showBoard={showBoard} report={reports.get(a.id)} /> : <Placeholder key={`p${i}`} index={i} />))}
        </tbody>
      )}
    </table>
  );
}

/** The rows in and near the view of the page's scrolling area, measured as they are drawn. */
function VirtualBody({ count, rowAt, onShowing, showBoard, reports }: Omit<LogTableProps, 'sort' | 'onSort'> & { reports: ReadonlyMap<string, BetweenUpdate> }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [scroller] = useState(() => document.getElementById('content'));
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the rows start within the scrolling area: the filters and counts above them.
    if (body.current && scroller) setMargin(body.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
  }, [scroller, count]);
  // The virtualizer re-renders this body itself as the view scrolls; nothing here is memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => 58,
    // A few rows either side: each one drawn is painted on every step, and rows are measured once.
    overscan: 4,
    scrollMargin: margin,
    getItemKey: (i) => rowAt(i)?.id ?? `p${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  const firstIndex = first?.index ?? 0;
  const lastIndex = last?.index ?? 0;
  useEffect(() => onShowing(firstIndex, lastIndex), [onShowing, firstIndex, lastIndex]);
  return (
    <tbody ref={body}>
      {before > 0 ? <Spacer height={before} /> : null}
      {items.map((v) => {
        const a = rowAt(v.index);
        return a ? (
          <LogRow key={a.id} action={a} index={v.index} showBoard={showBoard} report={reports.get(a.id)} measure={virtualizer.measureElement} />
        ) : (
          <Placeholder key={`p${v.index}`} index={v.index} measure={virtualizer.measureElement} />
        );
      })}
      {after > 0 ? <Spacer height={after} /> : null}
    </tbody>
  );
}

function Spacer({ height }: { height: number }) {
  const style: CSSProperties = { height, padding: 0, border: 0 };
  return (
    <tr aria-hidden="true" className="log-spacer">
      <td colSpan={COLUMNS.length} style={style} />
    </tr>
  );
}

/** A row whose action core has not sent yet (the window is moving): its place, held. */
function Placeholder({ index, measure }: { index: number; measure?: (el: Element | null) => void }) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} aria-busy="true" className="log-placeholder">
      <td colSpan={COLUMNS.length}>
        <span className="muted">Loading…</span>
      </td>
    </tr>
  );
}

/** One action's row: drawn again only when its own action or report changes, not on every scroll step. */
const LogRow = memo(function LogRow({ action: a, index, showBoard, report, measure }: {
  action: OutstandingAction;
  index: number;
  showBoard: boolean;
  report: BetweenUpdate | undefined;
  measure?: (el: Element | null) => void;
}) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-action-id={a.id} className={a.overdue ? 'is-overdue' : undefined}>
      <th scope="row" className="log-ref">
        <a href={hrefFor({ name: 'action', actionId: a.id })}>{a.reference}</a>
        {showBoard ? <span className="muted-line">{a.boardShortCode ?? a.boardName}</span> : null}
      </th>
      <td className="log-details">{a.details || <span className="muted">No details</span>}</td>
      <td className="log-owners">{a.owners.length ? formatOwners(a.owners) : <span className="muted">{NO_OWNER_LABEL}</span>}</td>
      <td className="log-due">
        {dueLabel(a) || <span className="muted">None</span>}
        {a.overdue ? <span className="overdue-badge">Overdue</span> : null}
        {!a.dueDate && a.due.kind === 'none' && a.due.text ? <span className="no-date-badge">No date</span> : null}
      </td>
      <td>
        <span className={`action-status action-status-${a.status}`}>{ACTION_STATUS_LABEL[a.status]}</span>
      </td>
      <td className="log-raised">
        <a href={hrefFor({ name: 'meeting', meetingId: a.origin.meetingId })}>{formatUkDate(a.origin.meetingDate)}</a>
        {a.origin.itemNumber ? <span className="muted-line">Item {a.origin.itemNumber}</span> : null}
      </td>
      <td className="numeric">{a.timesCarried}</td>
      <td className="log-update">
        <LatestUpdateCell action={a} report={report} />
      </td>
    </tr>
  );
});
