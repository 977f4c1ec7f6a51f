// Actions between meetings: progress reported at any time, and an action's whole timeline.
import type { betweenMethods } from '../../../shared/contract/between';
import { onStore, type FeatureHandlers } from '../handler';
import { betweenMeetingReports, deleteActionProgress, getActionTimeline, recordActionProgress } from './progress';

export const betweenHandlers: FeatureHandlers<typeof betweenMethods> = {
  recordActionProgress: onStore(recordActionProgress),
  deleteActionProgress: onStore(deleteActionProgress),
  getActionTimeline: onStore(getActionTimeline),
  betweenMeetingReports: onStore(betweenMeetingReports),
};
