// Which of a shared board's meetings are on the wire: a meeting's document joins the connection
// only when it can have something to exchange (its changes not yet acknowledged, a meeting this
// file does not hold, or a change mark in the board's document naming what this copy lacks; see
// meetingMarks.ts), and whether all of those have synced once. A joining laptop fetches every
// meeting, and so does a laptop whose board was shared before every laptop wrote marks (once:
// connect_every_meeting). A meeting whose document is not in memory starts syncing from what the
// file holds, without being made a replica; where its copy stands is the kept vector (keptVectors.ts).
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { meetingDocName, parseDocName } from './docNames';
import { inStepWithMark, markIfAhead, markText, MEETING_MARKS_ROOT, vectorOfDoc, type StateVector } from './meetingMarks';
import { MEETINGS_LIST_ROOT } from './registry';
import type { BoardReplica } from './replica';
import { keptVector } from './keptVectors';
import { storedDoc } from './updateStore';
import type { BoardConnection } from './wire';

/** What this laptop's file holds of a board's meetings' documents, read once per meeting and kept while it stays off the wire. */
export class HeldCopies {
  private readonly vectors = new Map<string, StateVector | null>();
  /** Meeting -> the mark its copy was last found to hold all of (nothing to fetch while the mark stays). */
  private readonly inStep = new Map<string, string>();
  private pending = new Set<string>();
  /**
   * True until every meeting has been connected once since the board was carried over from sync
   * format ma1 (a laptop of ma1 wrote no marks): until then no meeting counts as in step.
   */
  everyMeeting: boolean;

  constructor(private readonly db: Database, private readonly boardId: string) {
    this.everyMeeting = db.prepare('SELECT connect_every_meeting FROM sync_boards WHERE board_id = ?').pluck().get(boardId) === 1;
  }

  /** Reads which documents hold changes the server has not acknowledged (on connecting). */
  readPending(): void {
    this.pending = new Set(
      this.db.prepare("SELECT DISTINCT doc_name FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0").pluck().all(this.boardId) as string[],
    );
  }

  /** Whether this file's copy of a meeting lacks nothing its mark names (false: fetch it). */
  inStepWith(replica: BoardReplica, meetingId: string, marks: Y.Doc = replica.board): boolean {
    const name = meetingDocName(this.boardId, meetingId);
    if (this.everyMeeting || this.pending.has(name)) return false;
    const text = markText(marks, meetingId);
    if (text === undefined) return false;
    if (this.inStep.get(meetingId) === text) return true;
    const held = this.vector(replica, meetingId, name);
    if (!held || !inStepWithMark(marks, meetingId, held)) return false;
    this.inStep.set(meetingId, text);
    return true;
  }

  private vector(replica: BoardReplica, meetingId: string, name: string): StateVector | null {
    if (replica.loaded(meetingId)) return vectorOfDoc(replica.meeting(meetingId).doc);
    if (!this.vectors.has(name)) this.vectors.set(name, this.db.open ? keptVector(this.db, name) : null);
    return this.vectors.get(name) ?? null;
  }

  /**
   * Where this file's copy of a meeting off the wire stands, when all of it is on the server (none
   * of its changes waits to be sent, and it is not in memory, where a write may be changing it).
   */
  settledVector(replica: BoardReplica, meetingId: string): StateVector | null {
    const name = meetingDocName(this.boardId, meetingId);
    if (this.pending.has(name) || replica.loaded(meetingId)) return null;
    return this.vector(replica, meetingId, name);
  }

  /** The meetings whose documents hold changes the server has not acknowledged, by document name. */
  pendingNames(): string[] {
    return [...this.pending];
  }

  /** What the file holds of a document, merged into one update (undefined: nothing). */
  stored(name: string): Uint8Array | undefined {
    return this.db.open ? storedDoc(this.db, name) : undefined;
  }

  /** A meeting put on the wire: what the file held of it no longer decides anything. */
  forget(meetingId: string): void {
    this.vectors.delete(meetingDocName(this.boardId, meetingId));
    this.inStep.delete(meetingId);
  }
}

interface ListedBoard {
  readonly boardId: string;
  readonly replica: BoardReplica;
  readonly wire: BoardConnection | null;
  readonly frozen: Set<string>;
  readonly holding: boolean;
  readonly held: HeldCopies;
  /** While a batch from the server is held back: the board's document with its changes, read for the list and marks (remoteBatch.ts heldBoardView). */
  readonly heldBoard: Y.Doc | null;
}

