// Shows an opened search hit on its meeting's page: scrolls to the record once the page has drawn
// it, and highlights the words found, in the text on the page (through the CSS Custom Highlight
// API, so the editor's own DOM is never touched) and on the fields that hold them.
import { useEffect } from 'react';
import { useRoute } from '../../app/router';
import { HIT_OPENED_EVENT, openedHit, targetSelector, type OpenedHit } from './openHit';
import { wordRanges } from './wordRanges';

const HIGHLIGHT = 'search-hit';
const FIELD_CLASS = 'search-hit-field';
const TARGET_CLASS = 'search-hit-target';
/** How long to wait for the meeting's page to draw the record (the page and its data load first). */
const WAIT_MS = 10_000;

/** How long a drawn record may go without the words showing in it (a hit on an owner's full name shows only initials). */
const SETTLE_MS = 1_500;

function holdsWords(el: HTMLElement, words: readonly string[]): boolean {
  if (wordRanges(el.textContent ?? '', words).length > 0) return true;
  return [...el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].some((f) => wordRanges(f.value, words).length > 0);
}

function clear(): void {
  globalThis.CSS?.highlights?.delete(HIGHLIGHT);
  for (const el of document.querySelectorAll(`.${FIELD_CLASS}, .${TARGET_CLASS}`)) el.classList.remove(FIELD_CLASS, TARGET_CLASS);
}

/** Marks every place in the page's text and fields where the words are. */
function highlightWords(root: HTMLElement, words: readonly string[]): void {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const [start, end] of wordRanges(node.nodeValue ?? '', words)) {
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  if (globalThis.CSS?.highlights && typeof Highlight === 'function') CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input:not([type]), textarea')) {
    if (wordRanges(field.value, words).length > 0) field.classList.add(FIELD_CLASS);
  }
}

function show(hit: OpenedHit): () => void {
  clear();
  const selector = targetSelector(hit.target);
  const started = performance.now();
  let frame = 0;
  let seenAt: number | null = null;
  const attempt = (): void => {
    const el = document.querySelector<HTMLElement>(selector);
    const root = document.getElementById('content');
    if (el && seenAt === null) seenAt = performance.now();
    // The record is drawn before its text is (the discussion editor fills in after the card):
    // wait for the words, or a moment, before highlighting.
    if (el && root && (holdsWords(el, hit.words) || performance.now() - (seenAt ?? 0) > SETTLE_MS)) {
      el.classList.add(TARGET_CLASS);
      el.scrollIntoView({ block: 'center' });
      highlightWords(root, hit.words);
      return;
    }
    if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

/** Mounted once in the workspace: shows each hit opened, and clears the highlight on leaving its meeting. */
export function SearchHitHighlighter() {
  const route = useRoute();
  const meetingId = route.name === 'meeting' ? route.meetingId : null;
  useEffect(() => {
    let cancel = (): void => {};
    const onOpened = (): void => {
      const hit = openedHit();
      cancel();
      if (hit) cancel = show(hit);
    };
    window.addEventListener(HIT_OPENED_EVENT, onOpened);
    return () => {
      window.removeEventListener(HIT_OPENED_EVENT, onOpened);
      cancel();
    };
  }, []);
  useEffect(() => {
    const hit = openedHit();
    if (!hit || hit.target.meetingId !== meetingId) clear();
  }, [meetingId]);
  return null;
}
