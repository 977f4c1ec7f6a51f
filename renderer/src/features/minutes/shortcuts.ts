// The minutes editor's keyboard shortcuts: one list, used both to handle keys and to draw the
// shortcut sheet. Chosen not to clash with the browser's or the system's own (no Ctrl+N, T, W,
// D, H, J; no Alt+letter alone, which opens menus; no Ctrl+Alt, which types letters on many
// keyboards).
import { ALT_LABEL, IS_MAC, MOD_LABEL } from '../../editor/shortcutsLabel';

export type ShortcutId =
  | 'newItem'
  | 'newSubItem'
  | 'newAction'
  | 'newDecision'
  | 'nextItem'
  | 'previousItem'
  | 'moveUp'
  | 'moveDown'
  | 'indent'
  | 'outdent'
  | 'help';

export interface Shortcut {
  id: ShortcutId;
  keys: string[];
  description: string;
}

const mod = (e: KeyboardEvent): boolean => (IS_MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey);
const noMod = (e: KeyboardEvent): boolean => !e.ctrlKey && !e.metaKey;

export const SHORTCUTS: Shortcut[] = [
  { id: 'newItem', keys: [MOD_LABEL, 'Enter'], description: 'New agenda item after this one' },
  { id: 'newSubItem', keys: [MOD_LABEL, 'Shift', 'Enter'], description: 'New sub-item (1a, 1b…) under this item' },
  { id: 'newAction', keys: [ALT_LABEL, 'Shift', 'A'], description: 'New action; selected discussion text becomes its details' },
  { id: 'newDecision', keys: [ALT_LABEL, 'Shift', 'D'], description: 'New decision; selected discussion text becomes its wording' },
  { id: 'nextItem', keys: [ALT_LABEL, '↓'], description: 'Next item' },
  { id: 'previousItem', keys: [ALT_LABEL, '↑'], description: 'Previous item' },
  { id: 'moveUp', keys: [ALT_LABEL, 'Shift', '↑'], description: 'Move this item up' },
  { id: 'moveDown', keys: [ALT_LABEL, 'Shift', '↓'], description: 'Move this item down' },
  { id: 'indent', keys: [ALT_LABEL, 'Shift', '→'], description: 'Make this item a sub-item of the one above' },
  { id: 'outdent', keys: [ALT_LABEL, 'Shift', '←'], description: 'Make this sub-item a main item' },
  { id: 'help', keys: [MOD_LABEL, '/'], description: 'Show these shortcuts (or ? outside a text box)' },
];

export const EDITING_SHORTCUTS: Array<{ keys: string[]; description: string }> = [
  { keys: [MOD_LABEL, 'B'], description: 'Bold' },
  { keys: [MOD_LABEL, 'I'], description: 'Italic' },
  { keys: [MOD_LABEL, 'U'], description: 'Underline' },
  { keys: [MOD_LABEL, 'K'], description: 'Add or edit a link (elsewhere: search the minutes)' },
  { keys: [MOD_LABEL, 'Z'], description: 'Undo' },
  { keys: IS_MAC ? [MOD_LABEL, 'Shift', 'Z'] : [MOD_LABEL, 'Y'], description: 'Redo' },
  { keys: ['Enter'], description: 'In an item title: go to its discussion' },
  { keys: ['-', 'Space'], description: 'At the start of a line: a bulleted list' },
  { keys: ['1.', 'Space'], description: 'At the start of a line: a numbered list' },
  { keys: ['Tab'], description: 'In a list: indent the item (in a table: the next cell)' },
  { keys: ['Shift', 'Tab'], description: 'In a list: outdent the item (in a table: the cell before)' },
  { keys: ['Esc'], description: 'Leave the discussion for the next field' },
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/** Which shortcut a key press is, if any. */
export function matchShortcut(e: KeyboardEvent): ShortcutId | null {
  if (e.isComposing) return null;
  if (e.key === 'Enter' && mod(e) && !e.altKey) return e.shiftKey ? 'newSubItem' : 'newItem';
  if (e.altKey && noMod(e)) {
    if (e.shiftKey) {
      if (e.code === 'KeyA') return 'newAction';
      if (e.code === 'KeyD') return 'newDecision';
      if (e.key === 'ArrowUp') return 'moveUp';
      if (e.key === 'ArrowDown') return 'moveDown';
      if (e.key === 'ArrowRight') return 'indent';
      if (e.key === 'ArrowLeft') return 'outdent';
    } else {
      if (e.key === 'ArrowDown') return 'nextItem';
      if (e.key === 'ArrowUp') return 'previousItem';
    }
  }
  if (mod(e) && !e.altKey && (e.code === 'Slash' || e.key === '/')) return 'help';
  if (e.key === '?' && !e.altKey && noMod(e) && !isTyping(e.target)) return 'help';
  return null;
}
