// A window's replica of a shared meeting for sync tests, run headless as the renderer runs it: the
// document core serves (openReplica), one discussion bound through renderer/src/editor/
// replicaBinding.ts, what is typed collected as the window sends it (replicaUpdate), and what core
// pushes applied as the window applies it.
import * as Y from 'yjs';
import { $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Core } from '../../electron/core/app';
import type { ReplicaOpened, ReplicaPush } from '../../shared/contract';
import { bindDiscussion } from '../../renderer/src/editor/replicaBinding';
import { ok } from './temp';

const NODES = [ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode];

export interface WindowReplica {
  readonly doc: Y.Doc;
  readonly editor: LexicalEditor;
  /** Clicks into the discussion: an empty one gets its first paragraph (ReplicaPlugin, on focus). */
  focus(): void;
  /** Clicks into the discussion and types at its end. */
  type(words: string): void;
  /** Selects the whole discussion's text and deletes it (as Ctrl+A, Backspace). */
  deleteAll(): void;
  /** Sends what was typed since the last send to core, as the window does. */
  send(): void;
  /** The paragraphs the editor shows. */
  paragraphs(): string[];
  /** Applies what core pushed for this meeting (not this window's own). */
  apply(push: ReplicaPush): void;
  /** Merges in core's whole document, as a window catching up does (what it holds already changes nothing). */
  catchUp(): void;
}

export function windowReplica(core: Core, meetingId: string, itemId: string, name = 'window'): WindowReplica {
  const opened = ok<ReplicaOpened>(core, 'openReplica', { meetingId });
  if (opened.state === null) throw new Error('the meeting’s board is not shared');
  const doc = new Y.Doc();
  const editor = createEditor({ namespace: name, nodes: NODES, onError: (err) => { throw err; } });
  const bound = bindDiscussion(editor, doc, itemId);
  const outgoing: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'core') outgoing.push(u);
  });
  Y.applyUpdate(doc, Buffer.from(opened.state, 'base64'), 'core');
  const edit = (fn: () => void): void => {
    editor.read(() => undefined);
    editor.update(fn, { discrete: true });
  };
  return {
    doc,
    editor,
    focus: () => bound.ensureParagraph(),
    type(words) {
      // Focus gives an empty discussion its paragraph (ReplicaPlugin), then the keys go at the end.
      bound.ensureParagraph();
      edit(() => {
        ($getRoot().getLastChild() as unknown as { selectEnd: () => void }).selectEnd();
        const sel = $getSelection();
        if ($isRangeSelection(sel)) sel.insertText(words);
      });
    },
    deleteAll() {
      edit(() => {
        const root = $getRoot();
        root.select(0, root.getChildrenSize());
        const sel = $getSelection();
        if ($isRangeSelection(sel)) sel.removeText();
      });
    },
    send() {
      if (outgoing.length === 0) return;
      ok(core, 'replicaUpdate', { meetingId, update: Buffer.from(Y.mergeUpdates(outgoing.splice(0))).toString('base64'), from: name });
    },
    paragraphs: () => editor.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent())),
    apply(push) {
      if (push.meetingId === meetingId && push.from !== name) Y.applyUpdate(doc, Buffer.from(push.update, 'base64'), 'core');
    },
    catchUp() {
      const state = ok<ReplicaOpened>(core, 'openReplica', { meetingId }).state;
      if (state !== null) Y.applyUpdate(doc, Buffer.from(state, 'base64'), 'core');
      // What arrived is committed into the editor before the next key, as in a window.
      editor.read(() => undefined);
    },
  };
}
