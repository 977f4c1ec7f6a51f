// Reminders the app offers at start: each board may "remind owners N days before due" (kept in
// the settings table under the board's id); from then until it is sent, each owner's reminder
// of each due is offered once, and what was sent is remembered.
import { addDays, format, parseISO } from 'date-fns';
import type { ParsedInputOf, ReminderSetting, RemindersDue } from '../../../shared/contract';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { notFound } from '../errors';
import { outstandingActions } from '../actionLog/actionLog';
import { write } from '../store/write';
import { byOwner, draftsFor } from './reminders';
import { readDays as readBoardDays, settingKey } from './setting';

const readDays = (store: Store, boardId: string): number | null => readBoardDays(store.db, boardId);

function requireBoard(store: Store, boardId: string): void {
  if (!store.db.prepare('SELECT 1 FROM boards WHERE id = ? AND archived_at IS NULL').get(boardId)) throw notFound('board');
}

export function getReminderSetting(store: Store, input: ParsedInputOf<'getReminderSetting'>): ReminderSetting {
  requireBoard(store, input.boardId);
  return { boardId: input.boardId, days: readDays(store, input.boardId) };
}

export function setReminderSetting(store: Store, input: ParsedInputOf<'setReminderSetting'>): ReminderSetting {
  requireBoard(store, input.boardId);
  write(store, (w) => {
    if (input.days === null) w.db.prepare('DELETE FROM settings WHERE key = ?').run(settingKey(input.boardId));
    else w.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(settingKey(input.boardId), String(input.days));
    w.log({ entity: 'settings', entityId: input.boardId, action: 'remind_days_before', detail: { days: input.days } });
  });
  return getReminderSetting(store, input);
}

export function remindersDue(store: Store): RemindersDue {
  const boards = store.db.prepare("SELECT key, value FROM settings WHERE key LIKE 'remind_days_before:%'").all() as Array<{ key: string; value: string }>;
  const sent = new Set(
    (store.db.prepare('SELECT action_id, owner_key, due_date FROM reminders_sent').all() as Array<{ action_id: string; owner_key: string; due_date: string }>).map(
      (r) => `${r.action_id}|${r.owner_key}|${r.due_date}`,
    ),
  );
  const log = outstandingActions(store, {});
  const today = log.today;
  const horizon = new Map(boards.map((b) => [b.key.slice('remind_days_before:'.length), format(addDays(parseISO(today), Number(b.value)), 'yyyy-MM-dd')]));
  const due = log.actions.filter((a) => a.dueDate !== null && horizon.has(a.boardId) && a.dueDate <= (horizon.get(a.boardId) as string));
  const owners = byOwner(store, due)
    .map((g) => ({ ...g, actions: g.actions.filter((a) => !sent.has(`${a.id}|${g.key}|${a.dueDate}`)) }))
    .filter((g) => g.actions.length > 0);
  const drafts = draftsFor(store, owners, today);
  const drafted = new Set(drafts.drafts.map((d) => d.ownerKey));
  const pending = owners
    .filter((g) => drafted.has(g.key))
    .flatMap((g) => g.actions.map((a) => ({ actionId: a.id, ownerKey: g.key, dueDate: a.dueDate as string })));
  return { ...drafts, actions: new Set(owners.flatMap((g) => g.actions.map((a) => a.id))).size, pending };
}

export function markRemindersSent(store: Store, input: ParsedInputOf<'markRemindersSent'>): { marked: number } {
  const at = nowInstant();
  const marked = write(store, (w) => {
    const insert = w.db.prepare('INSERT OR IGNORE INTO reminders_sent (action_id, owner_key, due_date, sent_at) VALUES (?, ?, ?, ?)');
    let n = 0;
    for (const s of input.sent) {
      if (!w.db.prepare('SELECT 1 FROM actions WHERE id = ?').get(s.actionId)) throw notFound('action');
      n += insert.run(s.actionId, s.ownerKey, s.dueDate, at).changes;
    }
    for (const actionId of new Set(input.sent.map((s) => s.actionId))) {
      w.log({ entity: 'action', entityId: actionId, action: 'reminder_sent', detail: { owners: input.sent.filter((s) => s.actionId === actionId).map((s) => s.ownerKey) } }, at);
    }
    return n;
  }).value;
  return { marked };
}
