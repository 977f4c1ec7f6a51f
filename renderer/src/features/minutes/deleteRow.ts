// Deleting a decision or an action from the minutes, undoably (app/undoDeletes.tsx): off the
// screen at once, deleted in core after the notice, in the meeting's save queue so any words
// still being saved go first. Focus moves to the item's "+ Decision" / "+ Action" button, so the
// keyboard is never left on nothing.
import { deleteWithUndo } from '../../app/undoDeletes';
import type { MinutesStore } from './minutesStore';
import type { SaveQueue } from './saveQueue';

interface DeleteRow {
  store: MinutesStore;
  queue: SaveQueue;
  notify: (message: string | null) => void;
  itemId: string;
  rowId: string;
  /** The row's fields in the save queue: their parked failures go with it. */
  keys: readonly string[];
  what: 'Decision' | 'Action';
  remove: () => Promise<unknown>;
}

export function deleteRow({ store, queue, notify, itemId, rowId, keys, what, remove }: DeleteRow): void {
  let hidden: { restore: () => void } | null = null;
  deleteWithUndo({
    message: `${what} deleted`,
    hide: () => {
      hidden = store.hideRow(itemId, rowId);
      const button = document.querySelector<HTMLElement>(`[data-item-card="${itemId}"] [data-add="${what.toLowerCase()}"]`);
      button?.focus();
    },
    restore: () => hidden?.restore(),
    commit: async () => {
      await queue.run(remove);
      for (const k of keys) queue.clearFailure(k);
      store.forgetRow(rowId);
    },
    onRefused: (message) => notify(message),
  });
}
