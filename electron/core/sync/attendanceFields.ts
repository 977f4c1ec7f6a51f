// One field of a member's attendance row (its status, or a mark: chair, vice-chair, minute-taker)
// set to different values on two laptops while apart: nothing would say that Brian recorded
// "apologies" while Ann recorded "present". Found as any field set apart is (fieldsApart.ts); this
// file is the attendance's entry: its fields, how their values read, and what the board's
// conflict log holds for one (kind attendance_field_twice, with the member's name, so the value
// not kept can be recorded instead: attendanceFieldChoice.ts).
import { MEETING_MARKS } from '../../../shared/domain/enums';
import type { AttendanceFields } from './attendanceVersions';
import type { AttendanceFieldDetail } from './conflicts';
import type { ApartTable, FoundApart } from './fieldsApart';
import { MARK_COLUMNS } from './meetingChairs';
import type { Row } from './registry';

type Field = keyof AttendanceFields;

const FIELDS: readonly Field[] = ['status', ...MEETING_MARKS];

const columnOf = (field: Field): string => (field === 'status' ? 'status' : MARK_COLUMNS[field]);

const valueOf = (field: Field, values: Row): AttendanceFields[Field] => {
  const value = values[columnOf(field)];
  return field === 'status' ? String(value) : Number(value ?? 0) === 1;
};

/** The attendance rows' fields watched for values set apart. */
export const ATTENDANCE_APART: ApartTable = {
  root: 'attendance',
  fields: FIELDS.map((field) => ({ name: field, columns: [columnOf(field)], read: (values: Row) => valueOf(field, values) })),
};

/** What the board's conflict log holds for one attendance field found set apart. */
export function attendanceFieldDetail(meetingId: string, found: FoundApart): AttendanceFieldDetail {
  const field = found.field.name as Field;
  const memberId = found.map.get('member_id');
  return {
    meetingId,
    attendanceId: (JSON.parse(found.key) as string[])[0] as string,
    memberId: typeof memberId === 'string' ? memberId : null,
    name: String(found.map.get('display_name') ?? ''),
    field,
    kept: { value: valueOf(field, found.kept.values), by: found.kept.by },
    other: { value: valueOf(field, found.other.values), by: found.other.by },
    items: found.items,
  };
}
