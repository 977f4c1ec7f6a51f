// The action log's rows: one outstanding action, a place held for one core has not sent yet, and
// the spacer that stands for the rows of a long log not drawn. Each carries its table role in ARIA
// too: a long log lays its rows out as blocks (styles.css), which takes the native roles away.
import { memo, type CSSProperties } from 'react';
import type { BetweenUpdate, OutstandingAction } from '../../../../shared/contract';
import { dueLabel, NO_OWNER_LABEL } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { formatOwners } from '../../../../shared/domain/owners';
import { hrefFor } from '../../app/router';
import { LatestUpdateCell } from '../between/LatestUpdateCell';
import { COLUMNS } from './logColumns';

type Measure = (row: HTMLElement | null) => void;

export function Spacer({ height }: { height: number }) {
  const style: CSSProperties = { height, padding: 0, border: 0 };
  return (
    <tr aria-hidden="true" className="log-spacer">
      <td colSpan={COLUMNS.length} style={style} />
    </tr>
  );
}

/** A row whose action core has not sent yet (the window is moving): its place, held. */
export function Placeholder({ index, measure }: { index: number; measure?: Measure }) {
  return (
    <tr ref={measure} role="row" data-index={index} aria-rowindex={index + 2} aria-busy="true" className="log-placeholder">
      <td role="cell" colSpan={COLUMNS.length}>
        <span className="muted">Loading…</span>
      </td>
    </tr>
  );
}

interface LogRowProps {
  action: OutstandingAction;
  index: number;
  showBoard: boolean;
  report: BetweenUpdate | undefined;
  measure?: Measure;
}

/**
 * The same action as drawn: each window core sends holds new objects for the rows it shares with
 * the last, and those rows must not be drawn again when the window moves.
 */
function sameRow(a: LogRowProps, b: LogRowProps): boolean {
  return (
    a.index === b.index &&
    a.showBoard === b.showBoard &&
    a.measure === b.measure &&
    (a.report === b.report || JSON.stringify(a.report) === JSON.stringify(b.report)) &&
    (a.action === b.action || JSON.stringify(a.action) === JSON.stringify(b.action))
  );
}

/** One action's row: drawn again only when its own action or report changes, not on every scroll step. */
export const LogRow = memo(function LogRow({ action: a, index, showBoard, report, measure }: LogRowProps) {
  return (
    <tr ref={measure} role="row" data-index={index} aria-rowindex={index + 2} data-action-id={a.id} className={a.overdue ? 'is-overdue' : undefined}>
      <th role="rowheader" scope="row" className="log-ref">
        <a href={hrefFor({ name: 'action', actionId: a.id })}>{a.reference}</a>
        {showBoard ? <span className="muted-line">{a.boardShortCode ?? a.boardName}</span> : null}
      </th>
      <td role="cell" className="log-details">{a.details || <span className="muted">No details</span>}</td>
      <td role="cell" className="log-owners">{a.owners.length ? formatOwners(a.owners) : <span className="muted">{NO_OWNER_LABEL}</span>}</td>
      <td role="cell" className="log-due">
        {dueLabel(a) || <span className="muted">None</span>}
        {a.overdue ? <span className="overdue-badge">Overdue</span> : null}
        {!a.dueDate && a.due.kind === 'none' && a.due.text ? <span className="no-date-badge">No date</span> : null}
      </td>
      <td role="cell">
        <span className={`action-status action-status-${a.status}`}>{ACTION_STATUS_LABEL[a.status]}</span>
      </td>
      <td role="cell" className="log-raised">
        <a href={hrefFor({ name: 'meeting', meetingId: a.origin.meetingId })}>{formatUkDate(a.origin.meetingDate)}</a>
        {a.origin.itemNumber ? <span className="muted-line">Item {a.origin.itemNumber}</span> : null}
      </td>
      <td role="cell" className="numeric">{a.timesCarried}</td>
      <td role="cell" className="log-update">
        <LatestUpdateCell action={a} report={report} />
      </td>
    </tr>
  );
}, sameRow);
