// One agenda item's discussion: a Lexical rich-text editor with its own document and undo
// history. It is set up once from the saved JSON and never reset from a save, so undo runs
// across autosaves. Changes are reported to the item (which queues the save), never to React.
// In a shared board's meeting it is bound to the meeting's replica instead (ReplicaPlugin).
import { memo, useCallback, useState } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { LinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import { discussionTheme } from './theme';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { CleanContentPlugin } from './plugins/CleanContentPlugin';
import { EditablePlugin } from './plugins/EditablePlugin';
import { ListKeysPlugin } from './plugins/ListKeysPlugin';
import { ListShortcutsPlugin } from './plugins/ListShortcutsPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ReplicaPlugin } from './plugins/ReplicaPlugin';
import type * as Y from 'yjs';
import { SAFE_LINK, ToolbarPlugin } from './plugins/ToolbarPlugin';
import { UnknownInitialsPlugin } from './plugins/UnknownInitialsPlugin';
import { TypingStaysHerePlugin } from './plugins/TypingStaysHerePlugin';

export interface DiscussionEditorProps {
  itemId: string;
  /** "Discussion, item 1a": the editor's accessible name. */
  label: string;
  initial: { json: string | null; text: string };
  knownInitials: readonly string[];
  readOnly: boolean;
  maxChars: number;
  onChange: (editor: LexicalEditor) => void;
  onLeave: () => void;
  editorRef: (editor: LexicalEditor | null) => void;
  /** The meeting's replica (a shared board): the editor is bound to its root, and `initial` is not read. */
  replica?: Y.Doc | null;
}

/** Builds the first document from the saved JSON, or from the plain text if the JSON cannot be read. */
function $loadDiscussion(initial: { json: string | null; text: string }): void {
  const root = $getRoot();
  if (initial.json) {
    try {
      const saved = JSON.parse(initial.json) as { root?: { children?: SerializedLexicalNode[] } };
      const children = saved.root?.children ?? [];
      for (const child of children) root.append($parseSerializedNode(child));
      if (root.getChildrenSize() > 0) return;
    } catch (err) {
      console.error('[editor] saved discussion could not be read; showing its plain text', err);
      root.clear();
    }
  }
  const paragraphs = initial.text === '' ? [''] : initial.text.split('\n');
  for (const line of paragraphs) {
    const p = $createParagraphNode();
    if (line) p.append($createTextNode(line));
    root.append(p);
  }
}

const validateUrl = (url: string): boolean => SAFE_LINK.test(url);

export const DiscussionEditor = memo(function DiscussionEditor(props: DiscussionEditorProps) {
  const { itemId, label, initial, knownInitials, readOnly, maxChars, onChange, onLeave, editorRef, replica } = props;
  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'matters-arising-discussion',
    theme: discussionTheme,
    nodes: [ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode],
    editable: !readOnly,
    // Bound to a replica, the editor starts empty and reads its root (null: no first paragraph made here).
    editorState: replica ? null : () => $loadDiscussion(initial),
    onError: (error: Error) => console.error('[editor]', error),
  }));
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const onRefused = useCallback((message: string | null) => setPasteProblem(message), []);
  return (
    <div className="discussion">
      <LexicalComposer initialConfig={config}>
        {readOnly ? null : <ToolbarPlugin label={label} />}
        <div className="ed-frame">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="ed-content"
                aria-label={label}
                aria-multiline
                data-testid="discussion-editor"
                data-item-id={itemId}
                dir="auto"
                spellCheck
              />
            }
            placeholder={<div className="ed-placeholder">Type the discussion…</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {replica ? <ReplicaPlugin doc={replica} itemId={itemId} /> : <HistoryPlugin />}
        <ListPlugin />
        <ListKeysPlugin />
        {/* "- " and "1. " at the start of a line begin a list, as in Word; nothing else turns into markup. */}
        <ListShortcutsPlugin />
        {/* Tables arrive by pasting (from Word, Excel or a web page); colours are dropped like any other styling. */}
        <TablePlugin hasCellBackgroundColor={false} hasHorizontalScroll />
        <LinkPlugin validateUrl={validateUrl} />
        <CleanContentPlugin />
        <PastePlugin maxChars={maxChars} onRefused={onRefused} />
        <AutosavePlugin onChange={onChange} onLeave={onLeave} />
        <UnknownInitialsPlugin known={knownInitials} />
        <EditorRefPlugin editorRef={editorRef} />
        <EditablePlugin editable={!readOnly} />
        <TypingStaysHerePlugin />
      </LexicalComposer>
      {pasteProblem ? (
        <p className="field-error" role="alert">
          {pasteProblem}
        </p>
      ) : null}
    </div>
  );
});
