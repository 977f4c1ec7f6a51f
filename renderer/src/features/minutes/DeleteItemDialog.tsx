// Asking before an agenda item goes: what goes with it (its sub-items, discussion, decisions
// and actions) and that the items after it are renumbered.
import { Dialog } from '../../app/Dialog';
import type { MinutesStore } from './minutesStore';

export function DeleteItemDialog({ store, itemId, onCancel, onConfirm }: { store: MinutesStore; itemId: string; onCancel: () => void; onConfirm: () => void }) {
  const item = store.getItem(itemId);
  const subs = store.getOutline().filter((e) => e.parentId === itemId);
  const actions = [item, ...subs.map((s) => store.getItem(s.id))].flatMap((i) => i?.actions ?? []);
  return (
    <Dialog title={`Delete item ${item?.number ?? ''}?`} submitLabel="Delete item" busy={false} error={null} onCancel={onCancel} onSubmit={onConfirm}>
      <p>
        {item?.title ? `“${item.title}”` : 'This untitled item'} will be deleted with its discussion and decisions
        {subs.length ? `, and its ${subs.length} sub-item${subs.length === 1 ? '' : 's'}` : ''}.
      </p>
      {actions.length ? (
        <p>
          Its {actions.length === 1 ? 'action' : `${actions.length} actions`} ({actions.map((a) => a.reference).join(', ')}) will be deleted too. Their references are
          never given to another action.
        </p>
      ) : null}
      <p className="field-hint">The items after it are renumbered.</p>
    </Dialog>
  );
}
