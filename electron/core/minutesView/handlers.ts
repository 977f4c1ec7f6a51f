// Agreed and published minutes on screen, as the printed document.
import type { minutesViewMethods } from '../../../shared/contract/minutesView';
import { onStore, type FeatureHandlers } from '../handler';
import { getMinutesDocument } from './minutesDocument';

export const minutesViewHandlers: FeatureHandlers<typeof minutesViewMethods> = {
  getMinutesDocument: onStore(getMinutesDocument),
};
