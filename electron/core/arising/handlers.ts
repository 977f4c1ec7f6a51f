// Matters arising: starting the next meeting, carrying unfinished actions into it, progress recorded there.
import type { arisingMethods } from '../../../shared/contract/arising';
import { onStore, type FeatureHandlers } from '../handler';
import { carryForward, deleteMeeting, resolveDeferredItem } from './arising';
import { getMattersArising } from './list';
import { startNextMeeting, suggestNextMeeting } from './nextMeeting';
import { markAllInProgress, recordActionUpdate } from './progress';

export const arisingHandlers: FeatureHandlers<typeof arisingMethods> = {
  suggestNextMeeting: onStore(suggestNextMeeting),
  startNextMeeting: onStore(startNextMeeting),
  carryForward: onStore(carryForward),
  getMattersArising: onStore(getMattersArising),
  recordActionUpdate: onStore(recordActionUpdate),
  markAllInProgress: onStore(markAllInProgress),
  resolveDeferredItem: onStore(resolveDeferredItem),
  deleteMeeting: onStore(deleteMeeting),
};
