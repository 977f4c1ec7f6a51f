// The decisions agreed under an agenda item: added, reworded, removed while the minutes allow it.
// The decision recording that earlier minutes were agreed as accurate is the record of that
// agreement: it cannot be changed or deleted.
import type { MinutesDecision, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write } from '../store/write';
import { conflict, notFound } from '../errors';
import { assertContentEditable, itemForEdit, type EditableMeeting } from './editable';
import { readDecisionRow, rowToDecision, type DecisionRow } from '../store/decisions';
import { loggedText } from '../store/loggedText';

function decisionForEdit(store: Store, decisionId: string): { decision: DecisionRow; meeting: EditableMeeting } {
  const decision = readDecisionRow(store.db, decisionId);
  if (!decision) throw notFound('decision');
  return { decision, meeting: itemForEdit(store, decision.agenda_item_id).meeting };
}

/** The item (of these) holding a decision that records an agreement of minutes, and the date of those minutes. */
export function agreementRecordedIn(store: Store, itemIds: readonly string[]): { number: string; minutesDate: string } | null {
  const row = store.db
    .prepare(
      `SELECT i.number, m.meeting_date FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id JOIN meetings m ON m.id = d.agrees_minutes_of
       WHERE d.agenda_item_id IN (SELECT value FROM json_each(?)) AND d.agrees_minutes_of IS NOT NULL ORDER BY m.meeting_date LIMIT 1`,
    )
    .get(JSON.stringify(itemIds)) as { number: string; meeting_date: string } | undefined;
  return row ? { number: row.number, minutesDate: row.meeting_date } : null;
}

function assertNotAgreement(store: Store, decision: DecisionRow, doing: 'changed' | 'deleted'): void {
  if (!decision.agrees_minutes_of) return;
  const date = store.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(decision.agrees_minutes_of) as string | undefined;
  throw conflict(
    `This decision records that the minutes of ${date ? formatUkDate(date) : 'an earlier meeting'} were agreed as accurate: it is part of their record, so it cannot be ${doing}. A later change to those minutes is recorded as a correction to them.`,
  );
}

const readDecision = (store: Store, decisionId: string): MinutesDecision => rowToDecision(readDecisionRow(store.db, decisionId) as DecisionRow);

export function addDecision(store: Store, input: ParsedInputOf<'addDecision'>): MinutesDecision {
  const id = newId();
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    const existing = store.db.prepare('SELECT id FROM decisions WHERE agenda_item_id = ? ORDER BY position, created_at').pluck().all(item.id) as string[];
    let index = existing.length;
    if (input.afterDecisionId) {
      const after = existing.indexOf(input.afterDecisionId);
      if (after < 0) throw notFound('decision');
      index = after + 1;
    }
    existing.splice(index, 0, id);
    store.db
      .prepare('INSERT INTO decisions (id, agenda_item_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, item.id, index, input.text ?? '', at, at);
    const place = store.db.prepare('UPDATE decisions SET position = ? WHERE id = ? AND position <> ?');
    existing.forEach((d, i) => place.run(i, d, i));
    w.log({ entity: 'decision', entityId: id, action: 'create', detail: { itemId: item.id, text: loggedText(input.text ?? '') } }, at);
  });
  return readDecision(store, id);
}

export function updateDecision(store: Store, input: ParsedInputOf<'updateDecision'>): MinutesDecision {
  const at = nowInstant();
  write(store, (w) => {
    const { decision, meeting } = decisionForEdit(store, input.decisionId);
    assertContentEditable(meeting);
    if (decision.text === input.text) return;
    assertNotAgreement(store, decision, 'changed');
    store.db.prepare('UPDATE decisions SET text = ?, updated_at = ? WHERE id = ?').run(input.text, at, decision.id);
    w.log({ entity: 'decision', entityId: decision.id, action: 'update', detail: { text: loggedText(input.text) } }, at);
  });
  return readDecision(store, input.decisionId);
}

export function deleteDecision(store: Store, input: ParsedInputOf<'deleteDecision'>): { decisionId: string } {
  const at = nowInstant();
  write(store, (w) => {
    const { decision, meeting } = decisionForEdit(store, input.decisionId);
    assertContentEditable(meeting);
    assertNotAgreement(store, decision, 'deleted');
    store.db.prepare('DELETE FROM decisions WHERE id = ?').run(decision.id);
    const rest = store.db.prepare('SELECT id FROM decisions WHERE agenda_item_id = ? ORDER BY position, created_at').pluck().all(decision.agenda_item_id) as string[];
    const place = store.db.prepare('UPDATE decisions SET position = ? WHERE id = ? AND position <> ?');
    rest.forEach((d, i) => place.run(i, d, i));
    w.log({ entity: 'decision', entityId: decision.id, action: 'delete', detail: { itemId: decision.agenda_item_id, text: decision.text } }, at);
  });
  return { decisionId: input.decisionId };
}
