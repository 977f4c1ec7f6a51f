// Deleting an agenda item, undoably (app/undoDeletes.tsx), like a decision or an action: off the
// screen at once with its sub-items, the notice says what went with it, and the delete reaches
// core after the notice, in the meeting's save queue (words still being saved go first). The card
// stays mounted while hidden, so Undo brings it back exactly as typed. Focus goes to the next item
// (or the one before), never to nothing, and not into a text box: Ctrl+Z then undoes at once.
import { call } from '../../api/client';
import { deleteWithUndo } from '../../app/undoDeletes';
import type { MinutesStore } from './minutesStore';
import type { SaveQueue } from './saveQueue';

interface DeleteItem {
  store: MinutesStore;
  queue: SaveQueue;
  notify: (message: string | null) => void;
  origin: string;
  itemId: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Item 2 deleted, with its 2 sub-items and 3 actions": what the notice says went. */
export function itemDeletedMessage(store: MinutesStore, itemId: string): string {
  const item = store.getItem(itemId);
  const subs = store.getOutline().filter((e) => e.parentId === itemId);
  const actions = [item, ...subs.map((s) => store.getItem(s.id))].reduce((n, i) => n + (i?.actions.length ?? 0), 0);
  const withIt = [subs.length ? plural(subs.length, 'sub-item', 'sub-items') : '', actions ? plural(actions, 'action', 'actions') : ''].filter(Boolean);
  return `Item ${item?.number ?? ''} deleted${withIt.length ? `, with its ${withIt.join(' and ')}` : ''}`;
}

/** The card to put focus on once an item goes: the next one on screen, else the one before. */
function neighbourOf(store: MinutesStore, itemId: string): string | null {
  const visible = store.getOutline();
  const at = visible.findIndex((e) => e.id === itemId);
  const after = visible.slice(at + 1).find((e) => e.parentId !== itemId);
  return after?.id ?? visible[at - 1]?.id ?? null;
}

export function deleteItem({ store, queue, notify, origin, itemId }: DeleteItem): void {
  let hidden: { restore: () => void } | null = null;
  const message = itemDeletedMessage(store, itemId);
  const neighbour = neighbourOf(store, itemId);
  deleteWithUndo({
    message,
    hide: () => {
      hidden = store.hideItem(itemId);
      const card = neighbour ? document.querySelector<HTMLElement>(`[data-item-card="${neighbour}"]`) : null;
      (card ?? document.querySelector<HTMLElement>('.minutes-bar [data-add="item"]'))?.focus();
    },
    restore: () => hidden?.restore(),
    commit: async () => {
      const change = await queue.run(() => call('deleteAgendaItem', { itemId }, { origin }));
      store.setOutline(change.outline);
      store.forgetItem(itemId);
    },
    onRefused: (reason) => notify(reason),
  });
}
