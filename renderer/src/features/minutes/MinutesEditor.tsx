// The minutes editor: the agenda items of a meeting with their discussion, decisions and
// actions, typed live in the meeting. No Save button: everything goes through the meeting's
// save queue and the status line says when it is safe. Keyboard first (see shortcuts.ts).
// What other screens change reaches it through liveMinutes.ts.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { $getSelection, type LexicalEditor } from 'lexical';
import type { AgendaOutlineEntry, Minutes, MinutesItem } from '../../../../shared/contract';
import type { OwnerDirectory } from '../../../../shared/domain/owners';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Dialog } from '../../app/Dialog';
import { MOD_LABEL } from '../../editor/shortcutsLabel';
import { AgendaItemCard } from './AgendaItemCard';
import { AgendaOutline, type DropZone } from './AgendaOutline';
import { MinutesContext, type MinutesContextValue } from './context';
import {
  actionDetailsSelector,
  actionOwnersSelector,
  beginTypeAhead,
  captureTypeAhead,
  decisionSelector,
  endTypeAhead,
  focusedItemId,
  focusWhenReady,
  itemTitleSelector,
} from './focus';
import { followMinutes, minutesOrigin, readMinutes } from './liveMinutes';
import { MinutesStore, toActionState, useMeta, useOutline, type ItemState } from './minutesStore';
import { MinutesStyleDialog } from './MinutesStyleDialog';
import { SaveStatusLine } from './SaveStatusLine';
import { saveQueueFor } from './saveQueue';
import { ShortcutSheet } from './ShortcutSheet';
import { matchShortcut, type ShortcutId } from './shortcuts';

export function MinutesEditor({ meetingId }: { meetingId: string }) {
  // Read once as the meeting opens; from then on the workspace follows changes itself (only a
  // data file replaced reads this again, and the workspace, keyed by meeting, keeps its own).
  const minutes = useLiveQuery(() => readMinutes(meetingId, saveQueueFor(meetingId)), [meetingId], { watches: [] });
  if (minutes.error && !minutes.data) {
    return (
      <p className="form-error" role="alert">
        The minutes could not be opened: {minutes.error.message}
      </p>
    );
  }
  if (!minutes.data) return <div className="minutes-loading" aria-busy="true" />;
  return <MinutesWorkspace key={meetingId} initial={minutes.data} />;
}

const toItemState = (item: MinutesItem): ItemState => {
  const { discussionJson: _json, discussionText: _text, actions, ...rest } = item;
  return { ...rest, actions: actions.map(toActionState) };
};

