// A shared board's documents held in memory by core: the board document and one document per
// meeting, each meeting's discussions bound to headless editors. Every update, stored or from the
// server, goes in through applyUpdate, which binds any discussion root the update brings before
// applying it (bind first, then apply), so a discussion is never read in behind its editor's back.
// A meeting's document is made when first needed, from what the file holds (a board of 25 years
// opens with its board document alone; see StoredDocs).
import * as Y from 'yjs';
import { BoundDiscussion } from './discussionDoc';
import { boardDocName, discussionItemId, meetingDocName, parseDocName } from './docNames';

/** Told of each document as it is made, before anything is applied to it (to store its updates). */
export type OnDoc = (name: string, doc: Y.Doc) => void;

/** Where a meeting's document made on first use reads what the file holds, and the origin it is applied with. */
export interface StoredDocs {
  state(name: string): Uint8Array | undefined;
  origin: unknown;
}

export class MeetingReplica {
  readonly doc = new Y.Doc();
  private readonly discussions = new Map<string, BoundDiscussion>();

  constructor(
    readonly name: string,
    onDoc?: OnDoc,
  ) {
    onDoc?.(name, this.doc);
  }

  /** The discussion of an item, bound on first use (its root must still be empty then). */
  discussion(itemId: string): BoundDiscussion {
    let bound = this.discussions.get(itemId);
    if (!bound) this.discussions.set(itemId, (bound = new BoundDiscussion(this.doc, itemId)));
    return bound;
  }

  dispose(): void {
    for (const d of this.discussions.values()) d.dispose();
    this.doc.destroy();
  }
}

/** The item ids of the discussion roots an update writes into directly (the first content of a root names it). */
function discussionRootsIn(update: Uint8Array): string[] {
  const ids = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    const parent = (struct as { parent?: unknown }).parent;
    if (typeof parent === 'string') {
      const itemId = discussionItemId(parent);
      if (itemId) ids.add(itemId);
    }
  }
  return [...ids];
}

export class BoardReplica {
  /** The board's own document (made again only by rebuild, after a rolled-back write). */
  board = new Y.Doc();
  readonly boardName: string;
  /** Set once the board is closed (a rolled-back write's documents are then not made again). */
  disposed = false;
  private readonly meetings = new Map<string, MeetingReplica>();
  /** Meetings whose documents the file holds, made in memory or not. */
  private readonly known = new Set<string>();

  constructor(
    readonly boardId: string,
    private readonly onDoc?: OnDoc,
    private readonly stored?: StoredDocs,
  ) {
    this.boardName = boardDocName(boardId);
    onDoc?.(this.boardName, this.board);
  }

  /** Meetings whose documents the file holds (made in memory when first used). */
  know(meetingIds: Iterable<string>): void {
    for (const id of meetingIds) this.known.add(id);
  }

  /** A meeting's replica, made on first use from what the file holds. */
  meeting(meetingId: string): MeetingReplica {
    return this.meetings.get(meetingId) ?? this.make(meetingId, true);
  }

  private make(meetingId: string, fromFile: boolean): MeetingReplica {
    const replica = new MeetingReplica(meetingDocName(this.boardId, meetingId), this.onDoc);
    this.meetings.set(meetingId, replica);
    this.known.add(meetingId);
    const state = fromFile ? this.stored?.state(replica.name) : undefined;
    if (state && this.stored) this.applyUpdate(replica.name, state, this.stored.origin);
    return replica;
  }

  /** Whether a meeting's document is in memory now. */
  loaded(meetingId: string): boolean {
    return this.meetings.has(meetingId);
  }

  /** Lets a meeting's document go from memory (everything it holds is in the file); it is made again when next used. */
  unload(meetingId: string): void {
    this.meetings.get(meetingId)?.dispose();
    this.meetings.delete(meetingId);
  }

  /**
   * Replaces a meeting's document with one made from `state` (applied with `origin`): a laptop's
   * edits the server refused (minutes agreed meanwhile elsewhere) cannot be taken out of a Yjs
   * document, so the document is made again without them (see agreedEdit.ts).
   */
  replaceMeeting(meetingId: string, state: Uint8Array, origin: unknown): MeetingReplica {
    this.meetings.get(meetingId)?.dispose();
    this.meetings.delete(meetingId);
    const replica = this.make(meetingId, false);
    this.applyUpdate(replica.name, state, origin);
    return replica;
  }

  /**
   * Makes a document again from `state` (what the file holds; none: it was never committed, and is
   * forgotten): a rolled-back write's changes cannot be taken out of a Yjs document (writeOutbox.ts).
   */
  rebuild(name: string, state: Uint8Array | undefined, origin: unknown): void {
    const address = parseDocName(name);
    if (address.boardId !== this.boardId) throw new Error(`The document ${name} belongs to another board.`);
    if (address.kind === 'meeting') {
      if (state) {
        this.replaceMeeting(address.meetingId, state, origin);
      } else {
        this.meetings.get(address.meetingId)?.dispose();
        this.meetings.delete(address.meetingId);
        this.known.delete(address.meetingId);
      }
      return;
    }
    this.board.destroy();
    this.board = new Y.Doc();
    this.onDoc?.(this.boardName, this.board);
    if (state) Y.applyUpdate(this.board, state, origin);
  }

  /** Every meeting the board has a document of, in memory or in the file. */
  meetingIds(): string[] {
    return [...new Set([...this.meetings.keys(), ...this.known])];
  }

  /** The meetings whose documents are in memory now. */
  loadedIds(): string[] {
    return [...this.meetings.keys()];
  }

  /** The document of a name (the board's own, or one of its meetings'), made when first named. */
  doc(name: string): Y.Doc {
    const address = parseDocName(name);
    if (address.boardId !== this.boardId) throw new Error(`The document ${name} belongs to another board.`);
    return address.kind === 'board' ? this.board : this.meeting(address.meetingId).doc;
  }

  /** Applies one update to the named document; a malformed update throws and changes nothing. */
  applyUpdate(name: string, update: Uint8Array, origin: unknown): void {
    const address = parseDocName(name);
    if (address.boardId !== this.boardId) throw new Error(`The document ${name} belongs to another board.`);
    if (address.kind === 'board') {
      Y.applyUpdate(this.board, update, origin);
      return;
    }
    const replica = this.meeting(address.meetingId);
    // Decoding first both finds the discussions to bind and refuses a corrupted update before any of it is applied.
    for (const itemId of discussionRootsIn(update)) replica.discussion(itemId);
    Y.applyUpdate(replica.doc, update, origin);
  }

  /** Every document of the board, by name, the board's first; those only in the file are made in memory. */
  docs(): Array<[string, Y.Doc]> {
    return [[this.boardName, this.board], ...this.meetingIds().map((id): [string, Y.Doc] => [meetingDocName(this.boardId, id), this.meeting(id).doc])];
  }

  /** The documents of the board in memory now, by name: the board's first. */
  loadedDocs(): Array<[string, Y.Doc]> {
    return [[this.boardName, this.board], ...[...this.meetings.values()].map((m): [string, Y.Doc] => [m.name, m.doc])];
  }

  dispose(): void {
    this.disposed = true;
    for (const m of this.meetings.values()) m.dispose();
    this.board.destroy();
  }
}
