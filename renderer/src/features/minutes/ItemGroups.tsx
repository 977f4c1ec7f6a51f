// The meeting's item cards in groups of ten, each group skipped by the browser while off screen,
// without a card ever being unmounted when the items are added, deleted or moved.
//
// Why groups (PROFILE.md, "Round 8"): with one `content-visibility: auto` per card, every keystroke
// laid out the list again through all its cards (skipped ones too), a cost that grew with the
// meeting. In groups, a keystroke walks the dozen groups and the ten cards of its own group.
//
// Why portals: a card holds its discussion's editor and undo history, which must survive the item
// moving into another group (React would unmount a keyed child moved to another parent). Each card
// is drawn by React into a slot of its own (a `display: contents` list with no role, so the card's
// <li> sits in a list element), and the slots are placed in their groups here, after each render,
// by moving those DOM nodes only when they are out of place.
//
// One list for screen readers: the list and its items carry their roles explicitly; the groups and
// slots in between have none.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Cards per group: the list's layout walks the groups, and the group typed in walks its cards. */
export const CARDS_PER_GROUP = 10;
/** A card's height before it is first drawn (the card's own placeholder, with its margin). */
const CARD_PLACEHOLDER_PX = 434;

/** The ids in their order, cut into runs of `size`. */
export function groupIds(ids: readonly string[], size: number = CARDS_PER_GROUP): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += size) groups.push(ids.slice(i, i + size));
  return groups;
}

/**
 * Moving an element out of the page and back takes the focus from whatever is in it: a card moving
 * to the next group as items are added elsewhere (another window, another laptop, a delete whose
 * Undo ran out) must not take the caret from the user typing in it. Returns what puts them back.
 */
function keepFocus(): () => void {
  const active = document.activeElement;
  const selection = document.getSelection();
  const at = selection && selection.rangeCount > 0 ? { anchor: selection.anchorNode, anchorOffset: selection.anchorOffset, focus: selection.focusNode, focusOffset: selection.focusOffset } : null;
  return () => {
    if (!(active instanceof HTMLElement) || document.activeElement === active || !active.isConnected) return;
    active.focus({ preventScroll: true });
    // A text field keeps its own caret; the discussion's caret is the document's selection.
    if (at?.anchor?.isConnected && at.focus?.isConnected && active.contains(at.anchor)) selection?.setBaseAndExtent(at.anchor, at.anchorOffset, at.focus, at.focusOffset);
  };
}

/** Each item's slot, made once and kept while the item is in the meeting. */
class Slots {
  private readonly byId = new Map<string, HTMLElement>();

  of(id: string): HTMLElement {
    let slot = this.byId.get(id);
    if (!slot) {
      slot = document.createElement('ul');
      slot.className = 'item-slot';
      slot.setAttribute('role', 'none');
      this.byId.set(id, slot);
    }
    return slot;
  }

  /** Drops the slots of items no longer in `ids` (their cards are already unmounted). */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const [id, slot] of this.byId) {
      if (ids.has(id)) continue;
      slot.remove();
      this.byId.delete(id);
    }
  }
}

export function ItemGroups({ ids, renderCard }: { ids: readonly string[]; renderCard: (id: string) => ReactNode }) {
  const [slots] = useState(() => new Slots());
  const groupEls = useRef<Array<HTMLDivElement | null>>([]);
  const groups = groupIds(ids);

  useLayoutEffect(() => {
    const kept = keepFocus();
    groups.forEach((members, g) => {
      const groupEl = groupEls.current[g];
      if (!groupEl) return;
      let previous: Node | null = null;
      for (const id of members) {
        const slot = slots.of(id);
        const next: ChildNode | null = previous ? previous.nextSibling : groupEl.firstChild;
        if (slot !== next) groupEl.insertBefore(slot, next);
        previous = slot;
      }
      // Slots left after the group's members belong elsewhere now (or to removed items).
      while (previous?.nextSibling) previous.nextSibling.remove();
      if (!previous) groupEl.replaceChildren();
    });
    slots.keepOnly(new Set(ids));
    kept();
  });

  return (
    <div className="minutes-items" role="list">
      {groups.map((members, g) => (
        <div
          key={g}
          className="item-group"
          ref={(el) => {
            groupEls.current[g] = el;
          }}
          style={{ containIntrinsicSize: `auto ${members.length * CARD_PLACEHOLDER_PX}px` }}
        />
      ))}
      {ids.map((id) => createPortal(renderCard(id), slots.of(id), id))}
    </div>
  );
}
