// The names files are saved under: one rule for the characters a name may not hold, and one name
// for an exported action log (CSV, PDF and Word alike), made from the log itself.
import type { ActionLogFilter, OutstandingAction } from '../contract';
import { ownerCounts } from './actionLog';

/** A file name without the characters Windows and macOS refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * An action log's file name without its extension: the board in view (chosen, or the only one
 * with outstanding actions: its short code, else its name; "All boards" otherwise), the owner
 * chosen (as the log labels them), and the day. Read from the log and the filter alone, so a file
 * exported the moment a filter is chosen is named for that filter.
 */
export function actionLogFileStem(
  log: { actions: readonly OutstandingAction[]; today: string },
  filter: ActionLogFilter,
  /** The chosen board's name when it has no outstanding action (the log cannot say it). */
  boardNameIfEmpty?: string | null,
): string {
  const boards = new Set(log.actions.map((a) => a.boardId));
  const boardId = filter.boardId ?? (boards.size === 1 ? [...boards][0] : null);
  const row = boardId ? log.actions.find((a) => a.boardId === boardId) : undefined;
  const board = row ? (row.boardShortCode ?? row.boardName) : boardId ? (boardNameIfEmpty ?? null) : null;
  const owner = filter.owner ? ownerCounts(log.actions).find((c) => c.key === filter.owner) : undefined;
  return safeFileName(`${board ?? 'All boards'} action log${owner ? ` ${owner.label}` : ''} ${log.today}`);
}
