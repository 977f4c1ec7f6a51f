// Actions agreed at a meeting: board-unique references, owners, dues.
import type { ActionStatus, DueKind } from '../domain/enums';
import { z } from 'zod';
import { MINUTES_LIMITS, id, method, minutesText } from './common';

import type { OwnerMatch } from '../domain/owners';

export type { OwnerMatch };
export type { ActionStatus, DueKind };

export interface ActionDue {
  kind: DueKind;
  /** The date it is due by, when known: the date typed, or the date of the meeting named. */
  date: string | null;
  /** The meeting it is due at, when one was named and exists. */
  meetingId: string | null;
  /** What was typed, kept as written. */
  text: string | null;
}

export interface MinutesAction {
  id: string;
  itemId: string;
  /** Its number in this meeting, shown in the minutes' Reference column. */
  seq: number;
  /** Unique in the board and never reused: how it is named anywhere else. */
  reference: string;
  position: number;
  details: string;
  /**
   * As the minutes that agreed the action name them (and print them): a person by the initials
   * and name the meeting's attendance recorded, or those they had when made owner; a group by its
   * name then. Later roster or group changes do not reach them.
   */
  owners: OwnerMatch[];
  due: ActionDue;
  status: ActionStatus;
}

export const ownerRef = z.union(
  [
    z.strictObject({ memberId: id }),
    z.strictObject({ attendanceId: id }),
    z.strictObject({ groupId: id }),
    z.strictObject({
      name: z
        .string({ message: 'An owner must be a name.' })
        .trim()
        .min(1, { message: 'An owner’s name cannot be blank.' })
        .max(MINUTES_LIMITS.ownerName, { message: `An owner’s name can be at most ${MINUTES_LIMITS.ownerName} characters.` }),
    }),
  ],
  { message: 'An owner is someone on the roster, a guest in attendance, a group, or a name.' },
);

export const owners = z.array(ownerRef).max(MINUTES_LIMITS.owners, { message: `An action can have at most ${MINUTES_LIMITS.owners} owners.` });

export const actionsMethods = {
  addAction: method<MinutesAction>()(
    z.strictObject({
      itemId: id,
      details: minutesText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
      owners: owners.optional(),
      due: z.string({ message: 'The due date must be text.' }).max(MINUTES_LIMITS.due, { message: `A due can be at most ${MINUTES_LIMITS.due} characters.` }).optional(),
    }),
  ),
  updateAction: method<MinutesAction>()(
    z.strictObject({
      actionId: id,
      details: minutesText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
      owners: owners.optional(),
      due: z.string({ message: 'The due date must be text.' }).max(MINUTES_LIMITS.due, { message: `A due can be at most ${MINUTES_LIMITS.due} characters.` }).optional(),
    }),
  ),
  deleteAction: method<{ actionId: string; reference: string }>()(z.strictObject({ actionId: id })),
} as const;
