// Matters arising: carrying every unfinished action into a meeting, the items deferred to it,
// and deleting a draft meeting (what it listed goes back as it was). Starting the next meeting
// is in nextMeeting.ts, the list in list.ts, progress in progress.ts.
import { forgetLoggedText, recordsOfItems } from '../store/forget';
import type { ActionStatus, AgendaItemFields, CarryResult, DeferredChoice, DeletedMeeting, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { write } from '../store/write';
import { listedInRecord, unlistActions } from '../store/listings';
import { conflict } from '../errors';
import { settleAction, syncMattersArising } from './actionProgress';
import { lockFor } from '../minutes/editable';
import { addAgendaItem, getAgendaItemFields } from '../minutes/minutes';
import { listLockedReason, meetingRow } from './meetingRow';
import { forgetRecordedNextMeeting, startedFrom } from './nextMeeting';
import { proposals } from './list';

// ---------------------------------------------------------------- carrying

export function carryForward(store: Store, input: ParsedInputOf<'carryForward'>): CarryResult {
  const at = nowInstant();
  return write(store, (w) => {
    const meeting = meetingRow(store, input.meetingId);
    const locked = listLockedReason(meeting.status);
    if (locked) throw conflict(locked);
    const result = syncMattersArising(w, meeting);
    if (result.added || result.removed) {
      w.log({ entity: 'meeting', entityId: meeting.id, action: 'carry_forward', detail: { added: result.added, removed: result.removed } }, at);
    }
    return { meetingId: meeting.id, ...result };
  }).value;
}

// ---------------------------------------------------------------- deferred items

export function resolveDeferredItem(store: Store, input: ParsedInputOf<'resolveDeferredItem'>): DeferredChoice {
  const at = nowInstant();
  return write(store, (w): DeferredChoice => {
    const meeting = meetingRow(store, input.meetingId);
    const locked = lockFor(meeting.status).structure;
    if (locked) throw conflict(locked);
    const proposal = proposals(store, meeting).find((p) => p.itemId === input.itemId);
    if (!proposal) throw conflict('That item is no longer proposed for this meeting: it was already taken in or dismissed.');
    if (!input.accept) {
      store.db.prepare('INSERT INTO dismissed_deferrals (meeting_id, item_id, dismissed_at) VALUES (?, ?, ?)').run(meeting.id, proposal.itemId, at);
      w.log({ entity: 'meeting', entityId: meeting.id, action: 'dismiss_deferred', detail: { itemId: proposal.itemId, title: proposal.title } }, at);
      return { itemId: proposal.itemId, accepted: false, item: null, outline: null };
    }
    const added = addAgendaItem(store, { meetingId: meeting.id, title: proposal.title.slice(0, 300) });
    store.db
      .prepare('UPDATE agenda_items SET from_item_id = ?, presenter = ? WHERE id = ?')
      .run(proposal.itemId, proposal.presenter, added.item.id);
    w.log(
      { entity: 'agenda_item', entityId: added.item.id, action: 'take_deferred', detail: { fromItemId: proposal.itemId, fromMeetingId: proposal.meeting.id, title: proposal.title } },
      at,
    );
    const fields: AgendaItemFields = getAgendaItemFields(store, added.item.id);
    return {
      itemId: proposal.itemId,
      accepted: true,
      item: { ...fields, discussionJson: null, discussionText: '', decisions: [], actions: [] },
      outline: added.outline,
    };
  }).value;
}

// ---------------------------------------------------------------- deleting a draft meeting

/**
 * Deletes a draft meeting with everything recorded in it. The earlier actions it listed go
 * back to the status they had before it (carried_actions.status_before, or the update of an
 * earlier meeting) and its updates go; its own actions' references stay issued, never reused.
 */
export function deleteMeeting(store: Store, input: ParsedInputOf<'deleteMeeting'>): DeletedMeeting {
  const at = nowInstant();
  return write(store, (w): DeletedMeeting => {
    const meeting = meetingRow(store, input.meetingId);
    if (meeting.status !== 'draft') {
      throw conflict('Only draft minutes can be deleted. These minutes have been circulated, so they are part of the record.');
    }
    const later = startedFrom(store, meeting.id);
    if (later) {
      throw conflict(`The meeting of ${formatUkDate(later.date)} was started from this one, so this one cannot be deleted. Delete that meeting first.`);
    }
    const agreedHere = store.db
      .prepare('SELECT 1 FROM meetings WHERE agreed_at_meeting_id = ? UNION ALL SELECT 1 FROM corrections WHERE meeting_id = ? OR agreed_at_meeting_id = ? LIMIT 1')
      .get(meeting.id, meeting.id, meeting.id);
    if (agreedHere) throw conflict('Minutes were agreed or corrected at this meeting, so it cannot be deleted.');
    const own = store.db.prepare('SELECT id, reference FROM actions WHERE meeting_id = ? ORDER BY seq').all(meeting.id) as Array<{ id: string; reference: string }>;
    const followed = own.find(
      (a) =>
        store.db
          .prepare(
            `SELECT 1 FROM action_updates WHERE action_id = @a AND meeting_id <> @m
             UNION ALL SELECT 1 FROM actions WHERE superseded_by = @a AND last_update_meeting_id IS NOT @m
             LIMIT 1`,
          )
          .get({ a: a.id, m: meeting.id }) !== undefined || listedInRecord(store.db, a.id),
    );
    if (followed) {
      throw conflict(`Action ${followed.reference} of this meeting is already followed up at a later meeting, so the meeting cannot be deleted.`);
    }
    const takenForward = store.db
      .prepare('SELECT 1 FROM agenda_items t JOIN agenda_items i ON i.id = t.from_item_id WHERE i.meeting_id = ? AND t.meeting_id <> ? LIMIT 1')
      .get(meeting.id, meeting.id);
    if (takenForward) throw conflict('An item of this meeting was taken forward to a later meeting, so this meeting cannot be deleted.');

    // First take the meeting out of matters arising, so settling cannot list anything in it again.
    const carried = store.db.prepare('SELECT action_id, status_before FROM carried_actions WHERE meeting_id = ?').all(meeting.id) as Array<{
      action_id: string;
      status_before: ActionStatus;
    }>;
    const updated = new Set(store.db.prepare('SELECT action_id FROM action_updates WHERE meeting_id = ?').pluck().all(meeting.id) as string[]);
    store.db.prepare('DELETE FROM action_updates WHERE meeting_id = ?').run(meeting.id);
    store.db.prepare('DELETE FROM carried_actions WHERE meeting_id = ?').run(meeting.id);
    forgetRecordedNextMeeting(w, meeting.id, meeting.previous_meeting_id, at);
    store.db.prepare('UPDATE meetings SET previous_meeting_id = NULL WHERE id = ?').run(meeting.id);
    for (const c of carried) settleAction(w, c.action_id, c.status_before);

    // Then everything recorded in it. Later items deferred to it, and dues naming it, keep their words.
    store.db.prepare('UPDATE agenda_items SET deferred_to_meeting_id = NULL WHERE deferred_to_meeting_id = ?').run(meeting.id);
    store.db.prepare("UPDATE actions SET due_meeting_id = NULL WHERE due_meeting_id = ? AND meeting_id <> ?").run(meeting.id, meeting.id);
    unlistActions(store.db, own.map((a) => a.id));
    store.db.prepare('DELETE FROM actions WHERE meeting_id = ?').run(meeting.id);
    // Deleted means gone: the text the log kept of the meeting, its items and what was recorded in it.
    const items = store.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck().all(meeting.id) as string[];
    forgetLoggedText(w, [meeting.id, ...own.map((a) => a.id), ...recordsOfItems(w, items)], meeting.id);
    store.db.prepare('DELETE FROM meetings WHERE id = ?').run(meeting.id);
    w.log(
      {
        entity: 'meeting',
        entityId: meeting.id,
        action: 'delete',
        detail: { boardId: meeting.board_id, date: meeting.meeting_date, actions: own.map((a) => a.reference), restored: [...updated] },
      },
      at,
    );
    return { meetingId: meeting.id, boardId: meeting.board_id, date: meeting.meeting_date, restoredActions: updated.size };
  }).value;
}
