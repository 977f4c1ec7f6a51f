// The marks a meeting's attendance gives one person each (the chair, the vice-chair, the one who
// takes the minutes): how the words around them name each, and which flag of an attendance entry
// holds it. Core and the renderer both read these, so a conflict's text and its button agree.
import type { AttendanceMarks } from './attendance';
import type { MeetingMark } from './enums';

export const MEETING_MARK_WORD: Readonly<Record<MeetingMark, string>> = { chair: 'chair', vice_chair: 'vice-chair', minute_taker: 'minute-taker' };

export const MEETING_MARK_FLAG: Readonly<Record<MeetingMark, keyof AttendanceMarks>> = { chair: 'isChair', vice_chair: 'isViceChair', minute_taker: 'isMinuteTaker' };
