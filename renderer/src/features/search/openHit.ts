// Opening a search hit: its meeting's page, scrolled to the record the hit is in, with the words
// found highlighted. The hit waits here until the meeting's page has drawn that record.
import type { SearchTarget } from '../../../../shared/contract';
import { navigate } from '../../app/router';

export interface OpenedHit {
  target: SearchTarget;
  words: readonly string[];
}

export const HIT_OPENED_EVENT = 'matters-arising:search-hit';
export const OPEN_SEARCH_EVENT = 'matters-arising:open-search';

let pending: OpenedHit | null = null;

export function openHit(hit: OpenedHit): void {
  pending = hit;
  navigate({ name: 'meeting', meetingId: hit.target.meetingId });
  window.dispatchEvent(new Event(HIT_OPENED_EVENT));
}

/** The hit last opened, for the highlighter; it stays until another is opened. */
export const openedHit = (): OpenedHit | null => pending;

/** Opens the search box (from a button anywhere; Ctrl+K is handled where the box lives). */
export function openSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
}

/** The element on a meeting's page that shows the record a hit is in. */
export function targetSelector(target: SearchTarget): string {
  switch (target.kind) {
    case 'item':
      return `[data-item-card="${target.id}"]`;
    case 'decision':
      return `[data-decision-id="${target.id}"]`;
    case 'action':
      return `tr[data-action-id="${target.actionId ?? target.id}"]`;
    case 'update':
      return `.arising-entry[data-action-id="${target.actionId ?? ''}"]`;
    case 'attendance':
      return 'section.attendance:not([aria-busy="true"])';
  }
}
