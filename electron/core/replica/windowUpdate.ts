// A window's edit of a shared meeting's discussions, as a Yjs update: checked on a scratch copy
// of the document first (a damaged update, one out of step with the document, or one that writes
// anything but this meeting's discussions is refused and changes nothing), then applied to core's
// document and projected into the tables by the same projection as the sync server's updates,
// in one write: one writer of the tables from the documents. A discussion made longer than one
// item's discussion may be is refused, as saveDiscussion refuses it.
import * as Y from 'yjs';
import type { Store } from '../db/open';
import { DomainError, notFound } from '../errors';
import { write } from '../store/write';
import type { SharedBoard } from '../sync/engine';
import { discussionItemId } from '../sync/docNames';
import { LAPTOPS_ROOT, LOCAL_ORIGIN } from '../sync/mirror';
import { projectDocs, type ProjectionLog } from '../sync/project';
import { derivedDiscussionText } from '../store/discussionText';
import { readDiscussionJson } from '../store/discussionPacked';
import { WindowOrigin } from './push';
import { BoundDiscussion } from '../sync/discussionDoc';
import { MINUTES_LIMITS } from '../../../shared/contract';
import { discussionPlainText, readDiscussion } from '../../../shared/domain/discussion';

const DAMAGED = 'This change to the discussion could not be read, so it was not saved. Open the meeting again and retype the last words.';
const OUT_OF_STEP = 'This change to the discussion was made on an older copy of the minutes, so it was not saved. Open the meeting again and retype the last words.';
const NOT_DISCUSSION = 'This change touches more than the meeting’s discussions, so it was not saved.';

/** The name of the top-level root a shared type sits in. */
function rootNameOf(doc: Y.Doc, type: { _item: Y.Item | null }): string | null {
  let top = type;
  while (top._item) top = top._item.parent as unknown as { _item: Y.Item | null };
  for (const [name, shared] of doc.share) if ((shared as unknown) === top) return name;
  return null;
}

/** The roots an update would change in `doc` (tried on a copy); throws a clear refusal when it cannot be applied whole. */
export function rootsChangedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new DomainError('invalid_input', DAMAGED, 'update');
  }
  const scratch = new Y.Doc({ gc: false });
  const roots = new Set<string>();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    scratch.on('afterTransaction', (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) roots.add(rootNameOf(scratch, type) ?? '');
    });
    try {
      Y.applyUpdate(scratch, update);
    } catch {
      throw new DomainError('invalid_input', DAMAGED, 'update');
    }
    // Structs whose predecessors this document lacks wait, unapplied: the window's copy is not this one.
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) throw new DomainError('conflict', OUT_OF_STEP, 'update');
  } finally {
    scratch.destroy();
  }
  return roots;
}

/** Refuses an update that would make a discussion longer than one item's discussion may be (read on a copy, its discussions bound first). */
function assertWithinLimit(doc: Y.Doc, update: Uint8Array, itemIds: readonly string[]): void {
  if (itemIds.length === 0) return;
  const scratch = new Y.Doc();
  const bound = itemIds.map((id) => new BoundDiscussion(scratch, id));
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    for (const discussion of bound) {
      const blocks = readDiscussion(discussion.json());
      if (blocks && discussionPlainText(blocks).length > MINUTES_LIMITS.discussionText) {
        throw new DomainError(
          'invalid_input',
          `This discussion is too long to save (at most ${MINUTES_LIMITS.discussionText.toLocaleString('en-GB')} characters). Move some of it into another item or a paper.`,
          'update',
        );
      }
    }
  } finally {
    for (const discussion of bound) discussion.dispose();
    scratch.destroy();
  }
}

/** The Yjs client ids whose changes an update carries (the window's replica). */
const clientsIn = (update: Uint8Array): Set<number> => new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client));

/**
 * What a window's typing logs: this laptop's user edited the discussion (as saveDiscussion logs
 * it, with its length, not its text), never "synced", which means it came from another laptop.
 */
const logTyped: ProjectionLog = (w, changed) => {
  for (const e of changed) {
    if (e.entity !== 'agenda_item') continue;
    const characters = derivedDiscussionText(readDiscussionJson(w.db, e.id)).length;
    w.log({ entity: 'agenda_item', entityId: e.id, action: 'discussion', detail: { characters } });
  }
};

/** Applies a window's update to a shared meeting's document and projects it; returns nothing, or throws a refusal that changed nothing. */
export function applyWindowUpdate(store: Store, board: SharedBoard, meetingId: string, update: Uint8Array, from: string | null): void {
  const meeting = board.replica.meeting(meetingId);
  const items = new Set(store.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
  const touched: string[] = [];
  for (const root of rootsChangedBy(meeting.doc, update)) {
    const itemId = discussionItemId(root);
    if (itemId === null) throw new DomainError('invalid_input', NOT_DISCUSSION, 'update');
    // Deleted meanwhile (here or on another laptop): its discussion is not the minutes' any more.
    if (!items.has(itemId)) throw notFound('agenda item');
    touched.push(itemId);
  }
  assertWithinLimit(meeting.doc, update, touched);
  write(store, (w) => {
    // The window's replica is this laptop: its changes are named after this laptop's user on the
    // others. Signed before the typing goes in, so the other laptops know whose it is on arrival.
    const laptops = meeting.doc.getMap<string>(LAPTOPS_ROOT);
    meeting.doc.transact(() => {
      for (const client of clientsIn(update)) if (laptops.get(String(client)) !== w.actor) laptops.set(String(client), w.actor);
    }, LOCAL_ORIGIN);
    // Stored and sent on by the engine's own listener, as any change core makes to the document.
    board.replica.applyUpdate(meeting.name, update, new WindowOrigin(from));
    projectDocs(w, board.replica, [meetingId], false, undefined, logTyped);
  });
}
