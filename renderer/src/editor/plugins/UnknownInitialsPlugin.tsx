// Underlines initials in the discussion that nobody on the board's roster has (a warning,
// never a block). Uses the CSS Custom Highlight API, so the document itself is untouched:
// nothing is stored, undo is unaffected, and typing is not slowed (the scan waits for a pause).
// The ranges are StaticRanges: a live Range is moved by the browser on every change to the
// page, so a meeting with a thousand underlined initials paid for all of them on each keystroke.
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
  const ranges = useRef<StaticRange[]>([]);

  useEffect(() => {
    const highlight = sharedHighlight();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Only editors in or near the view lend their marks to the page's highlight: Chromium's
    // paint of every frame grows with the ranges highlighted anywhere in the page, so a
    // hundred items' marks at once slowed every keystroke (a meeting scrolled through keeps
    // only what is on screen).
    let inView = false;
    const show = (on: boolean): void => {
      if (!highlight || on === inView) return;
      inView = on;
      for (const r of ranges.current) {
        if (on) highlight.add(r);
        else highlight.delete(r);
      }
    };
    const clear = (): void => {
      if (inView) for (const r of ranges.current) highlight?.delete(r);
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
            const range = new StaticRange({ startContainer: text, startOffset: hit.start, endContainer: text, endOffset: hit.end });
            if (inView) highlight.add(range);
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
    const watcher =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => show(entries.some((e) => e.isIntersecting)), { rootMargin: '600px 0px' });
    if (!watcher) show(true);
    let observed: HTMLElement | null = null;
    const observe = (root: HTMLElement | null): void => {
      if (root === observed) return;
      if (observed) watcher?.unobserve(observed);
      observed = root;
      if (root) watcher?.observe(root);
    };
    // The editor usually has its element already; the listener follows it if it changes.
    observe(editor.getRootElement());
    const stopRoot = editor.registerRootListener((root) => observe(root));
    // A static range does not follow the text as it is typed: this editor's marks are taken
    // off at the first change (once, not on every key) and put back by the scan after the pause.
    const stop = editor.registerTextContentListener(() => {
      if (ranges.current.length > 0) clear();
      later();
    });
    return () => {
      stop();
      stopRoot();
      watcher?.disconnect();
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
