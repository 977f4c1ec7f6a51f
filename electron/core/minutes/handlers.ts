// The minutes as typed: numbered agenda items, their discussion and decisions.
import type { minutesMethods } from '../../../shared/contract/minutes';
import { onStore, type FeatureHandlers } from '../handler';
import {
  addAgendaItem,
  deleteAgendaItem,
  getMinutes,
  moveAgendaItem,
  saveDiscussion,
  updateAgendaItem,
} from './minutes';
import { addDecision, deleteDecision, updateDecision } from './decisions';

export const minutesHandlers: FeatureHandlers<typeof minutesMethods> = {
  getMinutes: onStore(getMinutes),
  addAgendaItem: onStore(addAgendaItem),
  updateAgendaItem: onStore(updateAgendaItem),
  saveDiscussion: onStore(saveDiscussion),
  moveAgendaItem: onStore(moveAgendaItem),
  deleteAgendaItem: onStore(deleteAgendaItem),
  addDecision: onStore(addDecision),
  updateDecision: onStore(updateDecision),
  deleteDecision: onStore(deleteDecision),
};
