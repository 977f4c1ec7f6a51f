// The search box on every screen: Ctrl+K (⌘K on a Mac) or the sidebar's Search button opens it.
// In a discussion Ctrl+K adds a link, as in word processors (the editor claims the key first), so
// there the button opens search. Also shows opened hits on their meeting's page.
import { useEffect, useState } from 'react';
import { IS_MAC, MOD_LABEL } from '../../editor/shortcutsLabel';
import { OPEN_SEARCH_EVENT, openSearch } from './openHit';
import { SearchDialog } from './SearchDialog';
import { SearchHitHighlighter } from './SearchHitHighlighter';

/** Ctrl+K (⌘K), not already taken by what has the focus. */
function isSearchKey(e: KeyboardEvent): boolean {
  const mod = IS_MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return mod && !e.shiftKey && !e.altKey && e.code === 'KeyK' && !e.defaultPrevented && !e.isComposing;
}

export function SearchLauncher({ currentBoardId }: { currentBoardId: string | undefined }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!isSearchKey(e)) return;
      e.preventDefault();
      setOpen(true);
    };
    const onOpen = (): void => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, []);
  return (
    <>
      <SearchHitHighlighter />
      {open ? <SearchDialog currentBoardId={currentBoardId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** The sidebar's button: opens the search box from anywhere, the discussion included. */
export function SearchButton() {
  return (
    <button type="button" className="search-button" onClick={openSearch} aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}>
      <span>Search minutes…</span>
      <kbd>{MOD_LABEL}+K</kbd>
    </button>
  );
}
