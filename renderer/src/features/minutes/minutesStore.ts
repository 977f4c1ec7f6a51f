// The minutes on screen: an external store so that a change to one item re-renders that item
// only. Discussion text is not in here at all: each Lexical editor owns its own document and
// saves it itself, so typing a discussion never re-renders React. What other screens change
// comes in through merge() (see liveMinutes.ts), which never touches what is typed here.
import { useSyncExternalStore } from 'react';
import type {
  AgendaItemFields,
  AgendaOutlineEntry,
  Minutes,
  MinutesAction,
  MinutesDecision,
  OwnerMatch,
} from '../../../../shared/contract';

export interface ActionState {
  id: string;
  seq: number;
  reference: string;
  details: string;
  owners: OwnerMatch[];
  /** The due column as typed. */
  dueText: string;
}

export interface ItemState extends AgendaItemFields {
  decisions: MinutesDecision[];
  actions: ActionState[];
}

export type MinutesMeta = Omit<Minutes, 'items'>;

export const toActionState = (a: MinutesAction): ActionState => ({
  id: a.id,
  seq: a.seq,
  reference: a.reference,
  details: a.details,
  owners: a.owners,
  dueText: a.due.text ?? '',
});

export class MinutesStore {
  /** Every item core has, in reading order. */
  private fullOutline: AgendaOutlineEntry[];
  /** The items on screen: the full outline less those whose delete waits for its Undo. */
  private outline: AgendaOutlineEntry[];
  private readonly items = new Map<string, ItemState>();
  /** The saved discussion each editor starts from; never used again after it mounts. */
  private readonly initialDiscussion = new Map<string, { json: string | null; text: string }>();
  private meta: MinutesMeta;
  private readonly listeners = new Set<() => void>();
  /** Decisions and actions deleted here whose delete waits for its Undo (app/undoDeletes.tsx): core still has them. */
  private readonly hidden = new Set<string>();
  /** Items deleted here whose delete waits for its Undo: hidden with their sub-items, their cards kept (and what is typed in them). */
  private readonly hiddenItems = new Set<string>();

