// What importing legacy minutes will write, worked out before anything is: per file, its
// meetings with their items, decisions, attendance (resolved against the roster as of each
// meeting), actions (references as printed, owners resolved), the matters-arising updates the
// wording makes certain, and every warning. The preview shows this plan; the import writes it.
import { createHash } from 'node:crypto';
import type { ActionDue, ImportMeetingPreview, ImportOwnerPreview, ImportPersonPreview } from '../../../shared/contract';
import type { AttendanceStatus } from '../../../shared/domain/enums';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { formatUkDate } from '../../../shared/domain/dates';
import { lastDayOfMonthIso, readDue } from '../../../shared/domain/due';
import { linkArising } from '../../../shared/domain/legacy/arising';
import type { LegacyMeeting, LegacyWarning } from '../../../shared/domain/legacy/model';
import { noteItems, uniqueRefs } from '../../../shared/domain/legacy/warnings';
import { matchOwner, splitOwnerText, type OwnerDirectory, type OwnerMatch } from '../../../shared/domain/owners';
import { DEFAULT_REFERENCE_FORMAT, formatReference } from '../../../shared/domain/references';
import type { ReadHandle } from '../store/write';
import { arisingCandidates } from './arisingCandidates';
import { RosterState, type RosterPerson } from './people';
import type { BoardTarget, FilePlan, PlannedAction, PlannedAttendance, PlannedMeeting, PlannedOwner, PlannedUpdate, PlanState } from './planTypes';
import type { ReadFile } from './readFile';

export function findBoard(db: ReadHandle['db'], name: string): BoardTarget {
  const row = db
    .prepare('SELECT id, name, reference_format FROM boards WHERE (name = ? COLLATE NOCASE OR short_code = ? COLLATE NOCASE) AND archived_at IS NULL ORDER BY name = ? COLLATE NOCASE DESC LIMIT 1')
    .get(name, name, name) as { id: string; name: string; reference_format: string } | undefined;
  return row ? { id: row.id, name: row.name, referenceFormat: row.reference_format } : { id: null, name, referenceFormat: DEFAULT_REFERENCE_FORMAT };
}

export function loadPlanState(db: ReadHandle['db'], boardName: string): PlanState {
  const board = findBoard(db, boardName);
  const id = board.id;
  return {
    board,
    roster: RosterState.load(db, id),
    groups: id ? (db.prepare('SELECT id, name FROM board_groups WHERE board_id = ?').all(id) as Array<{ id: string; name: string }>) : [],
    meetingDates: new Set(id ? (db.prepare('SELECT meeting_date FROM meetings WHERE board_id = ?').pluck().all(id) as string[]) : []),
    references: new Set(id ? (db.prepare('SELECT reference FROM issued_references WHERE board_id = ?').pluck().all(id) as string[]) : []),
    planned: [],
  };
}

/** The reference of a printed action number, in the board's format: "2014-02-19/10", "2014-02-19/21a". */
function printedReference(fmt: string, date: string, printed: string): string {
  const marker = 987654321;
  return formatReference(fmt, date, marker).replace(String(marker), printed);
}

function plannedDue(printed: string | null, date: string, warnings: LegacyWarning[], ref: string): ActionDue {
  const text = printed?.replace(/\s+/g, ' ').trim() ?? '';
  const reading = readDue(text, date);
  switch (reading.kind) {
    case 'none':
      return { kind: 'none', date: null, meetingId: null, text: null };
    case 'date':
      return { kind: 'date', date: reading.date, meetingId: null, text };
    case 'next_meeting':
      return { kind: 'next_meeting', date: null, meetingId: null, text };
    case 'meeting':
      return { kind: 'meeting', date: lastDayOfMonthIso(reading.year, reading.month), meetingId: null, text };
    default:
      warnings.push({ kind: 'due_not_understood', item: null, message: `Action ${ref}: the due “${text}” is not a date or a meeting; it is kept as printed.` });
      return { kind: 'none', date: null, meetingId: null, text };
  }
}

