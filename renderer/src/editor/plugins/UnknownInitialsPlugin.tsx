// Underlines initials in the discussion that nobody on the board's roster has (a warning,
// never a block). Uses the CSS Custom Highlight API, so the document itself is untouched:
// nothing is stored, undo is unaffected, and typing is not slowed (the scan waits for a pause).
import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { findUnknownInitials } from '../../../../shared/domain/unknownInitials';

const HIGHLIGHT_NAME = 'unknown-initials';
const SCAN_DELAY_MS = 300;

let shared: Highlight | null = null;
function sharedHighlight(): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return null;
  if (!shared) {
    shared = new Highlight();
    CSS.highlights.set(HIGHLIGHT_NAME, shared);
  }
  return shared;
}

interface UnknownInitialsPluginProps {
  known: readonly string[];
}

export function UnknownInitialsPlugin({ known }: UnknownInitialsPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [unknown, setUnknown] = useState<string[]>([]);
  const ranges = useRef<Range[]>([]);

  useEffect(() => {
    const highlight = sharedHighlight();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const clear = (): void => {
      for (const r of ranges.current) highlight?.delete(r);
      ranges.current = [];
    };
    const scan = (): void => {
      timer = null;
      const root = editor.getRootElement();
      clear();
      if (!root) return;
      const found = new Set<string>();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (const hit of findUnknownInitials(text.data, known)) {
          found.add(hit.initials);
          if (highlight) {
            const range = new Range();
            range.setStart(text, hit.start);
            range.setEnd(text, hit.end);
            highlight.add(range);
            ranges.current.push(range);
          }
        }
      }
      const list = [...found].sort();
      setUnknown((prev) => (prev.join(' ') === list.join(' ') ? prev : list));
    };
    const later = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(scan, SCAN_DELAY_MS);
    };
    later();
    const stop = editor.registerTextContentListener(later);
    return () => {
      stop();
      if (timer) clearTimeout(timer);
      clear();
    };
  }, [editor, known]);

  if (unknown.length === 0) return null;
  return (
    <p className="initials-warning" role="note">
      Not on the board’s roster: {unknown.join(', ')}. Check the initials, or add the person to the roster.
    </p>
  );
}
