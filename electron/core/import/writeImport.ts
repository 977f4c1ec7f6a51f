// Writes one planned file of legacy minutes in one write (one transaction): the board if new,
// the people it adds to the roster, then each meeting as the record as it was printed (items
// with their numbers, discussion, decisions, attendance, actions with references as printed and
// their owners), the matters arising it records, and finally the minutes agreed and sealed with
// their content hash. Marked imported in the change log, with the file it came from.
import { contract, type InputOf, type MethodName, type ParsedInputOf } from '../../../shared/contract';
import { discussionPlainText, parseDiscussionJson } from '../../../shared/domain/discussion';
import { createBoard } from '../boards/boards';
import { newId, nowInstant } from '../changelog';
import { settleAction, syncMattersArising } from '../arising/actionProgress';
import { CONTENT_VERSION, minutesHash } from '../lifecycle/contentHash';
import { addRosterMember } from '../roster/roster';
import { readMeetingRecord } from '../store/meetingRecord';
import type { WriteHandle } from '../store/write';
import { discussionTextToStore } from '../store/discussionText';
import { packDiscussion } from '../store/discussionPacked';
import type { Store } from '../db/open';
import type { FilePlan, PlannedMeeting, PlanState } from './planTypes';
import { bulletListNode, discussionRootJson, paragraphNode, textNode } from '../../../shared/domain/discussionJson';

const valid = <K extends MethodName>(method: K, payload: InputOf<K>): ParsedInputOf<K> => contract[method].input.parse(payload) as ParsedInputOf<K>;

/** The change-log action that marks a meeting as imported (its detail names the file). */
export const IMPORT_LOG_ACTION = 'import';

/** A discussion's paragraphs as the editor's Lexical JSON: "- " lines become a bulleted list. */
export function discussionJson(paragraphs: readonly string[]): { json: string; text: string } {
  const children = paragraphs.map((p) => {
    const lines = p.split('\n');
    if (lines.every((l) => /^[-•]\s/.test(l))) return bulletListNode(lines.map((l) => l.replace(/^[-•]\s+/, '')));
    return paragraphNode([textNode(p)]);
  });
  const json = discussionRootJson(children);
  // The plain text is derived by the one walker, as for minutes typed in the app.
  return { json, text: discussionPlainText(parseDiscussionJson(json) ?? []) };
}

/** "The draft minutes from the previous meeting were reviewed and agreed": the decision recording their agreement. */
const AGREES_PREVIOUS = /\b(?:minutes|notes)\b.*\b(?:previous|last)\s+meeting\b.*\b(?:agreed|approved|accepted)\b|\b(?:previous|last)\s+meeting\b.*\bminutes\b.*\b(?:agreed|approved|accepted)\b/i;

