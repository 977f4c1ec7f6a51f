// The replica API: a shared board's meeting document served to the window (openReplica), and the
// window's edits of its discussions taken back as Yjs updates (replicaUpdate). A meeting of a
// board that is not shared has no replica: the window saves its discussions as JSON, as before.
import * as Y from 'yjs';
import type { replicaMethods, ReplicaOpened } from '../../../shared/contract';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { onStore, type FeatureHandlers } from '../handler';
import { assertContentEditable, lockFor, meetingForEdit } from '../minutes/editable';
import { syncEngine, type SharedBoard } from '../sync/engine';
import { applyWindowUpdate } from './windowUpdate';

/** The shared board a meeting belongs to, connected here; null when its board is not shared. */
function sharedBoardOf(store: Store, boardId: string): SharedBoard | null {
  const shared = store.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sync_boards'").get() !== undefined
    && store.db.prepare("SELECT 1 FROM sync_boards WHERE board_id = ? AND state = 'shared'").get(boardId) !== undefined;
  if (!shared) return null;
  const board = syncEngine(store).boards.get(boardId);
  // While its documents are being built (sharing), the window saves as on a board not shared; the build reads the rows.
  return board && !board.holding && !board.preparing ? board : null;
}

function openReplica(store: Store, meetingId: string): ReplicaOpened {
  const meeting = meetingForEdit(store, meetingId);
  const readOnly = lockFor(meeting.status).content !== null;
  const board = sharedBoardOf(store, meeting.board_id);
  if (!board) return { state: null, readOnly };
  const doc = board.replica.meeting(meetingId).doc;
  return { state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'), readOnly };
}

function replicaUpdate(store: Store, input: { meetingId: string; update: string; from?: string | undefined }): { meetingId: string } {
  const meeting = meetingForEdit(store, input.meetingId);
  const board = sharedBoardOf(store, meeting.board_id);
  if (!board) throw new DomainError('conflict', 'This meeting’s board is not shared, so its discussions are saved as they are typed, not as changes from a shared copy. Open the meeting again.');
  assertContentEditable(meeting);
  applyWindowUpdate(store, board, input.meetingId, new Uint8Array(Buffer.from(input.update, 'base64')), input.from ?? null);
  return { meetingId: input.meetingId };
}

export const replicaHandlers: FeatureHandlers<typeof replicaMethods> = {
  openReplica: onStore((store, input) => openReplica(store, input.meetingId)),
  replicaUpdate: onStore((store, input) => replicaUpdate(store, input)),
};
