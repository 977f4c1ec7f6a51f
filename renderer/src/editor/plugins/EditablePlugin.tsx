// Keeps the editor's editability in step with the minutes' lock, so minutes agreed while they
// are open become read-only where they are, without setting the document up again.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

export function EditablePlugin({ editable }: { editable: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (editor.isEditable() !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  return null;
}
