// A board's roster: the people, their unique initials, roles and organisations.
import type { rosterMethods } from '../../../shared/contract/roster';
import { onStore, type FeatureHandlers } from '../handler';
import { addRosterMember, deleteRosterMember, listRoster, markMemberLeft, suggestInitialsFor, updateRosterMember } from './roster';

export const rosterHandlers: FeatureHandlers<typeof rosterMethods> = {
  listRoster: onStore(listRoster),
  addRosterMember: onStore(addRosterMember),
  updateRosterMember: onStore(updateRosterMember),
  markMemberLeft: onStore(markMemberLeft),
  deleteRosterMember: onStore(deleteRosterMember),
  suggestInitials: onStore(suggestInitialsFor),
};
