// The board document's change mark of each meeting (app data in the board's Y.Doc, synced like
// its rows): the state vector of the meeting's document as the last laptop to change it, or to
// catch up on it, held it once the server had it. A laptop whose own copy already holds all that a
// mark names has nothing to fetch for that meeting, so a board of 25 years connects with the board's
// document and the few meetings that changed (see listedMeetings.ts), not every meeting it has.
import * as Y from 'yjs';
import { LAPTOPS_ROOT } from './mirror';

/** The board document's map: meeting id -> the meeting document's state vector as JSON ({client: clock}). */
export const MEETING_MARKS_ROOT = 'meeting_marks';

/** Where a laptop's copy of the meeting's document stands, as Yjs client -> clock. */
export type StateVector = Map<number, number>;

const marks = (board: Y.Doc): Y.Map<string> => board.getMap<string>(MEETING_MARKS_ROOT);

/** The mark's text for a meeting, or undefined when none was written (a board shared before marks). */
export function markText(board: Y.Doc, meetingId: string): string | undefined {
  const text = marks(board).get(meetingId);
  return typeof text === 'string' ? text : undefined;
}

function decode(text: string): StateVector | null {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const sv: StateVector = new Map();
    for (const [client, clock] of Object.entries(parsed)) {
      if (typeof clock !== 'number' || !Number.isInteger(clock) || !/^\d+$/.test(client)) return null;
      sv.set(Number(client), clock);
    }
    return sv;
  } catch {
    // A mark that cannot be read names nothing this laptop can be sure it holds.
    return null;
  }
}

/** Whether `held` holds everything `mark` names (every client's changes as far as the mark's clock). */
export function holdsAll(held: StateVector, mark: StateVector): boolean {
  for (const [client, clock] of mark) if ((held.get(client) ?? 0) < clock) return false;
  return true;
}

/** Whether a copy at `held` has everything the meeting's mark names (false with no mark, or one that cannot be read). */
export function inStepWithMark(board: Y.Doc, meetingId: string, held: StateVector): boolean {
  const text = markText(board, meetingId);
  if (text === undefined) return false;
  const mark = decode(text);
  return mark !== null && holdsAll(held, mark);
}

/** Whether the meeting's mark names something a copy at `held` lacks (false with no mark, or one that cannot be read). */
export function lacksMark(board: Y.Doc, meetingId: string, held: StateVector): boolean {
  const text = markText(board, meetingId);
  const mark = text === undefined ? null : decode(text);
  return mark !== null && !holdsAll(held, mark);
}

/**
 * Sets the meeting's mark to `held` (a copy the server has in full) when the mark does not already
 * name all of it: concurrent marks are won by one laptop's, so a laptop whose changes the kept mark
 * misses writes it again, and every laptop learns there is something to fetch. True when written.
 */
export function markIfAhead(board: Y.Doc, meetingId: string, held: StateVector): boolean {
  const text = markText(board, meetingId);
  const mark = text === undefined ? null : decode(text);
  if (mark && holdsAll(mark, held)) return false;
  marks(board).set(meetingId, JSON.stringify(Object.fromEntries([...held].sort((a, b) => a[0] - b[0]))));
  return true;
}

/** The state vector of a copy held as a (merged) update, without making it a document. */
export function vectorOfUpdate(update: Uint8Array): StateVector {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
}

/** The state vector of a document in memory. */
export function vectorOfDoc(doc: Y.Doc): StateVector {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Whether a transaction inserted anything (a deletion alone leaves the state vector as it was). */
export function inserted(tr: Y.Transaction): boolean {
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

/**
 * After a local change that only deleted: this laptop's entry in the document's list of laptops is
 * written again (one small insert, with `origin`), so the state vector moves on and the mark this
 * laptop writes tells the others there is something to fetch. A deletion alone would not.
 */
export function bumpAfterDeletion(doc: Y.Doc, actor: string, origin: unknown): void {
  doc.transact(() => {
    const laptops = doc.getMap<string>(LAPTOPS_ROOT);
    const me = String(doc.clientID);
    laptops.set(me, laptops.get(me) ?? actor);
  }, origin);
}
