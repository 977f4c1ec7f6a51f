// Binds the discussion editor to its root in the open meeting's replica (a shared board's
// meeting; see replicaBinding.ts), in place of the JSON document and its own undo history:
// another laptop's words appear as they arrive, and undo takes back this editor's typing only.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, FOCUS_COMMAND } from 'lexical';
import type * as Y from 'yjs';
import { bindDiscussion } from '../replicaBinding';

export function ReplicaPlugin({ doc, itemId }: { doc: Y.Doc; itemId: string }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const bound = bindDiscussion(editor, doc, itemId);
    // An empty discussion is given its first paragraph when the user comes to type in it.
    const unfocus = editor.registerCommand(
      FOCUS_COMMAND,
      () => {
        if (editor.isEditable()) bound.ensureParagraph();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      unfocus();
      bound.dispose();
    };
  }, [editor, doc, itemId]);
  return null;
}
