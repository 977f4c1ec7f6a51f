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

/**
 * The elements around this one that skip rendering their contents while far from the view (CSS
 * content-visibility: auto), nearest first: the item card, and the group of cards it is in.
 */
function skippingAncestors(element: HTMLElement): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let el = element.parentElement; el; el = el.parentElement) {
    if (getComputedStyle(el).contentVisibility === 'auto') found.push(el);
  }
  return found;
}

/**
 * Tells `show` whether the editor is in or near the view, following its root element. Inside an
 * item card (content-visibility: auto) it hears the state changes of the card and of its group of
 * cards, which Chromium works out anyway to skip rendering far-off cards: no observer of our own,
 * so a keystroke's frame computes nothing for the other items. The editor is drawn when neither
 * skips it. Elsewhere an IntersectionObserver, 600 px out.
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
    if (skippingAncestors(root).length > 0) {
      // The card, or its group, now skips the editor, or no longer does. Heard at the document
      // (the event does not bubble, but is captured on its way down): the group a card is in can
      // change when items are added or moved, and the card is put in it after its editor starts.
      // The states of the others are already settled when one arrives; checkVisibility reads them all.
      const onState = (e: Event): void => {
        if (!(e.target instanceof Node) || !e.target.contains(root)) return;
        show(!(e as ContentVisibilityAutoStateChangeEvent).skipped && root.checkVisibility({ contentVisibilityAuto: true }));
      };
      document.addEventListener('contentvisibilityautostatechange', onState, true);
      // Until the first state change arrives: what is rendered now (a skipped card is not).
      show(root.checkVisibility({ contentVisibilityAuto: true }));
      stopCurrent = () => document.removeEventListener('contentvisibilityautostatechange', onState, true);
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
