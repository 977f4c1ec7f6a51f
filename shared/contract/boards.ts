// Boards: listing, creating, renaming, and the sample board.
import { z } from 'zod';
import { boardName, empty, id, method, shortCode } from './common';

export interface BoardSummary {
  id: string;
  name: string;
  shortCode: string | null;
  meetingCount: number;
  /** ISO date of the most recent meeting on or before today, if any. */
  lastMeetingDate: string | null;
  /** ISO date of the earliest meeting after today, if any. */
  nextMeetingDate: string | null;
  createdAt: string;
}

export interface SampleBoardResult {
  board: BoardSummary;
  /** False when the sample was already loaded and `onlyIfMissing` was asked for. */
  created: boolean;
}

export const boardsMethods = {
  listBoards: method<BoardSummary[]>()(empty),
  createBoard: method<BoardSummary>()(
    z.strictObject({ name: boardName, shortCode: shortCode.nullable().optional() }),
  ),
  renameBoard: method<BoardSummary>()(z.strictObject({ boardId: id, name: boardName })),
  /** Both sample meetings in full; `attendanceOnly` gives their roster and attendance with no items, to type the minutes yourself. */
  loadSampleBoard: method<SampleBoardResult>()(
    z.strictObject({ onlyIfMissing: z.boolean().optional(), attendanceOnly: z.boolean().optional() }),
  ),
} as const;
