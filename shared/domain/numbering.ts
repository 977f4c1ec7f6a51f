// Agenda item numbers as the minutes print them: 1, 1a, 1b, 2 (letters) or 1, 1.1, 1.2, 2
// (decimal). Numbers follow positions while the minutes are a draft; once circulated they
// are frozen, so this is only ever applied to draft minutes.

import type { ItemNumbering } from './enums';
import { withFields } from './withFields';

export type { ItemNumbering };

export const ITEM_NUMBERING_LABEL: Record<ItemNumbering, string> = {
  letters: '1, 1a, 1b, 2',
  decimal: '1, 1.1, 1.2, 2',
};

/** Items are at most two levels deep: an item and its sub-items, as in the printed minutes. */
export const MAX_ITEM_DEPTH = 2;

export interface OutlineNode {
  id: string;
  parentId: string | null;
  position: number;
}

/** 1 -> "a", 26 -> "z", 27 -> "aa": the letters never run out and never repeat. */
export function letterFor(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`No letter for ${index}`);
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(97 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function subItemNumber(parentNumber: string, index: number, scheme: ItemNumbering): string {
  return scheme === 'letters' ? `${parentNumber}${letterFor(index)}` : `${parentNumber}.${index}`;
}

const byPosition = <T extends OutlineNode>(a: T, b: T): number => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The items in reading order (each item followed by its sub-items), each with its number.
 * Sub-items of a missing parent are treated as top-level, so nothing ever disappears.
 */
export function numberItems<T extends OutlineNode>(items: readonly T[], scheme: ItemNumbering): Array<T & { number: string; depth: number }> {
  const ids = new Set(items.map((i) => i.id));
  const top = items.filter((i) => i.parentId === null || !ids.has(i.parentId)).sort(byPosition);
  const children = new Map<string, T[]>();
  for (const item of items) {
    if (item.parentId !== null && ids.has(item.parentId)) {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    }
  }
  const out: Array<T & { number: string; depth: number }> = [];
  top.forEach((item, i) => {
    const number = String(i + 1);
    out.push(withFields(item, { number, depth: 1 }));
    // Anything deeper than a sub-item is flattened into its top-level item's sub-items.
    const subs = collectDescendants(item.id, children).sort(byPosition);
    subs.forEach((sub, j) => out.push(withFields(sub, { number: subItemNumber(number, j + 1, scheme), depth: 2 })));
  });
  return out;
}

function collectDescendants<T extends OutlineNode>(id: string, children: Map<string, T[]>): T[] {
  const direct = [...(children.get(id) ?? [])].sort(byPosition);
  const out: T[] = [];
  for (const child of direct) {
    out.push(child, ...collectDescendants(child.id, children));
  }
  return out.map((item, index) => ({ ...item, position: index }));
}

/**
 * Where an item lands when moved: its new parent and index among its new siblings.
 * Returns the outline with positions renormalised (0, 1, 2... in each sibling group).
 */
export function moveInOutline<T extends OutlineNode>(
  items: readonly T[],
  itemId: string,
  parentId: string | null,
  index: number,
): T[] {
  const moving = items.find((i) => i.id === itemId);
  if (!moving) return [...items];
  const siblingsOf = (pid: string | null): T[] => items.filter((i) => i.parentId === pid && i.id !== itemId).sort(byPosition);
  const target = siblingsOf(parentId);
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, { ...moving, parentId });
  const updated = new Map<string, T>();
  target.forEach((item, i) => updated.set(item.id, { ...item, position: i }));
  if (moving.parentId !== parentId) {
    siblingsOf(moving.parentId).forEach((item, i) => updated.set(item.id, { ...item, position: i }));
  }
  return items.map((i) => updated.get(i.id) ?? i);
}