/** Each owner an Action column names, with the words it was printed as ("JC", "Jackie Cook"). */
function ownersAsPrinted(text: string, dir: OwnerDirectory): Array<{ match: OwnerMatch; token: string }> {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (!whole) return [];
  const exact = matchOwner(whole, dir);
  if (exact.kind !== 'name') return [{ match: exact, token: whole }];
  return splitOwnerText(whole).tokens.map((token) => ({ match: matchOwner(token, dir), token }));
}

const isItemsOnly = (note: string | null): boolean => noteItems(note).length > 0;

function planAttendance(m: LegacyMeeting, state: PlanState, warnings: LegacyWarning[]): PlannedAttendance[] {
  const out: PlannedAttendance[] = [];
  const seen = new Set<string>();
  const listed: Array<{ p: LegacyMeeting['present'][number]; status: AttendanceStatus; guest: boolean }> = [
    ...m.present.map((p) => ({ p, status: (isItemsOnly(p.note) ? 'in_attendance' : 'present') as AttendanceStatus, guest: false })),
    ...m.inAttendance.map((p) => ({ p, status: 'in_attendance' as AttendanceStatus, guest: true })),
    ...m.apologies.map((p) => ({ p, status: 'apologies' as AttendanceStatus, guest: false })),
  ];
  let chair = false;
  for (const { p, status, guest } of listed) {
    const person = guest ? null : state.roster.resolve(p, m.date, isItemsOnly(p.note), warnings);
    if (person) {
      if (seen.has(person.key)) {
        warnings.push({ kind: 'missing_role', item: null, message: `${p.name} is listed twice in the attendance; the first listing is kept.` });
        continue;
      }
      seen.add(person.key);
    }
    const isChair: boolean = p.note === 'Chair' && !chair;
    chair = chair || isChair;
    out.push({
      person,
      name: p.name,
      initials: p.initials,
      role: p.role,
      status,
      isChair,
      isViceChair: p.note === 'Vice Chair',
      isMinuteTaker: p.note === 'Minutes',
      forItemsNote: isItemsOnly(p.note) ? p.note : null,
      forItemNumbers: noteItems(p.note).filter((n) => m.items.some((i) => i.number.toLowerCase() === n)),
    });
  }
  return out;
}

function planActions(m: LegacyMeeting, state: PlanState, attendance: PlannedAttendance[], warnings: LegacyWarning[]): PlannedAction[] {
  const present = attendance.filter((a) => a.person);
  const others = state.roster.people.filter((p) => RosterState.servingOn(p, m.date) && !present.some((a) => a.person?.key === p.key));
  const dir: OwnerDirectory = {
    members: [
      ...present.map((a) => ({ id: (a.person as RosterPerson).key, initials: a.initials ?? (a.person as RosterPerson).initials, fullName: a.name })),
      ...others.map((p) => ({ id: p.key, initials: p.initials, fullName: p.fullName })),
    ],
    groups: state.groups,
  };
  const all = m.items.flatMap((i) => i.actions.map((a) => ({ item: i, a })));
  const refs = uniqueRefs(all.map(({ a }) => a.ref));
  let nextSeq = Math.max(0, ...all.map(({ a }) => (/^\d+$/.test(a.ref) ? Number(a.ref) : 0)));
  const usedSeq = new Set<number>();
  return all.map(({ item, a }, i) => {
    const printed = refs[i] as string;
    let seq = /^\d+$/.test(printed) && !usedSeq.has(Number(printed)) ? Number(printed) : (nextSeq += 1);
    if (seq < 1) seq = nextSeq += 1;
    usedSeq.add(seq);
    let reference = printedReference(state.board.referenceFormat, m.date, printed);
    for (let n = 2; state.references.has(reference); n++) {
      const next = printedReference(state.board.referenceFormat, m.date, `${printed}-${n}`);
      warnings.push({ kind: 'duplicate_reference', item: item.number, message: `Action ${a.ref}: the reference ${reference} is already used on this board, so it becomes ${next}.` });
      reference = next;
    }
    state.references.add(reference);
    const plannedOwners: PlannedOwner[] = [];
    for (const { match: o, token } of ownersAsPrinted(a.owner, dir)) {
      if (o.kind === 'member') {
        const person = state.roster.people.find((p) => p.key === o.memberId) as RosterPerson;
        if (!plannedOwners.some((x) => x.kind === 'member' && x.person === person)) plannedOwners.push({ kind: 'member', person, printedAs: token });
      } else if (o.kind === 'group') {
        if (!plannedOwners.some((x) => x.kind === 'group' && x.groupId === o.groupId)) plannedOwners.push({ kind: 'group', groupId: o.groupId, name: token });
      } else {
        // The import's directory has no guests (its meetings' guests are not yet written), so this is a name as written.
        const name = o.kind === 'name' ? o.name : o.fullName;
        warnings.push({ kind: 'owner_not_on_roster', item: item.number, message: `Action ${a.ref}: the owner “${name}” is not on the board's roster; it is kept as written.` });
        plannedOwners.push({ kind: 'name', name });
      }
    }
    const due = plannedDue(a.due, m.date, warnings, a.ref);
    return { key: `${m.date}#${printed}`, itemNumber: item.number, seq, reference, details: a.details, owners: plannedOwners, due };
  });
}

