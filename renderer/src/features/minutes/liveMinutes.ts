// The open minutes follow what other screens change (the header's date, attendance, an item
// taken in from matters arising, a new state, the board's numbering): read in turn with this
// editor's own saves through the meeting's queue, and merged without touching what is typed.
import { changeFeed, type Watch } from '../../api/changes';
import { call } from '../../api/client';
import { LiveQuery } from '../../api/liveQuery';
import type { MinutesStore } from './minutesStore';
import type { SaveQueue } from './saveQueue';

/** The editor's own calls: what they change is on screen already, so it does not read again for them. */
export const minutesOrigin = (meetingId: string): string => `minutes:${meetingId}`;

/** What the minutes show: the meeting (date, state), the board's numbering, items, decisions, the roster for owners. */
const watches = (meetingId: string): Watch[] => [{ entity: 'meeting', ids: [meetingId] }, 'board', 'agenda_item', 'decision', 'roster_member', 'group'];

/** The minutes as the meeting opens, read after any save of it still on its way. */
export function readMinutes(meetingId: string, queue: SaveQueue) {
  return queue.read(() => call('getMinutes', { meetingId }));
}

/** Keeps `store` up to date from now on; returns the function that stops it. */
export function followMinutes(meetingId: string, store: MinutesStore, queue: SaveQueue): () => void {
  const live = new LiveQuery(
    // The merge happens inside the queue's turn, before any later change of this editor is sent.
    () => queue.read(async () => store.merge(await call('getMinutes', { meetingId }))),
    { watches: watches(meetingId), origin: minutesOrigin(meetingId) },
    changeFeed,
  );
  return live.start(false);
}
