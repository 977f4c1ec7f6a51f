// Reminders to owners: email drafts and a calendar of dues for a selection of the action log.
import type { remindersMethods } from '../../../shared/contract/reminders';
import { onStore, type FeatureHandlers } from '../handler';
import { draftOwnerReminders, dueCalendar } from './reminders';

export const remindersHandlers: FeatureHandlers<typeof remindersMethods> = {
  draftOwnerReminders: onStore(draftOwnerReminders),
  dueCalendar: onStore(dueCalendar),
};