function ownerPreview(o: PlannedOwner, date: string): ImportOwnerPreview {
  // New: added to the roster by this meeting, as in the attendance.
  if (o.kind === 'member') return { label: o.printedAs, kind: !o.person.memberId && o.person.joinedOn === date ? 'new_member' : 'member' };
  if (o.kind === 'group') return { label: o.name, kind: 'group' };
  return { label: o.name, kind: 'name' };
}

function planMeeting(db: ReadHandle['db'], state: PlanState, m: LegacyMeeting): PlannedMeeting {
  const warnings: LegacyWarning[] = [...m.warnings];
  if (m.board.replace(/\s+/g, ' ').trim().toLowerCase() !== state.board.name.trim().toLowerCase()) {
    warnings.push({ kind: 'board_name_differs', item: null, message: `These minutes name the board “${m.board}”; they are imported into “${state.board.name}” and keep the name as printed.` });
  }
  const attendance = planAttendance(m, state, warnings);
  const actions = planActions(m, state, attendance, warnings);
  const { candidates, ids, details } = arisingCandidates(db, state, m.date);
  const links = linkArising(m.items, candidates);
  const updates: PlannedUpdate[] = links.map((l) => ({ itemNumber: l.itemNumber, target: ids.get(l.key) as PlannedUpdate['target'], text: l.text, status: l.status }));
  for (const l of links) {
    const planned = state.planned.find((p) => p.action.key === l.key);
    if (planned && (l.status === 'done' || l.status === 'dropped')) planned.finished = true;
  }
  const carried = candidates.length;
  for (const a of actions) state.planned.push({ date: m.date, action: a, finished: false, itemTitle: m.items.find((i) => i.number === a.itemNumber)?.title ?? '' });
  state.meetingDates.add(m.date);
  const attendancePreview: ImportPersonPreview[] = attendance.map((a) => ({
    name: a.name,
    initials: a.initials,
    role: a.role,
    status: a.status,
    note: a.forItemsNote ?? (a.isChair ? 'Chair' : a.isViceChair ? 'Vice Chair' : a.isMinuteTaker ? 'Minutes' : null),
    // New: added to the roster by this meeting (not by an earlier one of the same import).
    roster: a.person ? (!a.person.memberId && a.person.joinedOn === m.date ? 'new' : 'existing') : 'guest',
    rosterInitials: a.person?.initials ?? null,
  }));
  const items = m.items.map((i) => ({
    number: i.number,
    title: i.title,
    discussion: i.discussion,
    decisions: i.decisions,
    deferred: i.deferred,
    actions: actions
      .filter((a) => a.itemNumber === i.number)
      .map((a) => {
        const printed = i.actions[actions.filter((x) => x.itemNumber === i.number).indexOf(a)];
        return { printedRef: printed?.ref ?? '', reference: a.reference, details: a.details, ownerText: printed?.owner ?? '', owners: a.owners.map((o) => ownerPreview(o, m.date)), due: printed?.due ?? null };
      }),
  }));
  const preview: ImportMeetingPreview = {
    date: m.date,
    boardName: m.board,
    startTime: m.start,
    endTime: m.end,
    items,
    attendance: attendancePreview,
    updates: links.map((l) => ({ itemNumber: l.itemNumber, reference: details.get(l.key)?.reference ?? '', actionDetails: details.get(l.key)?.details ?? '', status: l.status, text: l.text })),
    nextMeeting: m.next,
    carried,
    agreedOn: m.date,
    warnings,
    counts: {
      items: m.items.length,
      decisions: m.items.reduce((n, i) => n + i.decisions.length, 0),
      actions: actions.length,
      present: attendance.filter((a) => a.status === 'present').length,
      apologies: attendance.filter((a) => a.status === 'apologies').length,
      inAttendance: attendance.filter((a) => a.status === 'in_attendance').length,
      warnings: warnings.length,
    },
  };
  return { legacy: m, attendance, actions, updates, agreedAt: null, preview };
}

