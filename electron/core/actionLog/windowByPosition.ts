// The action log's window in its own order (by due date, either way) for the filters the screen
// mostly uses (a board, a status, overdue or not): counted and positioned from the kept positions
// (store/actionLogPositions.ts) and read from the index that holds those rows in that order, from
// where the window starts. A window then costs the rows it returns, ~18 reads of a small table a
// count, and the rows of the one day it starts in before it, whatever the log holds. Other filters and sorts are served by window.ts as before.
import type { ActionLogFilter, ActionLogSort, ActionLogWindow, ParsedInputOf } from '../../../shared/contract';
import { foldLogText } from '../../../shared/domain/actionLog';
import type { Database } from '../db/driver';
import type { Store } from '../db/open';
import { logRowsByIds } from '../store/actionLogMemo';
import { dateOfSlot, DAYS, daySlot, keepsPositions, positionsOf, UNDATED } from '../store/actionLogPositions';

/** Whether this filter and sort can be positioned from the kept positions. */
export function positioned(db: Database, filter: ActionLogFilter, sort: ActionLogSort): boolean {
  return (
    sort.by === 'due' &&
    !filter.owner &&
    !filter.dueFrom &&
    !filter.dueTo &&
    !filter.originMeetingId &&
    !foldLogText((filter.text ?? '').trim()) &&
    keepsPositions(db)
  );
}

/** The index holding the rows of this board and status filter in the log's order (migrations 8 and 17). */
function indexFor(filter: ActionLogFilter): string {
  if (filter.boardId && filter.status) return 'action_summaries_board_status_by_due';
  if (filter.boardId) return 'action_summaries_board_by_due';
  if (filter.status) return 'action_summaries_status_by_due';
  return 'action_summaries_by_due';
}

/** Where a rank falls: in which slot, and how many of that slot's rows come before it. */
interface Place {
  slot: number;
  within: number;
}

/**
 * The window of a positioned filter and sort (see positioned()): the same rows, order and counts
 * as window.ts gives for it, found without counting or skipping the rows before it.
 */
export function windowByPosition(store: Store, input: ParsedInputOf<'actionLogWindow'>, sort: ActionLogSort, today: string): ActionLogWindow {
  const { db } = store;
  const { filter, offset, limit } = input;
  const positions = positionsOf(db, filter.boardId, filter.status);
  const outstanding = (filter.boardId || filter.status ? positionsOf(db, null, null) : positions).total();
  const all = positions.total();
  const dated = positions.upTo(DAYS - 1);
  const overdueAll = positions.upTo(daySlot(today) - 1);
  // The filter's rows, and where they sit among the board's and status's: overdue rows are the
  // earliest dated ones, so the first in due order and the last of the dated ones in reverse.
  const overdueOnly = filter.overdue === 'overdue';
  const notOverdue = filter.overdue === 'not_overdue';
  const total = overdueOnly ? overdueAll : notOverdue ? all - overdueAll : all;
  const overdue = notOverdue ? 0 : overdueAll;
  const head = { today, outstanding, total, overdue, offset };
  if (offset >= total) return { ...head, actions: [] };
  let rank = offset;
  if (!sort.descending && notOverdue) rank += overdueAll;
  if (sort.descending && overdueOnly) rank += dated - overdueAll;
  if (sort.descending && notOverdue && rank >= dated - overdueAll) rank += overdueAll;
  const place = placeOf(positions, rank, dated, sort.descending);
  const ids = idsFrom(db, input, sort, today, place, limit);
  return { ...head, actions: logRowsByIds(db, ids, today) };
}

/** The slot of the row at `rank` among the board's and status's rows in the sort's order (no due date last, either way, as raised). */
function placeOf(positions: ReturnType<typeof positionsOf>, rank: number, dated: number, descending: boolean): Place {
  if (!descending || rank >= dated) {
    const { slot, before } = positions.slotOfRank(rank);
    return { slot, within: rank - before };
  }
  // In reverse the days come latest first: the row is in the slot holding the same rank counted from the end.
  const { slot } = positions.slotOfRank(dated - 1 - rank);
  return { slot, within: rank - (dated - positions.upTo(slot)) };
}

/** The window's ids: the dated rows from the place's slot on (in the sort's direction), then those with no due date (from the place's day raised, if it is among them). */
function idsFrom(db: Database, input: ParsedInputOf<'actionLogWindow'>, sort: ActionLogSort, today: string, place: Place, limit: number): string[] {
  const { filter } = input;
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    parts.push(sql);
    params.push(...values);
  };
  if (filter.boardId) add('s.board_id = ?', filter.boardId);
  if (filter.status) add('s.status = ?', filter.status);
  const from = `FROM action_summaries s INDEXED BY ${indexFor(filter)}`;
  const ids: string[] = [];
  if (place.slot < UNDATED) {
    const dated = [...parts, '(s.effective_due IS NULL) = 0'];
    const datedParams = [...params];
    // One range of due dates, read along the index from its start: from the slot's first day on
    // (before the next slot's, in reverse), and overdue or not as a bound too (an OR with the
    // undated would cost the index its order). One bound each way, so the index seeks on it.
    let lower = !sort.descending && place.slot > 1 ? dateOfSlot(place.slot) : null;
    let upper = sort.descending && place.slot < DAYS - 1 ? dateOfSlot(place.slot + 1) : null;
    if (filter.overdue === 'not_overdue' && (lower === null || today > lower)) lower = today;
    if (filter.overdue === 'overdue' && (upper === null || today < upper)) upper = today;
    if (lower !== null) {
      dated.push('s.effective_due >= ?');
      datedParams.push(lower);
    }
    if (upper !== null) {
      dated.push('s.effective_due < ?');
      datedParams.push(upper);
    }
    // Ordered as the index is (its first term fixed by the condition), so it is read in order, not sorted; in reverse, only each day's few rows are.
    const order = `s.effective_due ${sort.descending ? 'DESC' : 'ASC'}, s.origin_date, s.seq, s.action_id`;
    ids.push(
      ...(db
        .prepare(`SELECT s.action_id ${from} WHERE ${dated.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...datedParams, limit, place.within) as string[]),
    );
  }
  // An undated action is never overdue.
  if (ids.length < limit && filter.overdue !== 'overdue') {
    // Ordered by the (empty) due date too, so the index is read in its order from the day raised.
    const undated = [...parts, '(s.effective_due IS NULL) = 1', 's.effective_due IS NULL'];
    const undatedParams = [...params];
    const raisedSlot = place.slot >= UNDATED ? place.slot - UNDATED + 1 : 1;
    if (raisedSlot > 1) {
      undated.push('s.origin_date >= ?');
      undatedParams.push(dateOfSlot(raisedSlot));
    }
    ids.push(
      ...(db
        .prepare(`SELECT s.action_id ${from} WHERE ${undated.join(' AND ')} ORDER BY s.effective_due, s.origin_date, s.seq, s.action_id LIMIT ? OFFSET ?`)
        .pluck()
        .all(...undatedParams, limit - ids.length, place.slot >= UNDATED ? place.within : 0) as string[]),
    );
  }
  return ids;
}
