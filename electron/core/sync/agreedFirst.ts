// The board's document carries every meeting's state, and may reach a laptop before the meeting's
// own document does: minutes agreed elsewhere would then be agreed in this laptop's tables while
// its document still lacks the agreement (and its frozen copy). Rows of agreed minutes never change
// again, so this laptop's unsent change to them (refused by the server, agreedEdit.ts) could no
// longer be taken back, nor the frozen copy projected: its sync would stay "sending" for good.
// The state waits for the meeting's document: agreed here only once the document says so.
import * as Y from 'yjs';
import { AGREED_AT_KEY, MEETING_STATE_COLUMNS, type Row } from './registry';
import { readRow, type RowsMap } from './rowMaps';
import type { BoardReplica } from './replica';

const AGREED = new Set(['agreed', 'published']);

/** Whether the board's state for `meetingId` must wait: agreed there, not yet in the meeting's own document. */
export function agreementAhead(replica: BoardReplica, meetingId: string, current: { status?: unknown }, state: { status?: unknown }): boolean {
  if (!AGREED.has(String(state.status)) || AGREED.has(String(current.status))) return false;
  return !replica.meeting(meetingId).doc.getMap('meeting').get(AGREED_AT_KEY);
}

/**
 * The meetings' state rows this laptop's tables give the board's document, an agreement there kept:
 * minutes agreed are never anything else again, and a laptop whose tables have not yet taken the
 * agreement (above) must not write their earlier state back over it (the agreeing laptop could then
 * never project the board's document again: its rows of agreed minutes cannot change).
 */
export function keepAgreedStates(root: RowsMap, rows: Map<string, Row>): Map<string, Row> {
  for (const [id, row] of rows) {
    const inDoc = root.get(id);
    if (inDoc instanceof Y.Map && AGREED.has(String(inDoc.get('status'))) && !AGREED.has(String(row.status))) rows.set(id, readRow(inDoc, MEETING_STATE_COLUMNS));
  }
  return rows;
}
