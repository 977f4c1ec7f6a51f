// One discussion editor bound to its root (`discussion:<itemId>`) in the open meeting's replica
// (a Y.Doc core serves), through @lexical/yjs as Lexical's CollaborationPlugin wires it: Lexical's
// edits go into the root, the root's changes from elsewhere come into the editor, and Yjs's
// UndoManager undoes this editor's own edits only. No DOM here: it runs headless in tests too.
import {
  $createParagraphNode,
  $getRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  INSERT_PARAGRAPH_COMMAND,
  PASTE_COMMAND,
  HISTORY_MERGE_TAG,
  REDO_COMMAND,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { createUndoManager, createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import * as Y from 'yjs';
import { discussionRoot } from '../../../shared/domain/syncFormat';

/**
 * @lexical/yjs asks its provider for awareness (remote cursors); the window shares none, so a
 * local state of null tells the binding there is nothing to sync (as core's NO_CURSORS). The
 * replica's updates travel through core, never through this object.
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

/** Shared types remember the collab node of the last binding that read them; a new binding must read them afresh. */
function forgetCollabNodes(type: Y.AbstractType<unknown>): void {
  (type as { _collabNode?: unknown })._collabNode = undefined;
  if (type instanceof Y.XmlText) {
    for (const op of type.toDelta() as Array<{ insert?: unknown }>) {
      if (op.insert instanceof Y.AbstractType) forgetCollabNodes(op.insert as Y.AbstractType<unknown>);
    }
  }
  if (type instanceof Y.Map || type instanceof Y.XmlElement) {
    for (const value of type instanceof Y.Map ? type.values() : type.toArray()) {
      if (value instanceof Y.AbstractType) forgetCollabNodes(value as Y.AbstractType<unknown>);
    }
  }
}

export interface BoundDiscussion {
  readonly binding: Binding;
  readonly undoManager: Y.UndoManager;
  /** Gives an empty discussion a paragraph to type in (on focus). */
  ensureParagraph(): void;
  dispose(): void;
}

/**
 * Binds `editor` (created with no initial state) to the discussion's root in `doc`: bound first,
 * then what the root already holds is read into the editor as if it had just arrived, so the
 * editor's nodes and the root's stay paired however late the editor is made.
 */
export function bindDiscussion(editor: LexicalEditor, doc: Y.Doc, itemId: string): BoundDiscussion {
  const name = discussionRoot(itemId);
  const root = doc.get(name, Y.XmlText) as Y.XmlText;
  forgetCollabNodes(root as unknown as Y.AbstractType<unknown>);
  const binding = createYjsBinding({ editor, id: name, doc, docMap: new Map([[name, doc]]), rootName: name });
  const undoManager = createUndoManager(binding, root);
  const observer = (events: Array<Y.YEvent<Y.XmlText>>, tx: Y.Transaction): void => {
    if (tx.origin === binding) return;
    syncYjsChangesToLexical(binding, NO_CURSORS, events as never, tx.origin instanceof Y.UndoManager, () => undefined);
  };
  root.observeDeep(observer as never);
  const canUndoRedo = (): void => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undoManager.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', canUndoRedo);
  undoManager.on('stack-item-popped', canUndoRedo);
  undoManager.on('stack-cleared', canUndoRedo);
  const unregister = mergeRegister(
    editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjs(binding, NO_CURSORS, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    }),
    // Undo steps as in the editor's own history: a new paragraph or a paste starts one (Yjs alone
    // would fold everything typed within half a second into the step before).
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => (undoManager.stopCapturing(), false), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(PASTE_COMMAND, () => (undoManager.stopCapturing(), false), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(UNDO_COMMAND, () => (undoManager.undo(), true), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(REDO_COMMAND, () => (redoOf(undoManager), true), COMMAND_PRIORITY_EDITOR),
  );
  if (root.length > 0) {
    editor.update(
      () => {
        binding.root.applyChildrenYjsDelta(binding, root.toDelta() as never);
        binding.root.syncChildrenFromYjs(binding);
      },
      { discrete: true, tag: COLLABORATION_TAG },
    );
  }
  /**
   * An empty discussion gets its first paragraph when the user comes to type in it, not on
   * opening: opening a meeting writes nothing. Not an undo step (as Lexical's bootstrap).
   */
  const ensureParagraph = (): void => {
    if (editor.getEditorState().read(() => !$getRoot().isEmpty())) return;
    binding.isBootstrapping = true;
    try {
      editor.update(
        () => {
          if (!$getRoot().isEmpty()) return;
          const paragraph = $createParagraphNode();
          $getRoot().append(paragraph);
          paragraph.select();
        },
        { discrete: true, tag: HISTORY_MERGE_TAG },
      );
    } finally {
      binding.isBootstrapping = false;
    }
  };
  return {
    binding,
    undoManager,
    ensureParagraph,
    dispose: () => {
      unregister();
      root.unobserveDeep(observer as never);
      undoManager.destroy();
      binding.root.destroy(binding);
    },
  };
}

const redoOf = (undoManager: Y.UndoManager): void => {
  undoManager.redo();
};
