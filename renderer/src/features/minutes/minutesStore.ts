// The minutes on screen: an external store so that a change to one item re-renders that item
// only. Discussion text is not in here at all: each Lexical editor owns its own document and
// saves it itself, so typing a discussion never re-renders React.
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
  private outline: AgendaOutlineEntry[];
  private readonly items = new Map<string, ItemState>();
  /** The saved discussion each editor starts from; never used again after it mounts. */
  private readonly initialDiscussion = new Map<string, { json: string | null; text: string }>();
  private meta: MinutesMeta;
  private readonly listeners = new Set<() => void>();

  constructor(minutes: Minutes) {
    const { items, ...meta } = minutes;
    this.meta = meta;
    this.outline = items.map(({ id, parentId, position, number, depth }) => ({ id, parentId, position, number, depth }));
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
  getItem = (id: string): ItemState | undefined => this.items.get(id);
  initialDiscussionOf(id: string): { json: string | null; text: string } {
    return this.initialDiscussion.get(id) ?? { json: null, text: '' };
  }

  setMeta(patch: Partial<MinutesMeta>): void {
    this.meta = { ...this.meta, ...patch };
    this.emit();
  }

  /** A new outline from core: items keep their state, with new numbers and places. */
  setOutline(outline: AgendaOutlineEntry[]): void {
    this.outline = outline;
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

export function useItem(store: MinutesStore, id: string): ItemState | undefined {
  return useSyncExternalStore(store.subscribe, () => store.getItem(id));
}

export function useMeta(store: MinutesStore): MinutesMeta {
  return useSyncExternalStore(store.subscribe, store.getMeta);
}

const openStores = new Map<string, MinutesStore>();

/** Makes the open minutes findable by meeting (the header editor tells them a new date). */
export function registerOpenMinutes(meetingId: string, store: MinutesStore): () => void {
  openStores.set(meetingId, store);
  return () => {
    if (openStores.get(meetingId) === store) openStores.delete(meetingId);
  };
}

export function openMinutesOf(meetingId: string): MinutesStore | undefined {
  return openStores.get(meetingId);
}
