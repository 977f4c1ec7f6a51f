// A board's "remind owners N days before due" setting, kept in the settings table under the
// board's id: read by the reminders offered at start and by the calendar's alarms.
import type { Database } from '../db/driver';
import { REMIND_DAYS_BEFORE } from '../../../shared/domain/reminders';

export const settingKey = (boardId: string): string => `remind_days_before:${boardId}`;

/** The board's setting; null when it has none (no reminders at start). */
export function readDays(db: Database, boardId: string): number | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingKey(boardId)) as string | undefined;
  return value === undefined ? null : Number(value);
}

/** Days before its due date that an action's calendar reminder goes off: the board's setting, else a week. */
export function calendarDaysBefore(db: Database, boardId: string): number {
  return readDays(db, boardId) ?? REMIND_DAYS_BEFORE;
}
