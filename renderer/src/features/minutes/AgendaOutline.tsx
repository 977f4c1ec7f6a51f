// The agenda at a glance beside the minutes: jump to an item, or drag one to a new place
// (above or below another item, or onto a main item to make it a sub-item). The keyboard
// does the same with Alt+Shift+arrows inside an item.
import { memo, useState, useSyncExternalStore } from 'react';
import type { AgendaOutlineEntry } from '../../../../shared/contract';
import type { MinutesStore } from './minutesStore';

export type DropZone = 'before' | 'after' | 'into';

interface AgendaOutlineProps {
  store: MinutesStore;
  canMove: boolean;
  onOpen: (itemId: string) => void;
  onDrop: (itemId: string, target: AgendaOutlineEntry, zone: DropZone) => void;
}

const DRAG_TYPE = 'application/x-matters-arising-item';

export const AgendaOutline = memo(function AgendaOutline({ store, canMove, onOpen, onDrop }: AgendaOutlineProps) {
  // Titles change as they are typed; this list is small, so it simply follows them.
  const titles = useSyncExternalStore(store.subscribe, () => titleSnapshot(store));
  const [dragging, setDragging] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; zone: DropZone } | null>(null);
  if (titles.entries.length === 0) return null;
  return (
    <nav className="agenda-outline" aria-label="Agenda">
      <h2 className="outline-title">Agenda</h2>
      <ol>
        {titles.entries.map((e) => (
          <li
            key={e.id}
            className={[
              `depth-${e.depth}`,
              dragging === e.id ? 'dragging' : '',
              hover?.id === e.id ? `drop-${hover.zone}` : '',
            ].join(' ')}
            draggable={canMove}
            onDragStart={(ev) => {
              ev.dataTransfer.setData(DRAG_TYPE, e.id);
              ev.dataTransfer.effectAllowed = 'move';
              setDragging(e.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setHover(null);
            }}
            onDragOver={(ev) => {
              if (!dragging || dragging === e.id) return;
              ev.preventDefault();
              const rect = ev.currentTarget.getBoundingClientRect();
              const y = (ev.clientY - rect.top) / rect.height;
              const zone: DropZone = y < 0.3 ? 'before' : y > 0.7 || e.depth > 1 ? 'after' : 'into';
              if (hover?.id !== e.id || hover.zone !== zone) setHover({ id: e.id, zone });
            }}
            onDragLeave={() => setHover((h) => (h?.id === e.id ? null : h))}
            onDrop={(ev) => {
              ev.preventDefault();
              const id = ev.dataTransfer.getData(DRAG_TYPE) || dragging;
              const zone = hover?.zone ?? 'after';
              setDragging(null);
              setHover(null);
              if (id && id !== e.id) onDrop(id, e, zone);
            }}
          >
            <button type="button" className="outline-link" onClick={() => onOpen(e.id)}>
              <span className="outline-number">{e.number}</span>{' '}
              <span className="outline-text">{e.title || <em>Untitled</em>}</span>
            </button>
          </li>
        ))}
      </ol>
      {canMove ? <p className="outline-hint">Drag an item to move it; drop it on a main item to make it a sub-item.</p> : null}
    </nav>
  );
});

interface TitleSnapshot {
  outline: AgendaOutlineEntry[];
  key: string;
  entries: Array<AgendaOutlineEntry & { title: string }>;
}
const snapshots = new WeakMap<MinutesStore, TitleSnapshot>();

/** A stable snapshot that changes only when the outline or a title changes. */
function titleSnapshot(store: MinutesStore): TitleSnapshot {
  const outline = store.getOutline();
  const entries = store.titles();
  const key = entries.map((e) => `${e.id}\u0000${e.number}\u0000${e.title}`).join('\u0001');
  const previous = snapshots.get(store);
  if (previous && previous.outline === outline && previous.key === key) return previous;
  const next = { outline, key, entries };
  snapshots.set(store, next);
  return next;
}
