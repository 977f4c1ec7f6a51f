// The minutes editor: the agenda items of a meeting with their discussion, decisions and
// actions, typed live in the meeting. No Save button: everything goes through the meeting's
// save queue and the status line says when it is safe. Keyboard first (see shortcuts.ts).
// What other screens change reaches it through liveMinutes.ts.
// Over 400 lines because the shortcuts act in turn, each on where the ones before it took the
// user, through closures over one store, save queue and type-ahead: split across files, the
// rule that orders them would be too.
import { useBoardAcronyms } from './useBoardAcronyms';
import { useMeetingReplica } from '../replica/useMeetingReplica';
import type { MeetingReplica } from '../replica/meetingReplica';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { $createRangeSelectionFromDom, type LexicalEditor } from 'lexical';
import type { AgendaOutlineEntry, Minutes, MinutesItem } from '../../../../shared/contract';
import type { OwnerDirectory } from '../../../../shared/domain/owners';
import { call } from '../../api/client';
import { desktop } from '../../api/desktop';
import { useLiveQuery } from '../../api/useLiveQuery';
import { MOD_LABEL } from '../../editor/shortcutsLabel';
import { AgendaItemCard } from './AgendaItemCard';
import { AgendaOutline, type DropZone } from './AgendaOutline';
import { deleteItem } from './deleteItem';
import { ItemGroups } from './ItemGroups';
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
  type TypeAhead,
} from './focus';
import { followMinutes, minutesOrigin, readMinutes } from './liveMinutes';
import { MinutesStore, toActionState, useFullOutline, useMeta, useOutline, type ItemState } from './minutesStore';
import { MinutesStyleDialog } from './MinutesStyleDialog';
import { SaveStatusLine } from './SaveStatusLine';
import { saveQueueFor } from './saveQueue';
import { ShortcutSheet } from './ShortcutSheet';
import { matchShortcut, type ShortcutId } from './shortcuts';

export function MinutesEditor({ meetingId }: { meetingId: string }) {
  // Read once as the meeting opens; from then on the workspace follows changes itself (only a
  // data file replaced reads this again, and the workspace, keyed by meeting, keeps its own).
  const minutes = useLiveQuery(() => readMinutes(meetingId, saveQueueFor(meetingId)), [meetingId], { watches: [] });
  const shared = useMeetingReplica(meetingId);
  if (minutes.error && !minutes.data) {
    return (
      <p className="form-error" role="alert">
        The minutes could not be opened: {minutes.error.message}
      </p>
    );
  }
  if (!minutes.data || !shared.ready) return <div className="minutes-loading" aria-busy="true" />;
  return <MinutesWorkspace key={meetingId} initial={minutes.data} replica={shared.replica} />;
}

/** Discussion text selected when a shortcut was pressed, and the item it was selected in. */
interface Selected {
  itemId: string | null;
  text: string;
}

const toItemState = (item: MinutesItem): ItemState => {
  const { discussionJson: _json, discussionText: _text, actions, ...rest } = item;
  return { ...rest, actions: actions.map(toActionState) };
};

