// The discussion's list shortcuts ("- " and "1. " at the start of a line) on a headless Lexical
// editor: they still make lists, and a keystroke that cannot end one costs one editor update,
// not two (Lexical's shortcut listener used to start a second update after every key).
import { describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { registerListShortcuts } from '../../renderer/src/editor/listShortcuts';

/** The editor, and how many updates something other than the typing itself started (the shortcut listener's). */
function editorWith(text: string): { editor: LexicalEditor; extraUpdates: () => number } {
  const editor = createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode], onError: (e) => { throw e; } });
  editor.update(
    () => {
      const node = $createTextNode(text);
      $getRoot().clear().append($createParagraphNode().append(node));
      node.select(text.length, text.length);
    },
    { discrete: true },
  );
  let extra = 0;
  const update = editor.update.bind(editor);
  let depth = 0;
  // The typing's own updates are the outermost; one started while a keystroke's is committed is the listener's.
  editor.update = (fn, options) => {
    if (depth > 0) extra += 1;
    depth += 1;
    try {
      update(fn, options);
    } finally {
      depth -= 1;
    }
  };
  registerListShortcuts(editor);
  return { editor, extraUpdates: () => extra };
}


async function type(editor: LexicalEditor, text: string): Promise<void> {
  for (const ch of text) {
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(ch);
      },
      { discrete: true },
    );
    // A shortcut's own update is committed after the keystroke's.
    await Promise.resolve();
    await Promise.resolve();
  }
}

const firstBlock = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getFirstChild());

describe('list shortcuts in the discussion', () => {
  it('"- " at the start of a line begins a bulleted list, "1. " a numbered one', async () => {
    const bullet = editorWith('-');
    await type(bullet.editor, ' ');
    expect(bullet.editor.getEditorState().read(() => { const b = $getRoot().getFirstChild(); return $isListNode(b) ? b.getListType() : null; })).toBe('bullet');
    const number = editorWith('1.');
    await type(number.editor, ' Agreed');
    expect(number.editor.getEditorState().read(() => { const b = $getRoot().getFirstChild(); return $isListNode(b) ? b.getListType() : null; })).toBe('number');
    expect(number.editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('Agreed');
  });

  it('a dash or a space elsewhere in a line makes no list', async () => {
    const { editor } = editorWith('The board agreed -');
    await type(editor, ' a report');
    expect($isListNode(firstBlock(editor))).toBe(false);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('The board agreed - a report');
  });

  it('a keystroke that cannot end a shortcut starts no second update after it', async () => {
    const { editor, extraUpdates } = editorWith('The board agreed');
    await type(editor, ' the proposal');
    // 13 keys: only the two spaces are looked at for a shortcut (and change nothing).
    expect(extraUpdates()).toBe(2);
    await type(editor, 'xyz');
    expect(extraUpdates()).toBe(2);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('The board agreed the proposalxyz');
  });
});
