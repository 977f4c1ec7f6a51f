// The sample board: two real meetings of the Southwark Safeguarding Children Executive
// Board (19 February and 10 April 2014), their roster, attendance and minutes (sampleMinutes.ts),
// loaded through the same core functions the app uses, so a new user sees every feature at once.
import {
  contract,
  type AttendanceStatus,
  type BoardSummary,
  type GroupKind,
  type InputOf,
  type ItemNumbering,
  type MethodName,
  type ParsedInputOf,
  type SampleBoardResult,
} from '../../../shared/contract';
import type { AttendanceChange } from '../../../shared/domain/attendance';
import { initialsKey, suggestInitials } from '../../../shared/domain/initials';
import boardJson from '../../../resources/sample/board.json';
import febJson from '../../../resources/sample/sscb-2014-02-19.json';
import aprJson from '../../../resources/sample/sscb-2014-04-10.json';
import type { Store } from '../db/open';
import { recordAttendance } from '../attendance/attendance';
import { createBoard, getBoardSummary } from './boards';
import { saveGroup, updateBoardSettings } from '../settings/settings';
import { createMeeting } from '../meetings/meetings';
import { startNextMeeting } from '../arising/nextMeeting';
import { agreeSample, circulateSample, enterSampleMinutes, recordSampleProgress, type PrintedActions, type SampleItem } from './sampleMinutes';
import { addRosterMember, listRoster, updateRosterMember } from '../roster/roster';
import { conflict } from '../errors';
import { write } from '../store/write';

/** The sample goes through the same validation as any call from the app. */
const valid = <K extends MethodName>(method: K, payload: InputOf<K>): ParsedInputOf<K> =>
  contract[method].input.parse(payload) as ParsedInputOf<K>;

interface SampleBoard {
  name: string;
  shortCode: string;
  referenceFormat: string;
  itemNumbering: ItemNumbering;
  quorum: string;
  confidentialDisplay: 'placeholder' | 'omit';
  agendaTemplate: string[];
  cadenceDays: number;
  officers: string[];
  groups: { name: string; kind: GroupKind; members?: string[] }[];
}

/** A meeting as the fixtures give it: who was present (with notes as printed), apologies, guests. */
interface SampleMeeting {
  date: string;
  start: string | null;
  end: string | null;
  venue: string | null;
  present: { name: string; initials?: string | null; role: string | null; note: string | null }[];
  apologies: { name: string; initials?: string | null; role: string | null }[];
  inAttendance: { name: string; initials?: string | null; role: string | null; note?: string | null }[];
  items: SampleItem[];
}

const SAMPLE: SampleBoard = boardJson as SampleBoard;
const MEETINGS: SampleMeeting[] = [febJson as SampleMeeting, aprJson as SampleMeeting];

const personKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

interface PlannedPerson {
  fullName: string;
  initials: string;
  firstDate: string;
}

/**
 * One roster entry per person across both meetings. Initials printed in the minutes are kept;
 * people listed without them (apologies) get suggested initials that clash with no one.
 */
function planRoster(meetings: readonly SampleMeeting[]): Map<string, PlannedPerson> {
  const printed = new Map<string, string>();
  const firstDate = new Map<string, { name: string; date: string }>();
  for (const m of meetings) {
    for (const p of [...m.present, ...m.apologies, ...m.inAttendance]) {
      const key = personKey(p.name);
      if (!firstDate.has(key)) firstDate.set(key, { name: p.name.trim(), date: m.date });
      if (p.initials && !printed.has(key)) printed.set(key, p.initials);
    }
  }
  const taken = new Set([...printed.values()].map(initialsKey));
  const plan = new Map<string, PlannedPerson>();
  for (const [key, { name, date }] of firstDate) {
    let initials = printed.get(key);
    if (!initials) {
      initials = suggestInitials(name, taken);
      taken.add(initialsKey(initials));
    }
    plan.set(key, { fullName: name, initials, firstDate: date });
  }
  return plan;
}

/** "Item 3" and "Item 7" as printed: in attendance for those items only. */
const isItemNote = (note: string | null | undefined): note is string => !!note && /\bitems?\b/i.test(note);

function freeSampleName(store: Store): string | null {
  const taken = (name: string): boolean =>
    !!store.db.prepare('SELECT 1 FROM boards WHERE name = ? COLLATE NOCASE AND archived_at IS NULL').get(name);
  if (!taken(SAMPLE.name)) return SAMPLE.name;
  for (let n = 2; n < 100; n++) {
    const name = SAMPLE.name.replace(/\(sample\)$/, `(sample ${n})`);
    if (!taken(name)) return name;
  }
  return null;
}

