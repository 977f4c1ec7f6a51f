// The life of the minutes: circulated, agreed as accurate at a later meeting, published, corrected.
import type { lifecycleMethods } from '../../../shared/contract/lifecycle';
import { onStore, type FeatureHandlers } from '../handler';
import { agreeMinutes, circulateMinutes, getMinutesRecord, publishMinutes, recordCorrection, verifyMinutes } from './lifecycle';

export const lifecycleHandlers: FeatureHandlers<typeof lifecycleMethods> = {
  getMinutesRecord: onStore(getMinutesRecord),
  circulateMinutes: onStore(circulateMinutes),
  agreeMinutes: onStore(agreeMinutes),
  publishMinutes: onStore(publishMinutes),
  verifyMinutes: onStore(verifyMinutes),
  recordCorrection: onStore(recordCorrection),
};