/** Where the meetings' list and marks are read: the held batch's view of the board's document while there is one. */
const marksDoc = (board: ListedBoard): Y.Doc => board.heldBoard ?? board.replica.board;

/**
 * The meetings the board's document names: listed, or marked (a meeting deleted elsewhere is
 * marked, no longer listed); with a held batch, those its view names and those a local write
 * added to the replica since the view was made.
 */
function namedMeetings(board: ListedBoard): Set<string> {
  const docs = board.heldBoard ? [board.heldBoard, board.replica.board] : [board.replica.board];
  return new Set(docs.flatMap((doc) => [...doc.getMap(MEETINGS_LIST_ROOT).keys(), ...doc.getMap(MEETING_MARKS_ROOT).keys()]));
}

/** Whether every meeting with something to exchange has synced its document from the server. */
export function listedMeetingsSynced(board: ListedBoard): boolean {
  const wire = board.wire;
  if (!wire) return true;
  for (const id of namedMeetings(board)) {
    const name = meetingDocName(board.boardId, id);
    if (board.frozen.has(name)) continue;
    if (wire.has(name) ? !wire.synced(name) : board.holding || !board.held.inStepWith(board.replica, id, marksDoc(board))) return false;
  }
  return true;
}

/**
 * On connecting: the board's document, then the meetings with changes the server has not
 * acknowledged, then those the board's marks say this file lacks something of. Every other
 * meeting stays off the wire, its document unread.
 */
export function wireOnConnecting(board: ListedBoard): void {
  const wire = board.wire;
  if (!wire) return;
  wire.add(board.replica.boardName, Y.encodeStateAsUpdate(board.replica.board));
  board.held.readPending();
  for (const name of board.held.pendingNames()) {
    const address = parseDocName(name);
    if (address.kind !== 'meeting' || board.frozen.has(name) || wire.has(name)) continue;
    board.held.forget(address.meetingId);
    wire.add(name, wireState(board, address.meetingId, name));
  }
  wireListedMeetings(board);
}

/** Puts on the wire every meeting with something to exchange (a joining laptop: every meeting), including ones another laptop added. */
export function wireListedMeetings(board: ListedBoard): void {
  if (!board.wire) return;
  for (const id of namedMeetings(board)) {
    const name = meetingDocName(board.boardId, id);
    if (board.wire.has(name) || board.frozen.has(name)) continue;
    if (!board.holding && board.held.inStepWith(board.replica, id, marksDoc(board))) continue;
    board.held.forget(id);
    board.wire.add(name, wireState(board, id, name));
  }
}

/** What a meeting's document starts syncing from: the replica's when in memory, else the file's (not made a replica). */
function wireState(board: ListedBoard, meetingId: string, name: string): Uint8Array {
  if (board.replica.loaded(meetingId) || board.holding) return Y.encodeStateAsUpdate(board.replica.meeting(meetingId).doc);
  return board.held.stored(name) ?? Y.encodeStateAsUpdate(new Y.Doc());
}

/**
 * The meetings whose copy here holds something the board's marks miss (this laptop's changes, or
 * a concurrent mark that won over its own), all of it on the server (on the wire: synced, nothing
 * unsent; off it: nothing waiting to be sent): their marks are written again (in a write, by the
 * caller), so a laptop lacking any of it fetches the meeting. Returns the meetings it marked.
 */
export function markWiredMeetings(board: ListedBoard, only?: string): string[] {
  const wire = board.wire;
  if (!wire) return [];
  const marked: string[] = [];
  for (const id of only === undefined ? namedMeetings(board) : [only]) {
    const name = meetingDocName(board.boardId, id);
    if (board.frozen.has(name) || board.holding) continue;
    let held: StateVector | null = null;
    if (wire.has(name)) held = wire.settledDoc(name) ? wire.vector(name) : null;
    // Off the wire: the marks' latest may have won over one this laptop wrote before it was shut.
    else if (only === undefined) held = board.held.settledVector(board.replica, id);
    if (held && markIfAhead(board.replica.board, id, held)) marked.push(id);
  }
  return marked;
}
