// The minutes as typed: numbered agenda items, their discussion and decisions.
import type { minutesMethods } from '../../../shared/contract/minutes';
import { onStore, type FeatureHandlers } from '../handler';
import {
  addAgendaItem,
  addDecision,
  deleteAgendaItem,
  deleteDecision,
  getMinutes,
  moveAgendaItem,
  saveDiscussion,
  updateAgendaItem,
  updateDecision,
} from './minutes';

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
