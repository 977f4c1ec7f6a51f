// A discussion's text inside a meeting document: the top-level Y.XmlText root
// `discussion:<itemId>` bound to a headless Lexical editor through @lexical/yjs, so core reads
// and writes the same structure the renderer's collaborative editor would, without a DOM.
import { createEditor, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type * as Y from 'yjs';
import { canonicalDiscussion } from '../../../shared/domain/discussionJson';
import { discussionRoot } from './docNames';
import { $reconcileDiscussion } from './reconcile';

/** The nodes a stored discussion may hold: the renderer's editor's, plus headings and quotes the walker reads. */
const NODES = [ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode, HeadingNode, QuoteNode];

/**
 * @lexical/yjs asks its provider for awareness (remote cursors); core has no cursor to share,
 * so a local state of null tells the binding there is nothing to sync. The network provider
 * (HocuspocusProvider) carries the document's updates; this object never touches them.
 */
const NO_CURSORS: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => undefined,
    on: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  off: () => undefined,
  on: () => undefined,
};

/** A headless editor bound to one discussion root. Bind first, then the root's content is read in. */
export class BoundDiscussion {
  readonly editor: LexicalEditor;
  private readonly binding: Binding;
  private readonly root: Y.XmlText;
  private readonly observer: (events: Array<Y.YEvent<Y.XmlText>>, tx: Y.Transaction) => void;
  private readonly unlisten: () => void;
  /**
   * The stored text last found to hold this root's content (undefined: none since the root last
   * changed), so the mirror, which compares every discussion of a meeting a write touches, reads
   * the editor and canonicalises only once per change rather than once per write.
   */
  private agreed: string | null | undefined;

  constructor(doc: Y.Doc, itemId: string) {
    const name = discussionRoot(itemId);
    this.editor = createEditor({ namespace: 'matters-arising-core', nodes: NODES, onError: (err) => { throw err; } });
    this.binding = createYjsBinding({ editor: this.editor, id: name, doc, docMap: new Map([[name, doc]]), rootName: name });
    this.root = this.binding.root.getSharedType();
    this.unlisten = this.editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      syncLexicalUpdateToYjs(this.binding, NO_CURSORS, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    });
    this.observer = (events, tx) => {
      this.agreed = undefined;
      if (tx.origin !== this.binding) syncYjsChangesToLexical(this.binding, NO_CURSORS, events as never, false, () => undefined);
    };
    this.root.observeDeep(this.observer as never);
    // Bind first, then apply stored updates (a root read in after the fact would not be tracked).
    if (this.root.length > 0) throw new Error(`The discussion ${itemId} must be bound before its updates are applied.`);
  }

  /** The discussion as Lexical JSON, or null when the root is empty (no discussion written). */
  json(): SerializedEditorState | null {
    if (this.root.length === 0) return null;
    // Remote changes reach the editor as queued updates; read() commits them first.
    this.editor.read(() => undefined);
    return this.editor.getEditorState().toJSON();
  }

  /** Whether the root holds the discussion of stored text `text` (null: none), keys in any order. */
  holds(text: string | null): boolean {
    if (this.agreed !== undefined && this.agreed === text) return true;
    const same = canonicalDiscussion(this.json()) === canonicalDiscussion(text);
    if (same) this.agreed = text;
    return same;
  }

  /** Brings the root to `json` by changing only what differs (see reconcile.ts); null empties it. */
  save(json: SerializedEditorState | null): void {
    this.editor.read(() => undefined);
    this.editor.update(() => $reconcileDiscussion(json), { discrete: true });
  }

  dispose(): void {
    this.root.unobserveDeep(this.observer as never);
    this.unlisten();
  }
}
