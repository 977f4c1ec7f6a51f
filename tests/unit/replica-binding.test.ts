// The window's discussion editor bound to its root in the meeting's replica (renderer/src/editor/
// replicaBinding.ts), run headless: typing goes into the root, another copy's words come into the
// editor without moving the caret, an editor made after the root has content shows it, and undo
// takes back this editor's own typing only.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, createEditor, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { bindDiscussion } from '../../renderer/src/editor/replicaBinding';

const NODES = [ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode];
const editor = (): LexicalEditor => createEditor({ namespace: 'test', nodes: NODES, onError: (err) => { throw err; } });
const textOf = (e: LexicalEditor): string[] => e.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent()));

/** Types at the end of paragraph `index` (as a user would: the selection there, then text inserted). */
function typeAt(e: LexicalEditor, index: number, words: string): void {
  // What arrived is committed before the next key, as in a window (a microtask before the next event).
  e.read(() => undefined);
  e.update(
    () => {
      const p = $getRoot().getChildAtIndex(index);
      if (!p) throw new Error('no paragraph');
      const selection = (p as unknown as { selectEnd: () => unknown }).selectEnd();
      void selection;
      const sel = $getSelection();
      if ($isRangeSelection(sel)) sel.insertText(words);
      else (p as unknown as { append: (n: unknown) => void }).append($createTextNode(words));
    },
    { discrete: true },
  );
}

function newParagraph(e: LexicalEditor, words: string): void {
  e.read(() => undefined);
  e.update(
    () => {
      const last = $getRoot().getLastChild();
      (last as unknown as { selectEnd: () => void }).selectEnd();
      const sel = $getSelection();
      if ($isRangeSelection(sel)) {
        sel.insertParagraph();
        sel.insertText(words);
      }
    },
    { discrete: true },
  );
}

/** Two replicas of one meeting document that pass each other every update. */
function linked(): { one: Y.Doc; two: Y.Doc } {
  const one = new Y.Doc();
  const two = new Y.Doc();
  one.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(two, u, 'link'));
  two.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(one, u, 'link'));
  return { one, two };
}

describe('a discussion editor bound to the meeting replica', () => {
  it('writes nothing on opening an empty discussion, and its typing reaches the other copy', () => {
    const { one, two } = linked();
    const writes: Uint8Array[] = [];
    one.on('update', (u: Uint8Array) => writes.push(u));
    const a = editor();
    const boundA = bindDiscussion(a, one, 'item-1');
    expect(writes).toHaveLength(0);
    boundA.ensureParagraph();
    const b = editor();
    bindDiscussion(b, two, 'item-1');
    typeAt(a, 0, 'The audit found gaps.');
    b.read(() => undefined);
    expect(textOf(b)).toEqual(['The audit found gaps.']);
  });

  it('shows what the root already holds when bound late, and edits it in place', () => {
    const { one, two } = linked();
    const a = editor();
    bindDiscussion(a, one, 'item-1').ensureParagraph();
    typeAt(a, 0, 'First paragraph.');
    newParagraph(a, 'Second paragraph.');
    const late = editor();
    const bound = bindDiscussion(late, two, 'item-1');
    expect(textOf(late)).toEqual(['First paragraph.', 'Second paragraph.']);
    typeAt(late, 1, ' Added later.');
    a.read(() => undefined);
    expect(textOf(a)).toEqual(['First paragraph.', 'Second paragraph. Added later.']);
    // Bound again (the editor made anew, as when a card mounts again): the same text, once.
    bound.dispose();
    const again = editor();
    bindDiscussion(again, two, 'item-1');
    expect(textOf(again)).toEqual(['First paragraph.', 'Second paragraph. Added later.']);
    // The same editor bound again (React's development mode mounts effects twice): still once.
    const twice = editor();
    bindDiscussion(twice, two, 'item-1').dispose();
    bindDiscussion(twice, two, 'item-1');
    expect(textOf(twice)).toEqual(['First paragraph.', 'Second paragraph. Added later.']);
    typeAt(twice, 0, ' Still one copy.');
    a.read(() => undefined);
    expect(textOf(a)).toEqual(['First paragraph. Still one copy.', 'Second paragraph. Added later.']);
  });

  it('keeps the caret where it was typing when another copy changes another paragraph', () => {
    const { one, two } = linked();
    const a = editor();
    bindDiscussion(a, one, 'item-1').ensureParagraph();
    typeAt(a, 0, 'Apologies.');
    newParagraph(a, 'Finance report');
    const b = editor();
    bindDiscussion(b, two, 'item-1');
    typeAt(b, 1, ' was noted');
    typeAt(a, 0, ' Two guests.');
    b.read(() => undefined);
    const caret = b.getEditorState().read(() => {
      const sel = $getSelection();
      return $isRangeSelection(sel) ? { text: sel.anchor.getNode().getTextContent(), offset: sel.anchor.offset } : null;
    });
    expect(textOf(b)).toEqual(['Apologies. Two guests.', 'Finance report was noted']);
    expect(caret).toEqual({ text: 'Finance report was noted', offset: 'Finance report was noted'.length });
  });

  it('undoes its own typing, not the other copy’s', () => {
    const { one, two } = linked();
    const a = editor();
    bindDiscussion(a, one, 'item-1').ensureParagraph();
    typeAt(a, 0, 'Mine.');
    const b = editor();
    const boundB = bindDiscussion(b, two, 'item-1');
    newParagraph(b, 'Theirs.');
    a.read(() => undefined);
    boundB.undoManager.stopCapturing();
    a.dispatchCommand(UNDO_COMMAND, undefined);
    a.read(() => undefined);
    b.read(() => undefined);
    expect(textOf(b)).toEqual(['', 'Theirs.']);
  });
});