function MinutesWorkspace({ initial }: { initial: Minutes }) {
  const meetingId = initial.meeting.id;
  const [store] = useState(() => new MinutesStore(initial));
  const queue = saveQueueFor(meetingId);
  const outline = useOutline(store);
  const meta = useMeta(store);
  const editors = useRef(new Map<string, LexicalEditor>());
  const lastItem = useRef<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState(false);
  const [styleOpen, setStyleOpen] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  const registerEditor = useCallback((itemId: string, editor: LexicalEditor | null) => {
    if (editor) editors.current.set(itemId, editor);
    else editors.current.delete(itemId);
  }, []);
  const roster = meta.roster;
  const ctx = useMemo<MinutesContextValue>(() => {
    const current = roster.members.filter((m) => m.current);
    const directory: OwnerDirectory = { members: current, groups: roster.groups };
    return {
      meetingId,
      store,
      queue,
      directory,
      knownInitials: current.map((m) => m.initials),
      registerEditor,
      notify: setNotice,
      origin: minutesOrigin(meetingId),
    };
  }, [roster, meetingId, store, queue, registerEditor]);

  useEffect(() => followMinutes(meetingId, store, queue), [meetingId, store, queue]);

  // Leaving the window, the page or the app sends whatever is waiting at once.
  useEffect(() => {
    const flush = (): void => void queue.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      flush();
      // In a browser, ask before leaving with changes still on their way (the desktop app
      // sends them before its window closes).
      if (queue.hasUnsaved() && !window.api) e.preventDefault();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [queue]);

  const structureLocked = meta.locked.structure;
  const contentLocked = meta.locked.content;

  const currentItem = (): AgendaOutlineEntry | undefined => {
    const id = focusedItemId() ?? lastItem.current;
    return store.getOutline().find((e) => e.id === id);
  };

  const failed = (err: unknown): void => {
    endTypeAhead();
    setNotice(err instanceof Error ? err.message : String(err));
  };

  const addItem = async (asSubItem: boolean): Promise<void> => {
    if (structureLocked) return setNotice(structureLocked);
    const current = currentItem();
    let parentId: string | null = null;
    let afterItemId: string | null = current?.id ?? null;
    if (asSubItem && current) {
      if (current.depth === 1) {
        parentId = current.id;
        const children = store.getOutline().filter((e) => e.parentId === current.id);
        afterItemId = children.length ? (children[children.length - 1] as AgendaOutlineEntry).id : null;
      } else {
        parentId = current.parentId;
      }
    } else if (current && current.depth === 2) {
      // A new item next to a sub-item is its sibling: 1a, then 1b.
      parentId = current.parentId;
    }
    beginTypeAhead();
    try {
      const result = await queue.run(() => call('addAgendaItem', { meetingId, parentId, afterItemId }, { origin: ctx.origin }));
      store.addItem(toItemState(result.item), result.outline);
      lastItem.current = result.item.id;
      setNotice(null);
      focusWhenReady(itemTitleSelector(result.item.id));
    } catch (err) {
      failed(err);
    }
  };

  const move = async (itemId: string, parentId: string | null, position: number): Promise<void> => {
    if (structureLocked) return setNotice(structureLocked);
    const active = document.activeElement as HTMLElement | null;
    try {
      const change = await queue.run(() => call('moveAgendaItem', { itemId, parentId, position }, { origin: ctx.origin }));
      store.setOutline(change.outline);
      setNotice(null);
      // Moving an element in the page takes focus away from it: put it back.
      requestAnimationFrame(() => {
        if (active && document.activeElement !== active) active.focus();
        document.querySelector(`[data-item-card="${itemId}"]`)?.scrollIntoView({ block: 'nearest' });
      });
    } catch (err) {
      failed(err);
    }
  };

  const siblingsOf = (parentId: string | null, except?: string): AgendaOutlineEntry[] =>
    store
      .getOutline()
      .filter((e) => e.parentId === parentId && e.id !== except)
      .sort((a, b) => a.position - b.position);

  const moveBy = (delta: -1 | 1): void => {
    const current = currentItem();
    if (!current) return;
    const target = current.position + delta;
    if (target < 0 || target >= siblingsOf(current.parentId).length) return;
    void move(current.id, current.parentId, target);
  };

  const indent = (): void => {
    const current = currentItem();
    if (!current || current.depth !== 1) return;
    const above = siblingsOf(null).filter((e) => e.position < current.position).pop();
    if (!above) return setNotice('The first item cannot become a sub-item: there is no item above it.');
    void move(current.id, above.id, siblingsOf(above.id).length);
  };

  const outdent = (): void => {
    const current = currentItem();
    if (!current || current.depth !== 2 || !current.parentId) return;
    const parent = store.getOutline().find((e) => e.id === current.parentId);
    void move(current.id, null, (parent?.position ?? 0) + 1);
  };

  const dropOn = (itemId: string, target: AgendaOutlineEntry, zone: DropZone): void => {
    if (zone === 'into' && target.depth === 1) {
      void move(itemId, target.id, siblingsOf(target.id, itemId).length);
      return;
    }
    const siblings = siblingsOf(target.parentId, itemId);
    const at = siblings.findIndex((s) => s.id === target.id);
    void move(itemId, target.parentId, zone === 'before' ? at : at + 1);
  };

  const selectedText = (itemId: string): string => {
    const editor = editors.current.get(itemId);
    if (!editor || !editor.getRootElement()?.contains(document.activeElement)) return '';
    // The page's selection is current at once; Lexical's follows it a moment later (on
    // selectionchange), so a click that just collapsed it may not have reached Lexical yet.
    if (window.getSelection()?.isCollapsed !== false) return '';
    return editor.getEditorState().read(() => $getSelection()?.getTextContent() ?? '').trim();
  };

  const addAgreed = async (kind: 'action' | 'decision'): Promise<void> => {
    if (contentLocked) return setNotice(contentLocked);
    const current = currentItem();
    if (!current) return setNotice(`Choose an item first: the ${kind} goes under the item you are in.`);
    const text = selectedText(current.id).slice(0, 5000);
    beginTypeAhead();
    try {
      if (kind === 'action') {
        const action = await queue.run(() => call('addAction', { itemId: current.id, details: text || undefined }, { origin: ctx.origin }));
        store.updateItem(current.id, (item) => ({ actions: [...item.actions, toActionState(action)] }));
        focusWhenReady(text ? actionOwnersSelector(action.id) : actionDetailsSelector(action.id));
      } else {
        const decision = await queue.run(() => call('addDecision', { itemId: current.id, text: text || undefined }, { origin: ctx.origin }));
        store.updateItem(current.id, (item) => ({ decisions: [...item.decisions, decision] }));
        focusWhenReady(decisionSelector(decision.id));
      }
      setNotice(null);
    } catch (err) {
      failed(err);
    }
  };

  const goTo = (delta: -1 | 1): void => {
    const list = store.getOutline();
    const current = currentItem();
    const index = current ? list.findIndex((e) => e.id === current.id) + delta : 0;
    const next = list[Math.max(0, Math.min(list.length - 1, index))];
    if (next) focusWhenReady(itemTitleSelector(next.id));
  };

  const run = (id: ShortcutId): void => {
    switch (id) {
      case 'newItem':
        return void addItem(false);
      case 'newSubItem':
        return void addItem(true);
      case 'newAction':
        return void addAgreed('action');
      case 'newDecision':
        return void addAgreed('decision');
      case 'nextItem':
        return goTo(1);
      case 'previousItem':
        return goTo(-1);
      case 'moveUp':
        return moveBy(-1);
      case 'moveDown':
        return moveBy(1);
      case 'indent':
        return indent();
      case 'outdent':
        return outdent();
      case 'help':
        return setSheet(true);
    }
  };

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if ((e.target as Element | null)?.closest?.('dialog')) return;
    const id = matchShortcut(e);
    if (!id) {
      captureTypeAhead(e);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    run(id);
  });
  const onFocusIn = useEffectEvent(() => {
    const id = focusedItemId();
    if (id) lastItem.current = id;
  });
  useEffect(() => {
    const keydown = (e: KeyboardEvent): void => onKeyDown(e);
    const focusin = (): void => onFocusIn();
    // Capture: our shortcuts come before the editor's own keys (Ctrl+Enter is not a new paragraph).
    document.addEventListener('keydown', keydown, true);
    document.addEventListener('focusin', focusin);
    return () => {
      document.removeEventListener('keydown', keydown, true);
      document.removeEventListener('focusin', focusin);
    };
  }, []);

  const requestDelete = useCallback((itemId: string) => setDeleting(itemId), []);
  const deleteItem = async (itemId: string): Promise<void> => {
    try {
      const change = await queue.run(() => call('deleteAgendaItem', { itemId }, { origin: ctx.origin }));
      store.setOutline(change.outline);
      setDeleting(null);
      setNotice(null);
    } catch (err) {
      setDeleting(null);
      failed(err);
    }
  };
  const openItem = useCallback((itemId: string) => focusWhenReady(itemTitleSelector(itemId)), []);
  // The agenda list is memoised: it gets one stable callback that always runs the latest dropOn.
  const latestDrop = useRef(dropOn);
  useEffect(() => {
    latestDrop.current = dropOn;
  });
  const stableDrop = useCallback((itemId: string, target: AgendaOutlineEntry, zone: DropZone) => latestDrop.current(itemId, target, zone), []);

  return (
    <MinutesContext.Provider value={ctx}>
      <section className="minutes" aria-label="Minutes">
        <div className="minutes-bar">
          <SaveStatusLine queue={queue} />
          <div className="minutes-bar-actions">
            <button type="button" className="button subtle" onClick={() => setSheet(true)} title={`Keyboard shortcuts (${MOD_LABEL}+/)`}>
              Shortcuts
            </button>
            <button type="button" className="button subtle" onClick={() => setStyleOpen(true)}>
              Numbering and references
            </button>
            {structureLocked ? null : (
              <button type="button" className="button primary" onClick={() => void addItem(false)} title={`New agenda item (${MOD_LABEL}+Enter)`}>
                Add item
              </button>
            )}
          </div>
        </div>
        {notice ? (
          <p className="form-error minutes-notice" role="alert">
            {notice}{' '}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
        {structureLocked && !contentLocked ? <p className="lock-note">{structureLocked}</p> : null}
        {contentLocked ? <p className="lock-note">{contentLocked}</p> : null}
        <div className="minutes-layout">
          <AgendaOutline store={store} canMove={!structureLocked} onOpen={openItem} onDrop={stableDrop} />
          <div className="minutes-items-column">
            {outline.length === 0 ? (
              <div className="empty-state">
                <h3>No agenda items yet</h3>
                <p>
                  Press <kbd>{MOD_LABEL}</kbd>+<kbd>Enter</kbd> or choose <strong>Add item</strong> to start the minutes. Everything you type is saved as you go.
                </p>
              </div>
            ) : (
              <ol className="minutes-items">
                {outline.map((e) => (
                  <AgendaItemCard key={e.id} itemId={e.id} onDelete={requestDelete} />
                ))}
              </ol>
            )}
          </div>
        </div>
      </section>
      {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
      {styleOpen ? (
        <MinutesStyleDialog
          boardId={meta.meeting.boardId}
          meetingDate={meta.meeting.date}
          numbering={meta.numbering}
          referenceFormat={meta.referenceFormat}
          onCancel={() => setStyleOpen(false)}
          // The new numbers come from core, through the board's change: the editors stay as they are.
          onSaved={() => setStyleOpen(false)}
        />
      ) : null}
      {deleting ? <DeleteItemDialog store={store} itemId={deleting} onCancel={() => setDeleting(null)} onConfirm={() => void deleteItem(deleting)} /> : null}
    </MinutesContext.Provider>
  );
}

function DeleteItemDialog({ store, itemId, onCancel, onConfirm }: { store: MinutesStore; itemId: string; onCancel: () => void; onConfirm: () => void }) {
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
