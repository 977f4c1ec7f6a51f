// Pasting: refuses (with a message) a paste too large for one discussion rather than hanging
// the editor, and rebuilds Word's lists so they arrive as lists.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { convertWordLists, isWordHtml } from '../wordPaste';

interface PastePluginProps {
  maxChars: number;
  onRefused: (message: string | null) => void;
}

const count = (n: number): string => n.toLocaleString('en-GB');

export function PastePlugin({ maxChars, onRefused }: PastePluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          const text = data.getData('text/plain');
          const html = data.getData('text/html');
          const size = text.length || Math.round(html.length / 4);
          const current = editor.getEditorState().read(() => $getRoot().getTextContentSize());
          if (current + size > maxChars) {
            event.preventDefault();
            onRefused(
              `Nothing was pasted: that is ${count(size)} characters, and one item’s discussion holds at most ${count(maxChars)}. ` +
                'Paste a shorter part, or keep the full document as a paper.',
            );
            return true;
          }
          onRefused(null);
          if (!html) return false;
          const doc = new DOMParser().parseFromString(html, 'text/html');
          if (!isWordHtml(doc)) return false;
          event.preventDefault();
          convertWordLists(doc);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, doc), selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, maxChars, onRefused],
  );
  return null;
}
