// The chair's view: a one-page briefing per board (outstanding actions by owner, overdue first,
// what changed since the last meeting, and opened / done / overdue per meeting), on screen and
// as PDF; and one person's actions across every board.
import { z } from 'zod';
import type { ActionLogOwner, OutstandingAction } from './actionLog';
import type { BetweenUpdate } from './between';
import type { MeetingRef } from './arising';
import { id, method } from './common';

/** Opened, done and overdue at one meeting: the bars of the briefing's chart. */
export interface MeetingCounts {
  meetingId: string;
  date: string;
  /** Actions agreed at it. */
  opened: number;
  /** Earlier actions it recorded as done. */
  done: number;
  /** Actions it listed as matters arising that were already past their due date. */
  overdue: number;
}

export interface BriefingOwner {
  key: string;
  label: string;
  overdue: number;
  /** Overdue first (most overdue first), then by due date. */
  actions: OutstandingAction[];
}

export interface Briefing {
  boardId: string;
  boardName: string;
  today: string;
  /** The board's last meeting held on or before today. */
  lastMeeting: MeetingRef | null;
  totals: { outstanding: number; overdue: number };
  owners: BriefingOwner[];
  /** Actions nobody owns (or whose owner is to be confirmed). */
  unowned: OutstandingAction[];
  /** What was reported between meetings since the last one, newest first, with the action it is on. */
  changedSince: Array<{ update: BetweenUpdate; reference: string; details: string }>;
  /** Actions agreed at the last meeting. */
  openedAtLast: number;
  /** The last eight meetings, oldest first. */
  perMeeting: MeetingCounts[];
}

export interface BriefingPdf {
  filename: string;
  pdfBase64: string;
}

/** Someone on any board's roster, once per person, for "My actions". */
export interface PersonChoice {
  personId: string;
  fullName: string;
  /** Their initials on each board, "AF (SSCB)". */
  boards: string[];
  ownerKey: string;
}

export interface PersonActions {
  person: PersonChoice;
  today: string;
  actions: OutstandingAction[];
}

export type { ActionLogOwner };

export const briefingMethods = {
  getBriefing: method<Briefing>()(z.strictObject({ boardId: id })),
  exportBriefingPdf: method<BriefingPdf>()(z.strictObject({ boardId: id })),
  listPeople: method<PersonChoice[]>()(z.strictObject({})),
  /** One person's outstanding actions on every board, overdue first. */
  myActions: method<PersonActions>()(z.strictObject({ personId: id })),
} as const;
