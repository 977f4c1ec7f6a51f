// The one way a row on a live-query screen (a declaration, an interest, a progress update, a
// roster member, a group) is deleted: through app/undoDeletes.tsx, like the minutes' rows. The
// screen hides the row at once and draws it again on Undo; the delete reaches core after the
// notice, and the screen's live query then reads the list without it.
import { useCallback, useState } from 'react';
import { deleteWithUndo } from './undoDeletes';

export interface UndoableDelete {
  /** The row's id: hidden while its delete waits. */
  id: string;
  /** "Declaration removed", "Update deleted": what the notice says. */
  message: string;
  /** Deletes it in core; a rejection brings the row back and shows why. */
  commit: () => Promise<unknown>;
  /** Where focus goes once the row is off the screen (the button that went with it cannot keep it). */
  focusAfter?: () => HTMLElement | null | undefined;
}

export function useUndoableDelete(): {
  /** Ids whose delete waits for its Undo: leave them out of the list. */
  hidden: ReadonlySet<string>;
  remove: (what: UndoableDelete) => void;
  /** Why the last delete was refused (the row is back). */
  refused: string | null;
} {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [refused, setRefused] = useState<string | null>(null);
  const show = useCallback((id: string, on: boolean) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const remove = useCallback(
    ({ id, message, commit, focusAfter }: UndoableDelete) => {
      setRefused(null);
      deleteWithUndo({
        message,
        hide: () => {
          const target = focusAfter?.();
          show(id, true);
          // After React has taken the row away, so focus does not land on a button being removed.
          requestAnimationFrame(() => target?.focus());
        },
        restore: () => show(id, false),
        // Once deleted it stays hidden (ids are never reused), so it cannot flash back before the
        // live query has read the list without it.
        commit: async () => void (await commit()),
        onRefused: (reason) => setRefused(reason),
      });
    },
    [show],
  );
  return { hidden, remove, refused };
}
