// The minutes as typed: numbered agenda items, their discussion and decisions.
import { z } from 'zod';
import type { GroupKind, ItemKind, ItemNumbering } from '../domain/enums';
import type { MinutesAction } from './actions';
import { MINUTES_LIMITS, id, method, minutesText } from './common';
import type { MeetingDetail } from './meetings';
import type { DirectoryGuest } from '../domain/owners';

export interface MinutesRosterEntry {
  id: string;
  initials: string;
  fullName: string;
  role: string | null;
  /** On the roster on the meeting's date (not yet left, already joined). */
  current: boolean;
}

export interface RosterGroup {
  id: string;
  name: string;
  kind: GroupKind;
}

export interface MinutesDecision {
  id: string;
  itemId: string;
  position: number;
  text: string;
  /**
   * Set on the decision recording that a meeting's minutes were agreed as accurate: that meeting.
   * Such a decision is part of those minutes' record and cannot be changed or deleted.
   */
  agreesMinutesOf: string | null;
}

/** Where an item sits: its parent, its place among its siblings, and its printed number. */
export interface AgendaOutlineEntry {
  id: string;
  parentId: string | null;
  position: number;
  number: string;
  /** 1 for an item, 2 for a sub-item. */
  depth: number;
}

export interface AgendaItemFields extends AgendaOutlineEntry {
  title: string;
  presenter: string | null;
  kind: ItemKind;
  confidential: boolean;
  deferred: boolean;
  deferredToText: string | null;
  deferredToMeetingId: string | null;
  updatedAt: string;
}

export interface MinutesItem extends AgendaItemFields {
  /** Lexical's serialized editor state, or null if no discussion was typed yet. */
  discussionJson: string | null;
  /** Its plain text, derived by core from the JSON (shared/domain/discussion.ts); the editor reads it only where the JSON cannot be read. */
  discussionText: string;
  decisions: MinutesDecision[];
  actions: MinutesAction[];
}

/** Why parts of the minutes cannot be changed (null when they can). */
export interface MinutesLock {
  structure: string | null;
  content: string | null;
}

/** Everything the minutes editor needs to open a meeting, in one call. */
export interface Minutes {
  meeting: MeetingDetail;
  numbering: ItemNumbering;
  referenceFormat: string;
  /** In reading order: each item followed by its sub-items. */
  items: MinutesItem[];
  /**
   * The board's roster and groups, named as at this meeting: anyone in its attendance as it
   * recorded them, others as the board's records last named them by then; and its guests in
   * attendance, who can own its actions.
   */
  roster: { members: MinutesRosterEntry[]; groups: RosterGroup[]; guests: DirectoryGuest[] };
  /** The board's meetings after this one, for "deferred to". */
  laterMeetings: Array<{ id: string; date: string }>;
  locked: MinutesLock;
}

/** The agenda after a structural change: the item concerned and every item's new place. */
export interface AgendaChange {
  itemId: string;
  outline: AgendaOutlineEntry[];
}

export const itemTitle = minutesText(MINUTES_LIMITS.itemTitle, 'An item title').refine((t) => !/[\r\n]/.test(t), {
  message: 'An item title must be on one line.',
});

export const minutesMethods = {
  getMinutes: method<Minutes>()(z.strictObject({ meetingId: id })),
  addAgendaItem: method<{ item: MinutesItem; outline: AgendaOutlineEntry[] }>()(
    z.strictObject({
      meetingId: id,
      /** The new item goes straight after this one (or after the item this one is part of). */
      afterItemId: id.nullable().optional(),
      /** Set for a sub-item: the item it belongs to. */
      parentId: id.nullable().optional(),
      title: itemTitle.optional(),
    }),
  ),
  updateAgendaItem: method<AgendaItemFields>()(
    z.strictObject({
      itemId: id,
      title: itemTitle.optional(),
      presenter: minutesText(MINUTES_LIMITS.presenter, 'A presenter').nullable().optional(),
      confidential: z.boolean({ message: 'Confidential is yes or no.' }).optional(),
      deferred: z.boolean({ message: 'Deferred is yes or no.' }).optional(),
      deferredToText: minutesText(MINUTES_LIMITS.deferredTo, 'Where the item was deferred to').nullable().optional(),
      deferredToMeetingId: id.nullable().optional(),
    }),
  ),
  /** The editor's JSON only: core derives the plain text from it (shared/domain/discussion.ts). */
  saveDiscussion: method<{ itemId: string; updatedAt: string }>()(
    z.strictObject(
      {
        itemId: id,
        json: z
          .string({ message: 'The discussion must be sent as the editor’s JSON.' })
          .max(MINUTES_LIMITS.discussionJson, { message: 'This discussion is too long to save. Move some of it into another item or a paper.' }),
      },
      {
        // Only a window of an older version sends its own plain text (`text`): refused, like any
        // unknown field, but in words, since what was typed is still on that screen.
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? 'This window sends the discussion in an older format, so it was not saved. Copy what you typed, then reload the window.'
            : undefined,
      },
    ),
  ),
  moveAgendaItem: method<AgendaChange>()(
    z.strictObject({
      itemId: id,
      parentId: id.nullable(),
      position: z.number({ message: 'A position is a number.' }).int().min(0, { message: 'A position cannot be negative.' }).max(10_000),
    }),
  ),
  deleteAgendaItem: method<AgendaChange>()(z.strictObject({ itemId: id })),
  addDecision: method<MinutesDecision>()(
    z.strictObject({
      itemId: id,
      text: minutesText(MINUTES_LIMITS.decision, 'A decision').optional(),
      afterDecisionId: id.nullable().optional(),
    }),
  ),
  updateDecision: method<MinutesDecision>()(
    z.strictObject({ decisionId: id, text: minutesText(MINUTES_LIMITS.decision, 'A decision') }),
  ),
  deleteDecision: method<{ decisionId: string }>()(z.strictObject({ decisionId: id })),
} as const;
