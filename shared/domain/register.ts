// The attendance register: for a board and a period, each person's meetings attended,
// expected and apologies. Only meetings that took place count (on or before today, not
// cancelled), and a person is expected only at meetings held while they were on the roster.
// A meeting whose attendance was never recorded is "not recorded" for everyone, never an absence.
import { onRosterOn, type AttendanceStatus } from './attendance';
import { toCsv, ukCsvDate } from './csv';
import { surnameSortKey } from './initials';
import { withFields } from './withFields';

export interface RegisterMeetingInput {
  id: string;
  date: string;
  cancelled: boolean;
}

export interface RegisterPersonInput {
  memberId: string;
  fullName: string;
  initials: string;
  role: string | null;
  organisation: string | null;
  isMember: boolean;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface RegisterMarkInput {
  meetingId: string;
  memberId: string;
  status: AttendanceStatus;
}

export interface RegisterLine extends RegisterPersonInput {
  expected: number;
  attended: number;
  apologies: number;
  /** Expected but neither there nor with apologies, at a meeting whose attendance was recorded. */
  absent: number;
  /** Meetings held while they were on the roster whose attendance was never recorded: not counted as expected. */
  notRecorded: number;
}

export interface RegisterInput {
  meetings: readonly RegisterMeetingInput[];
  people: readonly RegisterPersonInput[];
  marks: readonly RegisterMarkInput[];
  /** ISO dates, inclusive; null = open-ended. */
  from: string | null;
  to: string | null;
  today: string;
}

export interface RegisterCounts {
  /** The meetings counted (held, with attendance recorded), oldest first. */
  meetings: RegisterMeetingInput[];
  /** Meetings held in the period with no attendance recorded at all, oldest first. */
  notRecorded: RegisterMeetingInput[];
  lines: RegisterLine[];
}

/** Meetings that count: held in the period, on or before today, not cancelled. */
export function countedMeetings(input: Pick<RegisterInput, 'meetings' | 'from' | 'to' | 'today'>): RegisterMeetingInput[] {
  const until = input.to !== null && input.to < input.today ? input.to : input.today;
  return input.meetings
    .filter((m) => !m.cancelled && m.date <= until && (input.from === null || m.date >= input.from))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

export function computeRegister(input: RegisterInput): RegisterCounts {
  const held = countedMeetings(input);
  const statusOf = new Map<string, AttendanceStatus>();
  const recorded = new Set<string>();
  for (const mark of input.marks) {
    statusOf.set(`${mark.meetingId}\u0000${mark.memberId}`, mark.status);
    recorded.add(mark.meetingId);
  }
  const meetings = held.filter((m) => recorded.has(m.id));
  const notRecorded = held.filter((m) => !recorded.has(m.id));
  const lines: RegisterLine[] = [];
  for (const person of input.people) {
    const line: RegisterLine = withFields(person, { expected: 0, attended: 0, apologies: 0, absent: 0, notRecorded: 0 });
    for (const meeting of notRecorded) if (onRosterOn(meeting.date, person.joinedOn, person.leftOn)) line.notRecorded++;
    for (const meeting of meetings) {
      if (!onRosterOn(meeting.date, person.joinedOn, person.leftOn)) continue;
      line.expected++;
      const status = statusOf.get(`${meeting.id}\u0000${person.memberId}`);
      if (status === 'present' || status === 'in_attendance') line.attended++;
      else if (status === 'apologies') line.apologies++;
      else line.absent++;
    }
    if (line.expected > 0 || line.notRecorded > 0) lines.push(line);
  }
  lines.sort((a, b) => {
    const ka = surnameSortKey(a.fullName);
    const kb = surnameSortKey(b.fullName);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return { meetings, notRecorded, lines };
}

/** Attendance as a whole percentage of meetings expected, or null when none were expected. */
export function attendanceRate(line: Pick<RegisterLine, 'attended' | 'expected'>): number | null {
  return line.expected === 0 ? null : Math.round((100 * line.attended) / line.expected);
}

export interface RegisterCsvInput {
  lines: readonly RegisterLine[];
}

/**
 * The register as CSV for Excel: UTF-8 with a byte-order mark (so accents survive),
 * CRLF line ends, UK dates (dd/MM/yyyy), one header row.
 */
export function registerCsv(register: RegisterCsvInput): string {
  const header = ['Name', 'Initials', 'Role', 'Organisation', 'Member', 'Joined', 'Left', 'Meetings expected', 'Attended', 'Apologies', 'Absent', 'Not recorded', 'Attendance %'];
  const rows = register.lines.map((l) => [
    l.fullName,
    l.initials,
    l.role,
    l.organisation,
    l.isMember ? 'Yes' : 'No',
    ukCsvDate(l.joinedOn),
    ukCsvDate(l.leftOn),
    l.expected,
    l.attended,
    l.apologies,
    l.absent,
    l.notRecorded,
    attendanceRate(l),
  ]);
  return toCsv(header, rows);
}