function writeMeeting(
  store: Store,
  w: WriteHandle,
  boardId: string,
  p: PlannedMeeting,
  source: { file: string; format: string; at: string },
  /** The meeting just before it in the same file, whose minutes this one agreed. */
  agreesMinutesOf: string | null,
): { id: string; actionIds: Map<string, string> } {
  const { file: fileName, format, at } = source;
  const db = store.db;
  const m = p.legacy;
  const id = newId();
  db.prepare(
    `INSERT INTO meetings (id, board_id, board_name, meeting_date, start_time, end_time, venue, next_date, next_time, next_venue, action_seq_issued, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, boardId, m.board, m.date, m.start, m.end, m.venue, m.next?.date ?? null, m.next?.time ?? null, m.next?.venue ?? null, Math.max(0, ...p.actions.map((a) => a.seq)), at, at);
  w.log({ entity: 'meeting', entityId: id, action: IMPORT_LOG_ACTION, detail: { boardId, date: m.date, file: fileName, format, warnings: p.preview.warnings.length } }, at);

  // Items, with sub-items under the item printed above them ("1a" under "1"); "6a" with no "6" stays a main item.
  const itemIds = new Map<string, string>();
  const positions = new Map<string | null, number>();
  const insertItem = db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, parent_id, position, number, title, kind, discussion_deflated, discussion_text, deferred, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDecision = db.prepare('INSERT INTO decisions (id, agenda_item_id, position, text, agrees_minutes_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let agreement = agreesMinutesOf;
  m.items.forEach((item, index) => {
    const main = /^(\d+)(?:[a-z]|\.\d+)$/i.exec(item.number)?.[1];
    const parentId = main ? (itemIds.get(main) ?? null) : null;
    const position = positions.get(parentId) ?? 0;
    positions.set(parentId, position + 1);
    const itemId = newId();
    itemIds.set(item.number, itemId);
    const discussion = item.discussion.length ? discussionJson(item.discussion) : { json: null };
    // Nothing beside the JSON: its plain text is derived on read (store/discussionText.ts).
    const kind = index === 0 && /^\s*(minutes\s+(and|&)\s+actions?\s+arising|matters\s+arising)\b/i.test(item.title) ? 'matters_arising' : 'normal';
    insertItem.run(itemId, id, parentId, position, item.number, item.title, kind, packDiscussion(discussion.json), discussionTextToStore(db, discussion.json), item.deferred ? 1 : 0, at, at);
    item.decisions.forEach((d, i) => {
      // The first decision of the matters arising that agrees the previous minutes records that agreement.
      const agrees = agreement && kind === 'matters_arising' && AGREES_PREVIOUS.test(d) ? agreement : null;
      if (agrees) agreement = null;
      insertDecision.run(newId(), itemId, i, d, agrees, at, at);
    });
  });

  // Attendance as printed: names, initials and roles as these minutes give them.
  const insertAttendance = db.prepare(
    `INSERT INTO attendance (id, meeting_id, member_id, display_name, initials, role, status, is_guest, is_chair, is_vice_chair, is_minute_taker, for_items_note, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forItem = db.prepare('INSERT INTO attendance_items (attendance_id, agenda_item_id) VALUES (?, ?)');
  p.attendance.forEach((a, position) => {
    const attendanceId = newId();
    insertAttendance.run(
      attendanceId, id, a.person?.memberId ?? null, a.name, a.initials, a.role, a.status, a.person ? 0 : 1,
      a.isChair ? 1 : 0, a.isViceChair ? 1 : 0, a.isMinuteTaker ? 1 : 0, a.forItemsNote, position,
    );
    for (const n of a.forItemNumbers) {
      const itemId = [...itemIds.entries()].find(([number]) => number.toLowerCase() === n)?.[1];
      if (itemId) forItem.run(attendanceId, itemId);
    }
  });

  // Actions: references as printed, owners as resolved and named as printed.
  const actionIds = new Map<string, string>();
  const insertAction = db.prepare(
    `INSERT INTO actions (id, board_id, meeting_id, agenda_item_id, seq, reference, position, details, due_kind, due_date, due_meeting_id, due_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const issue = db.prepare('INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, ?, ?, ?)');
  const insertOwner = db.prepare(
    'INSERT INTO action_owners (id, action_id, member_id, group_id, name_text, position, printed_as, member_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const perItem = new Map<string, number>();
  for (const a of p.actions) {
    const actionId = newId();
    const position = perItem.get(a.itemNumber) ?? 0;
    perItem.set(a.itemNumber, position + 1);
    insertAction.run(actionId, boardId, id, itemIds.get(a.itemNumber) ?? null, a.seq, a.reference, position, a.details, a.due.kind, a.due.date, a.due.meetingId, a.due.text, at, at);
    issue.run(boardId, a.reference, actionId, at);
    a.owners.forEach((o, i) => {
      if (o.kind === 'member') insertOwner.run(newId(), actionId, o.person.memberId, null, null, i, o.printedAs, o.person.fullName);
      else if (o.kind === 'group') insertOwner.run(newId(), actionId, null, o.groupId, null, i, o.name, null);
      else insertOwner.run(newId(), actionId, null, null, o.name, i, o.name, null);
    });
    actionIds.set(a.key, actionId);
  }
  return { id, actionIds };
}

/** Writes a file's plan inside the caller's write; returns the meetings made. */
export function writeFilePlan(store: Store, w: WriteHandle, state: PlanState, plan: FilePlan, format: string): Array<{ id: string; date: string }> {
  const at = nowInstant();
  const db = store.db;
  let boardId = state.board.id;
  if (!boardId) {
    boardId = createBoard(store, valid('createBoard', { name: state.board.name })).id;
    state.board.id = boardId;
  }
  for (const person of state.roster.added) {
    if (person.memberId) continue;
    const added = addRosterMember(
      store,
      valid('addRosterMember', { boardId, fullName: person.fullName, initials: person.initials, role: person.role, organisation: null, isMember: person.isMember, joinedOn: person.joinedOn, leftOn: null }),
    );
    person.memberId = added.id;
  }
  const made: Array<{ id: string; date: string }> = [];
  const actionIds = new Map<string, string>();
  for (const [index, p] of plan.meetings.entries()) {
    const previous = index > 0 && plan.meetings[index - 1]?.agreedAt === index ? (made[index - 1]?.id ?? null) : null;
    const written = writeMeeting(store, w, boardId, p, { file: plan.name, format, at }, previous);
    for (const [k, v] of written.actionIds) actionIds.set(k, v);
    made.push({ id: written.id, date: p.legacy.date });
    const meeting = { id: written.id, board_id: boardId, meeting_date: p.legacy.date };
    // Its matters arising: every earlier unfinished action, as a meeting made in the app lists them.
    syncMattersArising(w, meeting);
    const recordUpdate = db.prepare(
      'INSERT INTO action_updates (id, action_id, meeting_id, text, status, superseded_by, recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
    );
    for (const u of p.updates) {
      const actionId = 'actionId' in u.target ? u.target.actionId : actionIds.get(u.target.key);
      if (!actionId) continue;
      recordUpdate.run(newId(), actionId, written.id, u.text, u.status, at, at);
      settleAction(w, actionId);
    }
    // Its own actions join the matters arising of any later draft meeting already on the board.
    for (const actionId of written.actionIds.values()) settleAction(w, actionId);
  }
  // Agreed as the record, last, once every meeting of the file is written: agreed minutes are frozen.
  plan.meetings.forEach((p, i) => {
    const own = made[i] as { id: string; date: string };
    const at2 = p.agreedAt !== null ? (made[p.agreedAt] as { id: string; date: string }) : own;
    const agreement = { atMeetingId: at2.id, agreedOn: at2.date, amendments: null };
    const hash = minutesHash(readMeetingRecord(db, own.id), agreement, CONTENT_VERSION);
    db.prepare(
      `UPDATE meetings SET status = 'agreed', circulated_at = ?, agreed_at_meeting_id = ?, agreed_on = ?, content_hash = ?, content_version = ?, updated_at = ? WHERE id = ?`,
    ).run(at, at2.id, at2.date, hash, CONTENT_VERSION, at, own.id);
    w.log({ entity: 'meeting', entityId: own.id, action: 'agree', detail: { atMeetingId: at2.id, agreedOn: at2.date, contentHash: hash, imported: true } }, at);
  });
  return made;
}
