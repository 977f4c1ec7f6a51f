// Mounts the list shortcuts (editor/listShortcuts.ts) on the discussion editor.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerListShortcuts } from '../listShortcuts';

export function ListShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerListShortcuts(editor), [editor]);
  return null;
}
