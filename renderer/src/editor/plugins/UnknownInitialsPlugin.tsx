// Underlines initials in the discussion that nobody on the board's roster has (a warning,
// never a block), and names them under the item. The marks are drawn over the text
// (initialsMarks.ts), so the document itself is untouched: nothing is stored, undo is
// unaffected, and typing is not slowed (the scan waits for a pause; the marks of the editor
// typed in come off at its first change and are put back by the scan).
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { findUnknownInitials } from '../../../../shared/domain/unknownInitials';
import { InitialsMarks, type InitialsMark } from '../initialsMarks';

const SCAN_DELAY_MS = 300;

interface UnknownInitialsPluginProps {
  known: readonly string[];
}

/** The nearest element that skips rendering its contents while far from the view (CSS content-visibility: auto). */
function skippingAncestor(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    if (getComputedStyle(el).contentVisibility === 'auto') return el;
  }
  return null;
}

/**
 * Tells `show` whether the editor is in or near the view, following its root element. Inside an
 * item card (content-visibility: auto) it hears the card's own state change, which Chromium
 * works out anyway to skip rendering far-off cards: no observer of our own, so a keystroke's
 * frame computes nothing for the other items. Elsewhere an IntersectionObserver, 600 px out.
 */
function watchInView(editor: LexicalEditor, show: (on: boolean) => void, onRoot: (root: HTMLElement | null) => void): () => void {
  let current: HTMLElement | null = null;
  let stopCurrent = (): void => undefined;
  const follow = (root: HTMLElement | null): void => {
    if (root === current) return;
    current = root;
    stopCurrent();
    stopCurrent = () => undefined;
    onRoot(root);
    if (!root) return;
    const host = skippingAncestor(root);
    if (host) {
      const onState = (e: Event): void => {
        if (e.target === host) show(!(e as ContentVisibilityAutoStateChangeEvent).skipped);
      };
      host.addEventListener('contentvisibilityautostatechange', onState);
      // Until the first state change arrives: what is rendered now (a skipped card is not).
      show(root.checkVisibility({ contentVisibilityAuto: true }));
      stopCurrent = () => host.removeEventListener('contentvisibilityautostatechange', onState);
      return;
    }
    if (typeof IntersectionObserver === 'undefined') {
      show(true);
      return;
    }
    const watcher = new IntersectionObserver((entries) => show(entries.some((e) => e.isIntersecting)), { rootMargin: '600px 0px' });
    watcher.observe(root);
    stopCurrent = () => watcher.disconnect();
  };
  // Called at once with the editor's element, then whenever it changes.
  const stopRoot = editor.registerRootListener((root) => follow(root));
  return () => {
    stopRoot();
    follow(null);
  };
}

export function UnknownInitialsPlugin({ known }: UnknownInitialsPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [unknown, setUnknown] = useState<string[]>([]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let marks: InitialsMarks | null = null;
    // Only editors in or near the view draw their marks: a meeting scrolled through keeps
    // only what is on screen.
    let inView = false;
    const show = (on: boolean): void => {
      inView = on;
      marks?.show(on);
    };
    const scan = (): void => {
      timer = null;
      const root = editor.getRootElement();
      if (!root) return;
      const found = new Set<string>();
      const hits: InitialsMark[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (const hit of findUnknownInitials(text.data, known)) {
          found.add(hit.initials);
          hits.push({ initials: hit.initials, range: new StaticRange({ startContainer: text, startOffset: hit.start, endContainer: text, endOffset: hit.end }) });
        }
      }
      marks?.set(hits);
      const list = [...found].sort();
      setUnknown((prev) => (prev.join(' ') === list.join(' ') ? prev : list));
    };
    // The scan waits for a pause: each change moves it on, but the timer is set once and, if it
    // wakes before the pause is over, waits on for the rest (no timer cleared and set per key).
    let scanAt = 0;
    const wake = (): void => {
      const wait = scanAt - Date.now();
      if (wait > 0) timer = setTimeout(wake, wait);
      else scan();
    };
    const later = (): void => {
      scanAt = Date.now() + SCAN_DELAY_MS;
      if (!timer) timer = setTimeout(wake, SCAN_DELAY_MS);
    };
    later();
    const stopWatching = watchInView(editor, show, (root) => {
      marks?.dispose();
      marks = root ? new InitialsMarks(root) : null;
      marks?.show(inView);
    });
    // A mark does not follow the text as it is typed: this editor's marks are taken off at the
    // first change (once, not on every key) and put back by the scan after the pause.
    const stop = editor.registerTextContentListener(() => {
      if (marks && marks.size > 0) marks.clear();
      later();
    });
    return () => {
      stop();
      stopWatching();
      if (timer) clearTimeout(timer);
      marks?.dispose();
    };
  }, [editor, known]);

  if (unknown.length === 0) return null;
  return (
    <p className="initials-warning" role="note">
      Not on the board’s roster: {unknown.join(', ')}. Check the initials, or add the person to the roster.
    </p>
  );
}
