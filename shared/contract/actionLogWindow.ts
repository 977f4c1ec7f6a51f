// The action log a screen at a time: the rows a filter keeps, in the log's order, from an offset
// (a virtualised list asks for what it shows as it scrolls), and the figures and choices around
// them. The whole log (exports, briefing) stays outstandingActions, read by the same one reader.
import { z } from 'zod';
import { actionLogFilter, actionLogSort, type OutstandingAction } from './actionLog';
import { method } from './common';
import type { OwnerKind } from '../domain/enums';

/** Rows a screen asks for at once: a screenful and some to scroll into. */
export const ACTION_LOG_WINDOW_MAX = 500;

export interface ActionLogWindow {
  /** Today in Europe/London: what "overdue" is measured against. */
  today: string;
  /** Outstanding actions in the log, whatever the filter. */
  outstanding: number;
  /** Actions the filter keeps. */
  total: number;
  /** Of those, how many are overdue. */
  overdue: number;
  /** Where `actions` starts among the rows the filter keeps (0 is the first). */
  offset: number;
  actions: OutstandingAction[];
}

/** One owner and their actions among some rows (an action shared by two counts for both). */
export interface OwnerCount {
  key: string;
  /** Initials, a group's name, or a name as written. */
  label: string;
  /** A person's full name, when the owner is on a roster. */
  fullName: string | null;
  kind: OwnerKind;
  count: number;
  overdue: number;
}

export interface ActionLogBoardChoice {
  id: string;
  name: string;
  code: string | null;
}

export interface ActionLogMeetingChoice {
  id: string;
  date: string;
  /** The board's code, or its name without one. */
  board: string;
}

export interface ActionLogSummary {
  today: string;
  /** Outstanding actions in the log, whatever the filter. */
  outstanding: number;
  /** Who owes what among the rows the filter keeps (most first). */
  counts: OwnerCount[];
  /** Of the rows the filter keeps, how many have no owner. */
  unowned: number;
  /** The filter's choices: boards with outstanding actions, and the owners and origin meetings of the board in view. */
  boards: ActionLogBoardChoice[];
  owners: OwnerCount[];
  meetings: ActionLogMeetingChoice[];
}

export const actionLogWindowMethods = {
  actionLogWindow: method<ActionLogWindow>()(
    z.strictObject({
      filter: actionLogFilter,
      sort: actionLogSort.optional(),
      offset: z.number({ message: 'Say where the rows start.' }).int().min(0).max(10_000_000),
      limit: z.number({ message: 'Say how many rows to show.' }).int().min(1).max(ACTION_LOG_WINDOW_MAX, { message: `Ask for at most ${ACTION_LOG_WINDOW_MAX} rows at a time.` }),
    }),
  ),
  actionLogSummary: method<ActionLogSummary>()(z.strictObject({ filter: actionLogFilter })),
} as const;