  constructor(minutes: Minutes) {
    const { items, ...meta } = minutes;
    this.meta = meta;
    this.fullOutline = items.map(({ id, parentId, position, number, depth }) => ({ id, parentId, position, number, depth }));
    this.outline = this.fullOutline;
    for (const item of items) {
      const { discussionJson, discussionText, decisions, actions, ...fields } = item;
      this.items.set(item.id, { ...fields, decisions, actions: actions.map(toActionState) });
      this.initialDiscussion.set(item.id, { json: discussionJson, text: discussionText });
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  getMeta = (): MinutesMeta => this.meta;
  getOutline = (): AgendaOutlineEntry[] => this.outline;
  /** With the items whose delete waits: their cards stay mounted, hidden, so Undo brings them back as typed. */
  getFullOutline = (): AgendaOutlineEntry[] => this.fullOutline;
  isItemHidden = (id: string): boolean => {
    const entry = this.fullOutline.find((e) => e.id === id);
    return this.hiddenItems.has(id) || (entry !== undefined && entry.parentId !== null && this.hiddenItems.has(entry.parentId));
  };
  getItem = (id: string): ItemState | undefined => this.items.get(id);
  initialDiscussionOf(id: string): { json: string | null; text: string } {
    return this.initialDiscussion.get(id) ?? { json: null, text: '' };
  }

  /**
   * Takes in the minutes as core has them now, read in turn with this editor's own changes (so
   * nothing it added or removed is missed or brought back): the state and locks, numbering,
   * roster and later meetings; which items, decisions and actions there are, and their numbers
   * and references. What is typed here (titles, presenters, discussion, decisions, actions'
   * words, owners and due) stays as it is on screen: this editor saves it, and no other screen
   * edits it.
   */
  merge(fresh: Minutes): void {
    const { items, ...meta } = fresh;
    // Unchanged parts keep their objects, so only what changed re-renders.
    if (JSON.stringify(meta) !== JSON.stringify(this.meta)) this.meta = meta;
    for (const item of items) {
      const { discussionJson, discussionText, decisions, actions, ...fields } = item;
      const mine = this.items.get(item.id);
      if (!mine) {
        this.items.set(item.id, { ...fields, decisions, actions: actions.map(toActionState) });
        this.initialDiscussion.set(item.id, { json: discussionJson, text: discussionText });
        continue;
      }
      const myActions = new Map(mine.actions.map((a) => [a.id, a]));
      const myDecisions = new Map(mine.decisions.map((d) => [d.id, d]));
      const nextDecisions = decisions.filter((d) => !this.hidden.has(d.id)).map((d) => myDecisions.get(d.id) ?? d);
      const nextActions = actions.filter((a) => !this.hidden.has(a.id)).map((a) => {
        const typed = myActions.get(a.id);
        if (!typed) return toActionState(a);
        return typed.seq === a.seq && typed.reference === a.reference ? typed : { ...typed, seq: a.seq, reference: a.reference };
      });
      const same = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
      if (mine.kind !== fields.kind || !same(mine.decisions, nextDecisions) || !same(mine.actions, nextActions)) {
        this.items.set(item.id, { ...mine, kind: fields.kind, decisions: nextDecisions, actions: nextActions });
      }
    }
    const outline = items.map(({ id, parentId, position, number, depth }) => ({ id, parentId, position, number, depth }));
    this.setOutline(JSON.stringify(outline) === JSON.stringify(this.fullOutline) ? this.fullOutline : outline);
  }

  /** A new outline from core: items keep their state, with new numbers and places. */
  setOutline(outline: AgendaOutlineEntry[]): void {
    this.fullOutline = outline;
    this.refreshVisible();
    for (const entry of outline) {
      const item = this.items.get(entry.id);
      if (item && (item.number !== entry.number || item.parentId !== entry.parentId || item.position !== entry.position || item.depth !== entry.depth)) {
        this.items.set(entry.id, { ...item, ...entry });
      }
    }
    const live = new Set(outline.map((e) => e.id));
    for (const id of [...this.items.keys()]) if (!live.has(id)) this.items.delete(id);
    this.emit();
  }

  private refreshVisible(): void {
    const gone = (e: AgendaOutlineEntry): boolean => this.hiddenItems.has(e.id) || (e.parentId !== null && this.hiddenItems.has(e.parentId));
    const visible = this.hiddenItems.size ? this.fullOutline.filter((e) => !gone(e)) : this.fullOutline;
    if (visible.length !== this.outline.length || visible.some((e, i) => e !== this.outline[i])) this.outline = visible;
  }

  /** Takes an item and its sub-items off the screen while its delete waits; `restore` puts them back as they were. */
  hideItem(itemId: string): { restore: () => void } {
    this.hiddenItems.add(itemId);
    this.refreshVisible();
    this.emit();
    return {
      restore: () => {
        this.hiddenItems.delete(itemId);
        this.refreshVisible();
        this.emit();
      },
    };
  }

  /** After core deleted it (and the outline without it came back): it is gone for good. */
  forgetItem(itemId: string): void {
    this.hiddenItems.delete(itemId);
    this.refreshVisible();
    this.emit();
  }

  addItem(item: ItemState, outline: AgendaOutlineEntry[]): void {
    this.items.set(item.id, item);
    this.initialDiscussion.set(item.id, { json: null, text: '' });
    this.setOutline(outline);
  }

  updateItem(id: string, patch: Partial<ItemState> | ((item: ItemState) => Partial<ItemState>)): void {
    const item = this.items.get(id);
    if (!item) return;
    this.items.set(id, { ...item, ...(typeof patch === 'function' ? patch(item) : patch) });
    this.emit();
  }

  /** Takes a decision or action off the screen while its delete waits; `restore` puts it back where it was. */
  hideRow(itemId: string, rowId: string): { restore: () => void } {
    const item = this.items.get(itemId);
    const decisionAt = item?.decisions.findIndex((d) => d.id === rowId) ?? -1;
    const actionAt = item?.actions.findIndex((a) => a.id === rowId) ?? -1;
    const decision = item?.decisions[decisionAt];
    const action = item?.actions[actionAt];
    this.hidden.add(rowId);
    this.updateItem(itemId, (i) => ({ decisions: i.decisions.filter((d) => d.id !== rowId), actions: i.actions.filter((a) => a.id !== rowId) }));
    return {
      restore: () => {
        this.hidden.delete(rowId);
        this.updateItem(itemId, (i) => {
          const decisions = [...i.decisions];
          const actions = [...i.actions];
          if (decision && !decisions.some((d) => d.id === rowId)) decisions.splice(Math.min(decisionAt, decisions.length), 0, decision);
          if (action && !actions.some((a) => a.id === rowId)) actions.splice(Math.min(actionAt, actions.length), 0, action);
          return { decisions, actions };
        });
      },
    };
  }

  /** After core deleted it: it is gone for good. */
  forgetRow(rowId: string): void {
    this.hidden.delete(rowId);
  }

  updateAction(itemId: string, actionId: string, patch: Partial<ActionState>): void {
    this.updateItem(itemId, (item) => ({ actions: item.actions.map((a) => (a.id === actionId ? { ...a, ...patch } : a)) }));
  }

  updateDecision(itemId: string, decisionId: string, text: string): void {
    this.updateItem(itemId, (item) => ({ decisions: item.decisions.map((d) => (d.id === decisionId ? { ...d, text } : d)) }));
  }

  /** Items in reading order with their titles: for the agenda list and the shortcuts. */
  titles(): Array<AgendaOutlineEntry & { title: string }> {
    return this.outline.map((e) => ({ ...e, title: this.items.get(e.id)?.title ?? '' }));
  }
}

export function useOutline(store: MinutesStore): AgendaOutlineEntry[] {
  return useSyncExternalStore(store.subscribe, store.getOutline);
}

export function useFullOutline(store: MinutesStore): AgendaOutlineEntry[] {
  return useSyncExternalStore(store.subscribe, store.getFullOutline);
}

export function useItemHidden(store: MinutesStore, id: string): boolean {
  return useSyncExternalStore(store.subscribe, () => store.isItemHidden(id));
}

export function useItem(store: MinutesStore, id: string): ItemState | undefined {
  return useSyncExternalStore(store.subscribe, () => store.getItem(id));
}

export function useMeta(store: MinutesStore): MinutesMeta {
  return useSyncExternalStore(store.subscribe, store.getMeta);
}
