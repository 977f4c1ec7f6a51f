// Meetings of a board: listing, creating, and the header of their minutes (date, time, venue, next meeting).
import type { MeetingStatus } from '../domain/enums';
export type { MeetingStatus };
import { z } from 'zod';
import { boardName, clockTime, id, isoDate, meetingFields, method, venue } from './common';

export interface MeetingSummary {
  id: string;
  boardId: string;
  /** The board's name as it was when the meeting was held. */
  boardName: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: MeetingStatus;
  itemCount: number;
  actionCount: number;
}

export interface MeetingDetail extends MeetingSummary {
  nextMeeting: { date: string | null; time: string | null; venue: string | null };
  createdAt: string;
  updatedAt: string;
}

export const headerTimes = (h: { startTime?: string | null; endTime?: string | null }) =>
  !h.startTime || !h.endTime || h.endTime > h.startTime;

export const meetingsMethods = {
  listMeetings: method<MeetingSummary[]>()(z.strictObject({ boardId: id })),
  createMeeting: method<MeetingDetail>()(
    meetingFields.refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, {
      message: 'The meeting must end after it starts.',
      path: ['endTime'],
    }),
  ),
  getMeeting: method<MeetingDetail>()(z.strictObject({ meetingId: id })),
  updateMeetingHeader: method<MeetingDetail>()(
    z
      .strictObject({
        meetingId: id,
        /** The board's name as printed on these minutes. */
        boardName: boardName.optional(),
        date: isoDate.optional(),
        startTime: clockTime.nullable().optional(),
        endTime: clockTime.nullable().optional(),
        venue: venue.nullable().optional(),
        nextDate: isoDate.nullable().optional(),
        nextTime: clockTime.nullable().optional(),
        nextVenue: venue.nullable().optional(),
      })
      .refine(headerTimes, { message: 'The meeting must end after it starts.', path: ['endTime'] }),
  ),
} as const;
