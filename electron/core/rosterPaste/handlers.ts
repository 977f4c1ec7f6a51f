// A pasted roster: checked (initials suggested, clashes flagged), then added all at once.
import type { rosterPasteMethods } from '../../../shared/contract/rosterPaste';
import { onStore, type FeatureHandlers } from '../handler';
import { addRosterMembers, checkRosterPaste } from './rosterPaste';

export const rosterPasteHandlers: FeatureHandlers<typeof rosterPasteMethods> = {
  checkRosterPaste: onStore(checkRosterPaste),
  addRosterMembers: onStore(addRosterMembers),
};
