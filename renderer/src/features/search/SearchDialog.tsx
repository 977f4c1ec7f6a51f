// The search box: what to look for, in which board, and the hits grouped by meeting (the meeting
// with the best hit first). ↑ ↓ move between hits, Enter opens one: its meeting, scrolled to it,
// with the words highlighted. Results follow the record while the box is open.
import { useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchMeetingGroup, SearchResult } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useBoardList } from '../boards/useBoardList';
import { openHit } from './openHit';

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  item: 'Discussion',
  decision: 'Decision',
  action: 'Action',
  update: 'Progress',
  attendance: 'Attendance',
};

function hitHeading(hit: SearchHit): string {
  const item = hit.itemNumber ? `Item ${hit.itemNumber}${hit.itemTitle ? `: ${hit.itemTitle}` : ''}` : null;
  if (hit.kind === 'action' || hit.kind === 'update') return [`${KIND_LABEL[hit.kind]} ${hit.reference ?? ''}`.trim(), item].filter(Boolean).join(' · ');
  if (hit.kind === 'attendance') return KIND_LABEL.attendance;
  return [KIND_LABEL[hit.kind], item].filter(Boolean).join(' · ');
}

function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <span className="search-snippet">
      {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

interface SearchDialogProps {
  /** The board of the screen shown, offered as the first choice of where to look. */
  currentBoardId: string | undefined;
  onClose: () => void;
}

export function SearchDialog({ currentBoardId, onClose }: SearchDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [boardId, setBoardId] = useState<string>(currentBoardId ?? '');
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const boards = useBoardList();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const result = useLiveQuery<SearchResult | null>(
    () => (query === '' ? Promise.resolve(null) : call('search', { query, boardId: boardId || null })),
    [query, boardId],
    { watches: ['meeting', 'agenda_item', 'decision', 'action', 'board', 'roster_member', 'group'] },
  );
  const data = query === '' ? null : result.data;
  const hits: Array<{ group: SearchMeetingGroup; hit: SearchHit }> = (data?.meetings ?? []).flatMap((group) => group.hits.map((hit) => ({ group, hit })));

  const open = (hit: SearchHit): void => {
    openHit({ target: hit.target, words: data?.highlight ?? [] });
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = hits[active];
      if (chosen) open(chosen.hit);
    }
  };

  let index = 0;
  return (
    <dialog
      ref={ref}
      className="dialog search-dialog"
      aria-labelledby="search-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog-inner">
        <h2 id="search-title">Search the minutes</h2>
        <div className="search-controls">
          <input
            type="search"
            className="search-input"
            aria-label="Words to look for"
            placeholder="Words, “a phrase”, fost* …"
            value={text}
            autoFocus
            maxLength={10_000}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits.length > 0 ? `search-hit-${active}` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <select aria-label="Where to look" value={boardId} onChange={(e) => {
              setBoardId(e.target.value);
              setActive(0);
            }}>
            <option value="">All boards</option>
            {(boards.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        {result.error && query !== '' ? (
          <p className="form-error" role="alert">
            {result.error.message}
          </p>
        ) : null}
        <p className="search-status" role="status">
          {query === ''
            ? 'Type words to look for in every meeting’s items, decisions, actions, progress and attendance. Use quotes for a phrase, * for the start of a word, - to leave a word out.'
            : !data
              ? 'Searching…'
              : data.count === 0
                ? 'Nothing found.'
                : `${data.more ? `The best ${data.count}` : data.count} ${data.count === 1 ? 'hit' : 'hits'} in ${data.meetings.length} ${data.meetings.length === 1 ? 'meeting' : 'meetings'}.${data.truncated ? ' Only the first words of a long search were used.' : ''}`}
        </p>
        <div id="search-results" className="search-results" role="listbox" aria-label="Hits">
          {(data?.meetings ?? []).map((group) => (
            // A listbox may hold options and groups of them only (axe-core: aria-required-children);
            // the group's label says what its heading shows.
            <div key={group.meetingId} className="search-group" role="group" aria-label={`${group.boardName}, ${formatUkDate(group.date)}`}>
              <h3 aria-hidden="true">
                {formatUkDate(group.date)} <span className="search-board">{group.boardName}</span>{' '}
                <span className="status-badge">{MEETING_STATUS_LABEL[group.status]}</span>
              </h3>
              {group.hits.map((hit) => {
                const i = index++;
                return (
                  <div
                    key={`${hit.kind}-${hit.target.id}`}
                    id={`search-hit-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={`search-hit${i === active ? ' is-active' : ''}`}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => open(hit)}
                  >
                    <span className="search-hit-heading">
                      {hitHeading(hit)}
                      {hit.confidential ? <span className="confidential-badge">Confidential</span> : null}
                    </span>
                    <Snippet hit={hit} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
