// The words the interface uses for the state of a meeting's minutes.
import type { MeetingStatus } from './enums';

export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  draft: 'Draft',
  circulated: 'Circulated',
  agreed: 'Agreed as accurate',
  published: 'Published',
};
