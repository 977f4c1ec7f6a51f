// Minutes agreed on one laptop while another, apart, edited them: the edit never enters the
// record. The server makes agreed minutes read-only, so the editing laptop's unsent updates to
// them are refused there; a Yjs document cannot take changes back out, so this laptop makes the
// meeting's document again from what the server holds (every stored update but its own unsent
// ones), the tables follow it back to the agreed content (hash included), and what the edit
// changed becomes a proposed correction for the next meeting (agreed_at_meeting_id NULL), made
// once, here, and synced to every laptop with the board; the board's conflict log says so.
// The unsent updates are then gone from the file, so nothing sits waiting to be sent forever.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import type { WriteHandle } from '../store/write';
import { nowInstant } from '../changelog';
import { formatUkDate, formatUkInstant } from '../../../shared/domain/dates';
import { conflictLog, type AgreedEditDetail } from './conflicts';
import { canonicalDiscussion } from '../../../shared/domain/discussionJson';
import { meetingDiscussions } from '../store/discussionPacked';
import { meetingDocName, parseDocName } from './docNames';
import { removePending } from './updateStore';
import { childTexts, compareRecords, liveView, type RecordChange, type RecordView } from './recordDiff';
import { LOCAL_ORIGIN } from './mirror';
import { AGREED_AT_KEY, MEETING_STATE_ROOT } from './registry';
import type { BoardReplica } from './replica';
import { agreedTwice, withAgreedRewritable } from './agreedTwice';
import { projectAgreedRecord } from './project';

export interface RefusedEdit {
  meetingId: string;
  by: string;
  at: string;
  /** What the edit changed, one sentence per change. */
  changes: RecordChange[];
  /** This laptop had agreed the minutes too, and another laptop's agreement reached the server first (agreedTwice.ts). */
  agreedToo: boolean;
}

const AGREED = new Set(['agreed', 'published']);

const agreedOnBoard = (replica: BoardReplica, meetingId: string): boolean => {
  const state = replica.board.getMap(MEETING_STATE_ROOT).get(meetingId);
  return state instanceof Y.Map && AGREED.has(String(state.get('status')));
};

/** After a batch is applied: the meetings now agreed in their documents whose tables here still hold edits the server never took. */
export function refusedMeetings(db: Database, replica: BoardReplica, docNames: readonly string[]): string[] {
  const found: string[] = [];
  const status = db.prepare('SELECT status FROM meetings WHERE id = ?').pluck();
  const pending = db.prepare("SELECT 1 FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0 LIMIT 1");
  const names = new Set(docNames);
  // The board's document may bring the agreement after the meeting's own did: the meetings with edits waiting are looked at again.
  if (docNames.some((n) => parseDocName(n).kind === 'board')) {
    for (const n of db.prepare("SELECT DISTINCT doc_name FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0").pluck().all(replica.boardId) as string[]) names.add(n);
  }
  for (const name of names) {
    const address = parseDocName(name);
    if (address.kind !== 'meeting' || found.includes(address.meetingId)) continue;
    if (!replica.meeting(address.meetingId).doc.getMap('meeting').get(AGREED_AT_KEY)) continue;
    if (pending.get(name) === undefined) continue;
    // Agreed here too: refused only when another laptop's agreement is in the document (agreedTwice.ts).
    if (AGREED.has(String(status.get(address.meetingId))) && !agreedTwice(replica, address.meetingId)) continue;
    // The correction is made to agreed minutes: agreed here already, or by the board's state this projection applies; else it waits for the board's document.
    if (!AGREED.has(String(status.get(address.meetingId))) && !agreedOnBoard(replica, address.meetingId)) continue;
    found.push(address.meetingId);
  }
  return found;
}

/**
 * Of the meetings a projection is about to read, those agreed in their documents whose tables here
 * still hold edits the server never took while the board's state does not yet say agreed: read
 * now, their frozen copy would overwrite the edits before they can become a correction. Left
 * until the board's document brings the agreement (refusedMeetings then finds them).
 */
export function awaitingAgreement(db: Database, replica: BoardReplica, meetingIds: Iterable<string>): string[] {
  const status = db.prepare('SELECT status FROM meetings WHERE id = ?').pluck();
  const pending = db.prepare("SELECT 1 FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0 LIMIT 1");
  return [...meetingIds].filter(
    (id) =>
      replica.meeting(id).doc.getMap('meeting').get(AGREED_AT_KEY) &&
      pending.get(meetingDocName(replica.boardId, id)) !== undefined &&
      !AGREED.has(String(status.get(id))) &&
      !agreedOnBoard(replica, id),
  );
}

