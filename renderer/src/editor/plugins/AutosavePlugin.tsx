// Tells the item a save is due whenever the document (not just the selection) changes. The
// JSON is built only when the save is actually sent, so a keystroke costs almost nothing.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, type LexicalEditor } from 'lexical';

interface AutosavePluginProps {
  onChange: (editor: LexicalEditor) => void;
  /** Leaving the editor: save now rather than after the pause. */
  onLeave: () => void;
}

export function AutosavePlugin({ onChange, onLeave }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
          // The initial document and selection-only updates change nothing worth saving.
          if (prevEditorState.isEmpty() || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
          onChange(editor);
        }),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            onLeave();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, onChange, onLeave],
  );
  return null;
}