export function loadSampleBoard(store: Store, input: ParsedInputOf<'loadSampleBoard'>): SampleBoardResult {
  if (input.onlyIfMissing) {
    const existing = store.db
      .prepare('SELECT id FROM boards WHERE name = ? COLLATE NOCASE AND archived_at IS NULL')
      .pluck()
      .get(SAMPLE.name) as string | undefined;
    if (existing) return { board: getBoardSummary(store, existing), created: false };
  }
  let board: BoardSummary | undefined;
  // One write around the whole load (each core call joins it as a savepoint): all or nothing.
  write(store, () => {
    const name = freeSampleName(store);
    if (!name) throw conflict('There are already too many sample boards. Delete or rename some first.');
    const codeFree = !store.db.prepare('SELECT 1 FROM boards WHERE short_code = ? COLLATE NOCASE').get(SAMPLE.shortCode);
    board = createBoard(store, valid('createBoard', { name, shortCode: codeFree ? SAMPLE.shortCode : null }));
    const boardId = board.id;

    const plan = planRoster(MEETINGS);
    // Officers support the board, and people only ever there for particular items present
    // to it: neither is a voting member.
    const nonMembers = new Set(SAMPLE.officers.map(personKey));
    const listed = MEETINGS.flatMap((m) => [...m.present, ...m.apologies.map((p) => ({ ...p, note: null })), ...m.inAttendance]);
    for (const p of listed) {
      const key = personKey(p.name);
      if (listed.filter((q) => personKey(q.name) === key).every((q) => isItemNote(q.note))) nonMembers.add(key);
    }
    const memberIdOf = new Map<string, string>();
    const roleOf = new Map<string, string | null>();
    const firstMeeting = MEETINGS[0]?.date;
    const withMinutes = !input.attendanceOnly;
    // The meeting before, once its minutes are in: the next is started from it, as the app does.
    let previous: { id: string; date: string; actions: PrintedActions } | null = null;

    for (const meeting of MEETINGS) {
      const everyone = [
        ...meeting.present.map((p) => ({ ...p, status: 'present' as AttendanceStatus })),
        ...meeting.apologies.map((p) => ({ ...p, note: null, status: 'apologies' as AttendanceStatus })),
        ...meeting.inAttendance.map((p) => ({ ...p, note: p.note ?? null, status: 'in_attendance' as AttendanceStatus })),
      ];
      // The roster as it stood: newcomers join on the day they are first listed; changed roles are updated.
      for (const p of everyone) {
        const key = personKey(p.name);
        const planned = plan.get(key);
        if (!planned) continue;
        const id = memberIdOf.get(key);
        if (!id) {
          const added = addRosterMember(
            store,
            valid('addRosterMember', {
              boardId,
              fullName: planned.fullName,
              initials: planned.initials,
              role: p.role,
              organisation: null,
              isMember: !nonMembers.has(key),
              joinedOn: planned.firstDate === firstMeeting ? null : planned.firstDate,
              leftOn: null,
            }),
          );
          memberIdOf.set(key, added.id);
          roleOf.set(key, p.role);
        } else if (p.role && p.role !== roleOf.get(key)) {
          updateRosterMember(store, valid('updateRosterMember', { memberId: id, fullName: planned.fullName, initials: planned.initials, role: p.role }));
          roleOf.set(key, p.role);
        }
      }

      const when = { date: meeting.date, startTime: meeting.start, endTime: meeting.end, venue: meeting.venue };
      const created: { id: string } =
        withMinutes && previous
          ? startNextMeeting(store, valid('startNextMeeting', { fromMeetingId: previous.id, ...when }))
          : createMeeting(store, valid('createMeeting', { boardId, ...when }));
      const hasChairNote = everyone.some((p) => p.note === 'Chair');
      const changes: AttendanceChange[] = everyone.map((p) => {
        const itemsOnly = isItemNote(p.note);
        return {
          kind: 'member',
          memberId: memberIdOf.get(personKey(p.name)) as string,
          status: itemsOnly ? 'in_attendance' : p.status,
          // These minutes name no chair on 10 April: the Independent Chair, present, chaired.
          isChair: p.note === 'Chair' || (!hasChairNote && p.status === 'present' && p.role === 'Independent Chair'),
          isViceChair: p.note === 'Vice Chair' || p.note === 'Vice-Chair',
          isMinuteTaker: p.note === 'Minutes',
          forItemsNote: itemsOnly ? p.note : null,
          forItemIds: [],
        };
      });
      recordAttendance(store, valid('recordAttendance', { meetingId: created.id, changes }));
      // The marks exactly as printed: a mark carried from the meeting before (10 April printed
      // no minute-taker) is cleared as the administrator would clear it.
      recordAttendance(store, valid('recordAttendance', { meetingId: created.id, changes }));
      if (!withMinutes) continue;

      const agreesPrevious = previous !== null;
      const actions = enterSampleMinutes(store, created.id, meeting.date, meeting.items, agreesPrevious);
      if (previous) {
        recordSampleProgress(store, created.id, meeting.items, previous);
        agreeSample(store, previous.id, created.id);
      }
      // Every meeting but the last went out to members before the next one agreed it.
      if (meeting !== MEETINGS[MEETINGS.length - 1]) circulateSample(store, created.id);
      previous = { id: created.id, date: meeting.date, actions };
    }

    updateBoardSettings(
      store,
      valid('updateBoardSettings', {
        boardId,
        name,
        shortCode: codeFree ? SAMPLE.shortCode : null,
        referenceFormat: SAMPLE.referenceFormat,
        itemNumbering: SAMPLE.itemNumbering,
        quorumKind: 'fraction',
        quorumFraction: SAMPLE.quorum,
        confidentialDisplay: SAMPLE.confidentialDisplay,
        agendaTemplate: SAMPLE.agendaTemplate,
        cadenceDays: SAMPLE.cadenceDays,
      }),
    );
    const byName = new Map(listRoster(store, { boardId }).map((m) => [personKey(m.fullName), m.id]));
    for (const group of SAMPLE.groups) {
      const memberIds = (group.members ?? []).map((n) => byName.get(personKey(n))).filter((id): id is string => !!id);
      saveGroup(store, valid('saveGroup', { boardId, name: group.name, kind: group.kind, memberIds }));
    }
  });
  if (!board) throw new Error('The sample board was not created.');
  return { board: getBoardSummary(store, board.id), created: true };
}
