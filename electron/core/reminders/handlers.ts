// Reminders to owners: email drafts and a calendar of dues for a selection of the action log, and
// the reminders due at start under each board's setting.
import type { remindersMethods } from '../../../shared/contract/reminders';
import { onStore, type FeatureHandlers } from '../handler';
import { draftOwnerReminders, dueCalendar } from './reminders';
import { getReminderSetting, markRemindersSent, remindersDue, setReminderSetting } from './atStart';

export const remindersHandlers: FeatureHandlers<typeof remindersMethods> = {
  draftOwnerReminders: onStore(draftOwnerReminders),
  dueCalendar: onStore(dueCalendar),
  getReminderSetting: onStore(getReminderSetting),
  setReminderSetting: onStore(setReminderSetting),
  remindersDue: onStore((store) => remindersDue(store)),
  markRemindersSent: onStore(markRemindersSent),
};
