// Who was at a meeting, and the attendance register over a period.
import type { attendanceMethods } from '../../../shared/contract/attendance';
import { onStore, type FeatureHandlers } from '../handler';
import { addGuest, attendanceRegister, getAttendance, recordAttendance } from './attendance';

export const attendanceHandlers: FeatureHandlers<typeof attendanceMethods> = {
  getAttendance: onStore(getAttendance),
  recordAttendance: onStore(recordAttendance),
  addGuest: onStore(addGuest),
  attendanceRegister: onStore(attendanceRegister),
};