export const digestOf = (meetings: readonly ImportMeetingPreview[], added: readonly RosterPerson[]): string =>
  createHash('sha256')
    .update(canonicalJson({ meetings, added: added.map((p) => ({ name: p.fullName, initials: p.initials, role: p.role, joinedOn: p.joinedOn, isMember: p.isMember })) }))
    .digest('hex');

/** Plans one read file against the state so far (which it advances), or says why it cannot be imported. */
export function planFile(db: ReadHandle['db'], state: PlanState, file: ReadFile): FilePlan {
  const dates = file.meetings.map((m) => m.date);
  const clash = dates.find((d, i) => state.meetingDates.has(d) || dates.indexOf(d) !== i);
  if (clash) {
    const problem = dates.indexOf(clash) !== dates.lastIndexOf(clash) && !state.meetingDates.has(clash)
      ? `This file holds the minutes of ${formatUkDate(clash)} twice. Nothing from it was imported.`
      : `The board already has a meeting on ${formatUkDate(clash)}. Nothing from this file was imported; delete that meeting first if this file is the right record of it.`;
    return { name: file.name, meetings: [], preview: { name: file.name, format: file.format, problem, meetings: [], digest: null } };
  }
  for (const m of file.meetings) {
    const numbers = m.items.map((i) => i.number.toLowerCase());
    const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
    const problem = twice
      ? `Item ${twice} is printed twice in the minutes of ${formatUkDate(m.date)}. Correct the numbering in the file and import it again.`
      : [...m.present, ...m.apologies, ...m.inAttendance].find((p) => p.name.length > 200)
        ? `A name in the attendance of ${formatUkDate(m.date)} is over 200 characters: the attendance table is not laid out as name, initials, role.`
        : null;
    if (problem) return { name: file.name, meetings: [], preview: { name: file.name, format: file.format, problem, meetings: [], digest: null } };
  }
  const addedBefore = state.roster.added.length;
  const ordered = [...file.meetings].sort((a, b) => (a.date < b.date ? -1 : 1));
  const meetings = ordered.map((m) => planMeeting(db, state, m));
  // Minutes imported with a later meeting were agreed there ("the draft minutes from the previous meeting were reviewed and agreed").
  meetings.forEach((p, i) => {
    if (i + 1 < meetings.length) {
      p.agreedAt = i + 1;
      p.preview.agreedOn = meetings[i + 1]?.legacy.date ?? p.legacy.date;
    }
  });
  const previews = meetings.map((p) => p.preview);
  return { name: file.name, meetings, preview: { name: file.name, format: file.format, problem: null, meetings: previews, digest: digestOf(previews, state.roster.added.slice(addedBefore)) } };
}
