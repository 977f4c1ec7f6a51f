// The meetings a shared board's document lists, on the wire: each synced with the server
// (including meetings another laptop added), and whether all have synced once. A meeting whose
// document is not in memory starts syncing from what the file holds, without being made a replica.
import * as Y from 'yjs';
import { meetingDocName } from './docNames';
import { MEETINGS_LIST_ROOT } from './registry';
import type { BoardReplica } from './replica';
import type { BoardConnection } from './wire';

interface ListedBoard {
  readonly boardId: string;
  readonly replica: BoardReplica;
  readonly wire: BoardConnection | null;
  readonly frozen: Set<string>;
}

/** Whether every meeting the board's document lists has synced its document from the server. */
export function listedMeetingsSynced(board: ListedBoard): boolean {
  const wire = board.wire;
  if (!wire) return true;
  return [...board.replica.board.getMap(MEETINGS_LIST_ROOT).keys()].map((id) => meetingDocName(board.boardId, id)).every((name) => board.frozen.has(name) || wire.synced(name));
}

/** Every meeting the board's document lists is synced, including ones another laptop added. */
export function wireListedMeetings(board: ListedBoard): void {
  if (!board.wire) return;
  for (const id of board.replica.board.getMap(MEETINGS_LIST_ROOT).keys()) {
    const name = meetingDocName(board.boardId, id);
    if (!board.wire.has(name) && !board.frozen.has(name)) board.wire.add(name, Y.encodeStateAsUpdate(board.replica.meeting(id).doc));
  }
}
