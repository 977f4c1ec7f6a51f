// Word's keys in the discussion: Tab and Shift+Tab indent and outdent list items (a table's own
// handler, which runs first, moves between its cells); elsewhere in the text Tab does nothing, so
// a Word habit never sends the next words to a button. Escape leaves the editor for the next
// control on the page, which is how a keyboard user gets out (the shortcut sheet says so).
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, $findMatchingParent } from '@lexical/utils';
import { $isListItemNode } from '@lexical/list';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, COMMAND_PRIORITY_NORMAL, INDENT_CONTENT_COMMAND, KEY_ESCAPE_COMMAND, KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND } from 'lexical';
import { focusNextAfter } from '../focusNext';

/** Whether the selection starts in a list item. */
function $inListItem(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  return $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null;
}

export function ListKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (event.ctrlKey || event.metaKey || event.altKey) return false;
            event.preventDefault();
            if ($inListItem()) editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          (event) => {
            const root = editor.getRootElement();
            if (!root) return false;
            event.preventDefault();
            focusNextAfter(root);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
