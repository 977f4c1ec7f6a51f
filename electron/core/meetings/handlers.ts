// Meetings of a board: listing, creating, and the header of their minutes.
import type { meetingsMethods } from '../../../shared/contract/meetings';
import { onStore, type FeatureHandlers } from '../handler';
import { createMeeting, getMeeting, listMeetings, updateMeetingHeader } from './meetings';

export const meetingsHandlers: FeatureHandlers<typeof meetingsMethods> = {
  listMeetings: onStore(listMeetings),
  createMeeting: onStore(createMeeting),
  getMeeting: onStore(getMeeting),
  updateMeetingHeader: onStore(updateMeetingHeader),
};