function MinutesWorkspace({ initial, replica }: { initial: Minutes; replica: MeetingReplica | null }) {
  const meetingId = initial.meeting.id;
  const [store] = useState(() => new MinutesStore(initial));
  const queue = saveQueueFor(meetingId);
  const outline = useOutline(store);
  // Cards are drawn for every item core has: one whose delete waits for its Undo is only hidden.
  const cards = useFullOutline(store);
  const meta = useMeta(store);
  const editors = useRef(new Map<string, LexicalEditor>());
  const lastItem = useRef<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState(false);
  const [styleOpen, setStyleOpen] = useState(false);

  const registerEditor = useCallback((itemId: string, editor: LexicalEditor | null) => {
    if (editor) editors.current.set(itemId, editor);
    else editors.current.delete(itemId);
  }, []);
  const roster = meta.roster;
  const acronyms = useBoardAcronyms(meta.meeting.boardId);
  const ctx = useMemo<MinutesContextValue>(() => {
    const current = roster.members.filter((m) => m.current);
    const directory: OwnerDirectory = { members: current, groups: roster.groups, guests: roster.guests };
    return {
      meetingId,
      store,
      queue,
      directory,
      // The board's own abbreviations are not people either.
      knownInitials: [...current.map((m) => m.initials), ...roster.guests.flatMap((g) => (g.initials ? [g.initials] : [])), ...acronyms],
      registerEditor,
      notify: setNotice,
      origin: minutesOrigin(meetingId),
      replica,
    };
  }, [roster, acronyms, meetingId, store, queue, registerEditor, replica]);

  useEffect(() => followMinutes(meetingId, store, queue), [meetingId, store, queue]);

  // Leaving the window, the page or the app sends whatever is waiting at once.
  useEffect(() => {
    const flush = (): void => void queue.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      flush();
      // In a browser, ask before leaving with changes still on their way. The desktop app
      // holds its window's close until saveEverything() has sent them (closeGuard.ts), and
      // asks there itself about any that could not be saved.
      if (queue.hasUnsaved() && !desktop()) e.preventDefault();
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

  const itemWithId = (id: string | null): AgendaOutlineEntry | undefined => store.getOutline().find((e) => e.id === id);
  /** The item the focus is in, or was last in. */
  const hereNow = (): string | null => focusedItemId() ?? lastItem.current;

  const failed = (err: unknown, wait?: TypeAhead): void => {
    if (wait) endTypeAhead(wait);
    setNotice(err instanceof Error ? err.message : String(err));
  };

  // Shortcuts act one after another, each once what the one before it set going (a new item, a
  // move, a step to the next item) has landed: "this item" is where the keys before it have
  // taken the user, even when the machine is slower than their typing. A click since the last
  // shortcut says where the user is instead.
  const shortcutsDone = useRef<Promise<void>>(Promise.resolve());
  const shortcutsOnTheirWay = useRef(0);
  const clickedSinceShortcut = useRef(false);
  const inTurn = (step: (current: AgendaOutlineEntry | undefined) => Promise<void>, wait?: TypeAhead): void => {
    const pinned = shortcutsOnTheirWay.current === 0 || clickedSinceShortcut.current ? hereNow() : undefined;
    clickedSinceShortcut.current = false;
    shortcutsOnTheirWay.current += 1;
    shortcutsDone.current = shortcutsDone.current
      .then(() => step(itemWithId(pinned === undefined ? hereNow() : pinned)))
      .catch((err: unknown) => failed(err))
      .finally(() => {
        shortcutsOnTheirWay.current -= 1;
        // Whatever became of the field, its wait is over (a no-op once it took focus).
        if (wait) endTypeAhead(wait);
      });
  };

  const addItem = async (asSubItem: boolean, current: AgendaOutlineEntry | undefined, wait: TypeAhead): Promise<void> => {
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
    try {
      const result = await queue.run(() => call('addAgendaItem', { meetingId, parentId, afterItemId }, { origin: ctx.origin }));
      store.addItem(toItemState(result.item), result.outline);
      lastItem.current = result.item.id;
      setNotice(null);
      await focusWhenReady(itemTitleSelector(result.item.id), wait);
    } catch (err) {
      failed(err, wait);
    }
  };

  const newItem = (asSubItem: boolean): void => {
    if (structureLocked) return setNotice(structureLocked);
    const wait = beginTypeAhead();
    inTurn((current) => addItem(asSubItem, current, wait), wait);
  };

  const move = async (itemId: string, parentId: string | null, position: number): Promise<void> => {
    if (structureLocked) return setNotice(structureLocked);
    const active = document.activeElement as HTMLElement | null;
    try {
      const change = await queue.run(() => call('moveAgendaItem', { itemId, parentId, position }, { origin: ctx.origin }));
      store.setOutline(change.outline);
      setNotice(null);
      // Moving an element in the page takes focus away from it: put it back (before the next
      // shortcut asks where the user is).
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          if (active && document.activeElement !== active) active.focus();
          document.querySelector(`[data-item-card="${itemId}"]`)?.scrollIntoView({ block: 'nearest' });
          resolve();
        }),
      );
    } catch (err) {
      failed(err);
    }
  };

  const siblingsOf = (parentId: string | null, except?: string): AgendaOutlineEntry[] =>
    store
      .getOutline()
      .filter((e) => e.parentId === parentId && e.id !== except)
      .sort((a, b) => a.position - b.position);

  const moveBy = async (current: AgendaOutlineEntry | undefined, delta: -1 | 1): Promise<void> => {
    if (!current) return;
    const target = current.position + delta;
    if (target < 0 || target >= siblingsOf(current.parentId).length) return;
    await move(current.id, current.parentId, target);
  };

  const indent = async (current: AgendaOutlineEntry | undefined): Promise<void> => {
    if (!current || current.depth !== 1) return;
    const above = siblingsOf(null).filter((e) => e.position < current.position).pop();
    if (!above) return setNotice('The first item cannot become a sub-item: there is no item above it.');
    await move(current.id, above.id, siblingsOf(above.id).length);
  };

  const outdent = async (current: AgendaOutlineEntry | undefined): Promise<void> => {
    if (!current || current.depth !== 2 || !current.parentId) return;
    const parent = store.getOutline().find((e) => e.id === current.parentId);
    await move(current.id, null, (parent?.position ?? 0) + 1);
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

  // Read from the page's selection, not the editor's: a click moves the page's selection at
  // once, but Lexical only hears of it from a selectionchange event, which comes in a later
  // task, after a key pressed straight away. Lexical still turns the range into text, so
  // paragraphs and lists read as they do everywhere else.
  const selectedText = (itemId: string): string => {
    const editor = editors.current.get(itemId);
    const root = editor?.getRootElement();
    const selection = window.getSelection();
    if (!editor || !root || !selection || selection.isCollapsed || !root.contains(document.activeElement)) return '';
    if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return '';
    return editor.read(() => $createRangeSelectionFromDom(selection, editor)?.getTextContent() ?? '').trim();
  };

  const addAgreed = async (kind: 'action' | 'decision', current: AgendaOutlineEntry | undefined, selected: Selected, wait: TypeAhead): Promise<void> => {
    if (!current) {
      endTypeAhead(wait);
      return setNotice(`Choose an item first: the ${kind} goes under the item you are in.`);
    }
    // The selection belongs to the item it was made in: if the keys before took the user to
    // another item, nothing is selected there.
    const text = selected.itemId === current.id ? selected.text.slice(0, 5000) : '';
    try {
      if (kind === 'action') {
        const action = await queue.run(() => call('addAction', { itemId: current.id, details: text || undefined }, { origin: ctx.origin }));
        store.updateItem(current.id, (item) => ({ actions: [...item.actions, toActionState(action)] }));
        setNotice(null);
        await focusWhenReady(text ? actionOwnersSelector(action.id) : actionDetailsSelector(action.id), wait);
      } else {
        const decision = await queue.run(() => call('addDecision', { itemId: current.id, text: text || undefined }, { origin: ctx.origin }));
        store.updateItem(current.id, (item) => ({ decisions: [...item.decisions, decision] }));
        setNotice(null);
        await focusWhenReady(decisionSelector(decision.id), wait);
      }
    } catch (err) {
      failed(err, wait);
    }
  };

  const newAgreed = (kind: 'action' | 'decision'): void => {
    if (contentLocked) return setNotice(contentLocked);
    // The selection as it is now, when the key is pressed.
    const inItem = focusedItemId();
    const selected: Selected = { itemId: inItem, text: inItem ? selectedText(inItem) : '' };
    const wait = beginTypeAhead();
    inTurn((current) => addAgreed(kind, current, selected, wait), wait);
  };

  const goTo = async (current: AgendaOutlineEntry | undefined, delta: -1 | 1): Promise<void> => {
    const list = store.getOutline();
    const index = current ? list.findIndex((e) => e.id === current.id) + delta : 0;
    const next = list[Math.max(0, Math.min(list.length - 1, index))];
    if (next) await focusWhenReady(itemTitleSelector(next.id));
  };

  const run = (id: ShortcutId): void => {
    switch (id) {
      case 'newItem':
        return newItem(false);
      case 'newSubItem':
        return newItem(true);
      case 'newAction':
        return newAgreed('action');
      case 'newDecision':
        return newAgreed('decision');
      case 'nextItem':
        return inTurn((current) => goTo(current, 1));
      case 'previousItem':
        return inTurn((current) => goTo(current, -1));
      case 'moveUp':
        return inTurn((current) => moveBy(current, -1));
      case 'moveDown':
        return inTurn((current) => moveBy(current, 1));
      case 'indent':
        return inTurn(indent);
      case 'outdent':
        return inTurn(outdent);
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
    const pointerdown = (): void => {
      clickedSinceShortcut.current = true;
    };
    // Capture: our shortcuts come before the editor's own keys (Ctrl+Enter is not a new paragraph).
    document.addEventListener('keydown', keydown, true);
    document.addEventListener('focusin', focusin);
    document.addEventListener('pointerdown', pointerdown, true);
    return () => {
      document.removeEventListener('keydown', keydown, true);
      document.removeEventListener('focusin', focusin);
      document.removeEventListener('pointerdown', pointerdown, true);
    };
  }, []);

  const requestDelete = useCallback((itemId: string) => deleteItem({ store, queue, notify: setNotice, origin: ctx.origin, itemId }), [store, queue, ctx.origin]);
  const openItem = useCallback((itemId: string) => focusWhenReady(itemTitleSelector(itemId)), []);
  // The agenda list is memoised: it gets one stable callback that always runs the latest dropOn.
  const latestDrop = useRef(dropOn);
  useEffect(() => {
    latestDrop.current = dropOn;
  });
  const stableDrop = useCallback((itemId: string, target: AgendaOutlineEntry, zone: DropZone) => latestDrop.current(itemId, target, zone), []);

  return (
    <MinutesContext.Provider value={ctx}>
      <section className={contentLocked ? 'minutes is-record' : 'minutes'} aria-label="Minutes">
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
              <button type="button" className="button primary" data-add="item" onClick={() => newItem(false)} title={`New agenda item (${MOD_LABEL}+Enter)`}>
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
            ) : null}
            {cards.length ? (
              <ItemGroups ids={cards.map((e) => e.id)} renderCard={(id) => <AgendaItemCard itemId={id} onDelete={requestDelete} />} />
            ) : null}
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
    </MinutesContext.Provider>
  );
}
