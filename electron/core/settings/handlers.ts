// A board's settings (numbering, references, quorum, recurring agenda) and its standing groups.
import type { settingsMethods } from '../../../shared/contract/settings';
import { onStore, type FeatureHandlers } from '../handler';
import { deleteGroup, getBoardSettings, listGroups, saveGroup, setMinutesStyle, updateBoardSettings } from './settings';

export const settingsHandlers: FeatureHandlers<typeof settingsMethods> = {
  getBoardSettings: onStore(getBoardSettings),
  updateBoardSettings: onStore(updateBoardSettings),
  setMinutesStyle: onStore(setMinutesStyle),
  listGroups: onStore(listGroups),
  saveGroup: onStore(saveGroup),
  deleteGroup: onStore(deleteGroup),
};