function tablesView(db: Database, meetingId: string): RecordView {
  const discussions = new Map(meetingDiscussions(db, meetingId).map((r) => [r.id, r.json]));
  const rows = (db.prepare('SELECT id, number, title FROM agenda_items WHERE meeting_id = ?').all(meetingId) as Array<{ id: string; number: string; title: string }>).map((r) => ({
    ...r,
    discussion_json: discussions.get(r.id) ?? null,
  }));
  const children = (sql: string) => childTexts(db.prepare(sql).all(meetingId) as Array<{ item: string; text: string }>);
  return {
    items: new Map(rows.map((r) => [r.id, { number: r.number, title: r.title, discussion: canonicalDiscussion(r.discussion_json) }])),
    decisions: children('SELECT d.agenda_item_id AS item, d.text AS text FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = ?'),
    actions: children('SELECT agenda_item_id AS item, details AS text FROM actions WHERE meeting_id = ?'),
  };
}

/** What the tables here hold that the agreed document does not, in words. */
function describeChanges(db: Database, replica: BoardReplica, meetingId: string): RefusedEdit['changes'] {
  return compareRecords(tablesView(db, meetingId), liveView(replica.meeting(meetingId)));
}

/**
 * Inside the projection's write, before it: takes this laptop's refused edits of `meetingId` out
 * of its document (made again from everything else stored, and `incoming`), drops them from the
 * file, and returns what they changed.
 */
export function takeBackRefusedEdit(w: WriteHandle, replica: BoardReplica, meetingId: string, incoming: readonly Uint8Array[], origin: unknown, actor: string): RefusedEdit {
  const name = meetingDocName(replica.boardId, meetingId);
  const pending = w.db.prepare("SELECT max(at) FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0").pluck().get(name) as string;
  const kept = w.db.prepare("SELECT update_blob FROM sync_updates WHERE doc_name = ? AND NOT (origin = 'local' AND acknowledged = 0) ORDER BY seq").pluck().all(name) as Buffer[];
  const state = Y.mergeUpdates([...kept.map((b) => new Uint8Array(b)), ...incoming]);
  replica.replaceMeeting(meetingId, state, origin);
  removePending(w.db, replica.boardId, name);
  const changes = describeChanges(w.db, replica, meetingId);
  const agreedToo = AGREED.has(String(w.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(meetingId)));
  // Agreed here too: the tables take the record the server holds (rows of agreed minutes change only here);
  // what differs from it in the document is proposed by the batch's projection, after the board's corrections.
  if (agreedToo) withAgreedRewritable(w, () => projectAgreedRecord(w, replica, meetingId));
  return { meetingId, by: actor, at: pending, changes, agreedToo };
}

/** After the projection (the minutes now agreed here too): the proposed correction, once, and the conflict. */
export function proposeCorrection(w: WriteHandle, replica: BoardReplica, edit: RefusedEdit): void {
  if (edit.changes.length === 0) return;
  const meeting = w.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').get(edit.meetingId) as { meeting_date: string };
  const words = edit.changes.map((c) => (c.number ? `item ${c.number} “${c.title}”: ${c.change}` : c.change));
  const what = (
    edit.agreedToo
      ? `Proposed from the minutes as agreed on ${edit.by}’s laptop (${formatUkInstant(edit.at)}) while another laptop, apart, agreed them too and reached the sync server first: ${words.join('; ')}.`
      : `Proposed from an edit to the minutes made on ${edit.by}’s laptop (${formatUkInstant(edit.at)}) after they had been agreed on another: ${words.join('; ')}.`
  ).slice(0, 5_000);
  const why = edit.agreedToo
    ? `The minutes of ${formatUkDate(meeting.meeting_date)} were agreed on two laptops while they were apart; the agreement that reached the sync server first is the record, and what the other held differently is put to the next meeting as a correction.`
    : `The minutes of ${formatUkDate(meeting.meeting_date)} were agreed as accurate while this laptop was apart; the edit was not merged into the record and is put to the next meeting as a correction.`;
  const id = randomUUID();
  const at = nowInstant();
  w.db
    .prepare('INSERT INTO corrections (id, meeting_id, agreed_at_meeting_id, correction_date, what, why, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)')
    .run(id, edit.meetingId, at.slice(0, 10), what, why, at);
  w.log({ entity: 'correction', entityId: id, action: 'create', detail: { meetingId: edit.meetingId, what, why, agreedAtMeetingId: null, proposedFromSync: true } }, at);
  const first = edit.changes[0]!;
  const detail: AgreedEditDetail = {
    meetingDate: formatUkDate(meeting.meeting_date),
    item: first.item,
    number: first.number,
    title: first.title,
    change: words.join('; '),
    by: [edit.by],
    at: edit.at,
    correction: id,
    ...(edit.agreedToo ? { agreedToo: true } : {}),
  };
  replica.board.transact(() => conflictLog(replica.board).push([{ kind: 'agreed_edited', entity: edit.meetingId, detail }]), LOCAL_ORIGIN);
}
