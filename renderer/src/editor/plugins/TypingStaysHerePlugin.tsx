// Keeps a keystroke's own events (keypress, beforeinput, textInput, input, keyup) at the
// discussion editor: Lexical handles them on its root element, and nothing above the editor
// listens for them, but React's root listener walked the whole tree of components above the
// editor on every one of them, about five times a keystroke (PROFILE.md, round 7). keydown still
// reaches the page (the minutes' shortcuts, undoing a delete) and selection and focus events are
// untouched.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** The events each keystroke fires that only the editor itself handles. */
export const EDITOR_ONLY_EVENTS = ['keypress', 'beforeinput', 'textInput', 'input', 'keyup'] as const;

const stop = (event: Event): void => event.stopPropagation();

export function TypingStaysHerePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        // Bubbling, on the root itself: Lexical's own listeners there still run, whatever their order.
        for (const type of EDITOR_ONLY_EVENTS) {
          previous?.removeEventListener(type, stop);
          root?.addEventListener(type, stop);
        }
      }),
    [editor],
  );
  return null;
}
