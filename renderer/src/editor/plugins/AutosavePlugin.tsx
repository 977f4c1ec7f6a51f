// Tells the item a save is due whenever the document (not just the selection) changes. The
// JSON is built only when the save is actually sent, so a keystroke costs almost nothing.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';

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
        editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
          // The initial document and selection-only updates change nothing worth saving. Nor do
          // Lexical's own merge updates (as its OnChangePlugin holds): the editor taking its
          // element, and each plugin that registers a node transform marking the nodes already
          // there dirty to run it on them. Those came at every opening of a meeting, once for each
          // item, and saved every discussion the user had not touched (a write, a change log
          // entry and the screens read again, item after item, for seconds).
          if (prevEditorState.isEmpty() || (dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has(HISTORY_MERGE_TAG)) return;
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
