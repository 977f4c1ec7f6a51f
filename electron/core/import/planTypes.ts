// The shapes of an import plan: what each planned meeting will write (attendance, actions with
// their owners, matters-arising updates), and what the plan knows of the board as it goes.
import type { ActionDue, ImportFilePreview, ImportMeetingPreview } from '../../../shared/contract';
import type { ActionStatus, AttendanceStatus } from '../../../shared/domain/enums';
import type { LegacyMeeting } from '../../../shared/domain/legacy/model';
import type { RosterPerson, RosterState } from './people';

export type PlannedOwner =
  | { kind: 'member'; person: RosterPerson; printedAs: string }
  | { kind: 'group'; groupId: string; name: string }
  | { kind: 'name'; name: string };

export interface PlannedAction {
  key: string;
  itemNumber: string;
  seq: number;
  reference: string;
  details: string;
  owners: PlannedOwner[];
  due: ActionDue;
}

export interface PlannedAttendance {
  person: RosterPerson | null;
  name: string;
  initials: string | null;
  role: string | null;
  status: AttendanceStatus;
  isChair: boolean;
  isViceChair: boolean;
  isMinuteTaker: boolean;
  forItemsNote: string | null;
  forItemNumbers: string[];
}

export interface PlannedUpdate {
  itemNumber: string;
  /** An action already in the store, or one planned by an earlier meeting of this import. */
  target: { actionId: string } | { key: string };
  text: string;
  status: ActionStatus;
}

export interface PlannedMeeting {
  legacy: LegacyMeeting;
  attendance: PlannedAttendance[];
  actions: PlannedAction[];
  updates: PlannedUpdate[];
  /** Index (in its file) of the later meeting recorded as agreeing it; null: agreed at itself. */
  agreedAt: number | null;
  preview: ImportMeetingPreview;
}

export interface BoardTarget {
  id: string | null;
  name: string;
  referenceFormat: string;
}

export interface FilePlan {
  name: string;
  meetings: PlannedMeeting[];
  preview: ImportFilePreview;
}

/** What the plan knows of the board as the import goes: the roster, meetings, references, actions. */
export interface PlanState {
  board: BoardTarget;
  roster: RosterState;
  groups: Array<{ id: string; name: string }>;
  meetingDates: Set<string>;
  references: Set<string>;
  /** Actions planned by earlier meetings of this import, with their meeting's date. */
  planned: Array<{ date: string; action: PlannedAction; finished: boolean; itemTitle: string }>;
}

