// The keystroke baseline: the same 40 discussions in plain Lexical rich-text editors (lists
// and history, nothing of ours), so the bench can report the app's ratio to bare Lexical.
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { ListItemNode, ListNode } from '@lexical/list';

function Bare({ json, index }: { json: string; index: number }) {
  return (
    <LexicalComposer initialConfig={{ namespace: 'bare', nodes: [ListNode, ListItemNode], editorState: json, onError: (e: Error) => console.error(e) }}>
      <RichTextPlugin
        contentEditable={<ContentEditable aria-label={`Discussion ${index + 1}`} data-testid="discussion-editor" style={{ minHeight: 40, border: '1px solid #ccc', padding: 8 }} />}
        placeholder={null}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <ListPlugin />
    </LexicalComposer>
  );
}

const discussions = (await (await fetch('./content.json')).json()) as string[];
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      {discussions.map((json, i) => (
        <section key={i}>
          <h2>Item {i + 1}</h2>
          <Bare json={json} index={i} />
        </section>
      ))}
    </main>,
  );
}
