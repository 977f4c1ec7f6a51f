// The words around a board's sync conflicts: the status line's count, when each was found, and
// the status "Keep … instead" records, in the same lower-case words the descriptions use.
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { ATTENDANCE_STATUS_LABEL } from '../../../../shared/domain/attendance';
import type { ListedSyncConflict } from '../../../../shared/contract';
import type { ActionStatus, MeetingMark } from '../../../../shared/domain/enums';
import { MEETING_MARK_WORD } from '../../../../shared/domain/meetingMarks';
import { dayAndTime } from './syncStatusText';

/** "1 thing to check after syncing", "2 things to check after syncing". */
export function conflictCountText(count: number): string {
  return `${count} ${count === 1 ? 'thing' : 'things'} to check after syncing`;
}

/** "Found today at 14:02", "Found 25 Nov at 14:02" (the laptop's own clock and zone). */
export function foundText(iso: string, now: Date = new Date()): string {
  const when = dayAndTime(iso, now);
  if (!when) return `Found ${iso}`;
  return `Found ${when.day ?? 'today'} at ${when.time}`;
}

/** "Keep ‘deferred’ instead". */
export function keepLabel(status: ActionStatus): string {
  return `Keep ‘${ACTION_STATUS_LABEL[status].toLowerCase()}’ instead`;
}

/** "Keep Brian Lee’s version" (an item two laptops brought back in different versions). */
export function keepVersionLabel(by: string): string {
  return `Keep ${by}’s version`;
}

/** "Make Dr Ann Lee the chair instead" (a chair, vice-chair or minute-taker named for one meeting twice apart). */
export function keepChairLabel(name: string, role: MeetingMark): string {
  return `Make ${name} the ${MEETING_MARK_WORD[role]} instead`;
}

/** "Remove Jane Smith from the attendance" (an attendance row a change brought back after another laptop removed it). */
export function removeAttendanceLabel(name: string): string {
  return `Remove ${name} from the attendance`;
}

/** "Record Jane Smith as apologies instead", "… as the minute-taker instead", "… as not the chair instead" (one attendance field set to two values apart). */
export function keepAttendanceFieldLabel(choice: NonNullable<ListedSyncConflict['keepAttendanceField']>): string {
  const as = choice.field === 'status' ? ATTENDANCE_STATUS_LABEL[choice.value].toLowerCase() : `${choice.value ? '' : 'not '}the ${MEETING_MARK_WORD[choice.field]}`;
  return `Record ${choice.name} as ${as} instead`;
}

/** "Use “Accounts” instead", "Use ‘not confidential’ instead", "Use “Treasurer” instead" (one field of an item, decision, action, roster member, group or the board’s settings set to two values apart). */
export function otherValueLabel(choice: Pick<NonNullable<ListedSyncConflict['useField']>, 'words'>): string {
  return `Use ${choice.words} instead`;
}
