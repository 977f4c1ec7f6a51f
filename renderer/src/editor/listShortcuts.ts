// "- " and "1. " at the start of a line begin a list, as in Word (Lexical's Markdown shortcuts,
// lists only). Lexical's shortcut listener starts a second editor update after every keystroke
// to look for a shortcut, with all the update listeners run again and a timer set each time
// (PROFILE.md, round 7); a list shortcut can only complete on a space typed, so the listener is
// handed only the changes that end in one. What it does then is Lexical's own, unchanged.
import { registerMarkdownShortcuts, ORDERED_LIST, UNORDERED_LIST } from '@lexical/markdown';
import { $getSelection, $isRangeSelection, $isTextNode, type EditorState, type LexicalEditor, type UpdateListener } from 'lexical';

export const LIST_SHORTCUTS = [UNORDERED_LIST, ORDERED_LIST];

/** Whether the caret in `state` is just after a space typed in a text: the only place a list shortcut ends. */
function afterSpace(state: EditorState): boolean {
  return state.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
    const node = selection.anchor.getNode();
    return $isTextNode(node) && node.getTextContent()[selection.anchor.offset - 1] === ' ';
  });
}

/**
 * Lexical's list shortcuts on `editor`, with its update listener called only after a space. The
 * shortcut code sees an editor that passes everything else straight through (Enter, which also
 * ends a list line, is a command and reaches it unfiltered).
 */
export function registerListShortcuts(editor: LexicalEditor): () => void {
  const filtered: Pick<LexicalEditor, 'hasNode' | 'isComposing' | 'update' | 'registerCommand' | 'registerUpdateListener'> = {
    hasNode: (klass) => editor.hasNode(klass),
    isComposing: () => editor.isComposing(),
    update: (fn, options) => editor.update(fn, options),
    registerCommand: (command, listener, priority) => editor.registerCommand(command, listener, priority),
    registerUpdateListener: (listener: UpdateListener) =>
      editor.registerUpdateListener((payload) => {
        if (payload.dirtyLeaves.size > 0 && afterSpace(payload.editorState)) listener(payload);
      }),
  };
  return registerMarkdownShortcuts(filtered as LexicalEditor, LIST_SHORTCUTS);
}
