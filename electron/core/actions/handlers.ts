// Actions agreed at a meeting: board-unique references, owners, dues.
import type { actionsMethods } from '../../../shared/contract/actions';
import { onStore, type FeatureHandlers } from '../handler';
import { addAction, deleteAction, updateAction } from './actions';

export const actionsHandlers: FeatureHandlers<typeof actionsMethods> = {
  addAction: onStore(addAction),
  updateAction: onStore(updateAction),
  deleteAction: onStore(deleteAction),
};
