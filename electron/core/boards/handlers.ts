// Boards: listing, creating, renaming, and the sample board.
import type { boardsMethods } from '../../../shared/contract/boards';
import { onStore, type FeatureHandlers } from '../handler';
import { createBoard, listBoards, renameBoard } from './boards';
import { loadSampleBoard } from './sample';

export const boardsHandlers: FeatureHandlers<typeof boardsMethods> = {
  listBoards: onStore((store) => listBoards(store)),
  createBoard: onStore(createBoard),
  renameBoard: onStore(renameBoard),
  loadSampleBoard: onStore(loadSampleBoard),
};
