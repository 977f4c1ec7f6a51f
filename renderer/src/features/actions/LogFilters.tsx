// The action log's filter bar and its "who owes what" buttons: the filter being typed, and the
// choices core offers for it (actionLogSummary). Both render only when the filter or the choices
// change, never because the page's window of rows moved on while scrolling: the "raised at"
// choice alone lists every meeting with outstanding actions (1,793 on the large store).
import { memo, type ReactNode } from 'react';
import type { ActionLogBoardChoice, ActionLogMeetingChoice, OwnerCount } from '../../../../shared/contract';
import { NO_OWNER_LABEL, ownerOptionLabel } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { OUTSTANDING_STATUSES, type OutstandingStatus } from '../../../../shared/domain/enums';
import { formatUkDate } from '../../../../shared/domain/dates';

export interface FilterState {
  boardId: string;
  owner: string;
  status: '' | OutstandingStatus;
  overdue: 'any' | 'overdue' | 'not_overdue';
  dueFrom: string;
  dueTo: string;
  originMeetingId: string;
  text: string;
}

export const NO_FILTER: FilterState = { boardId: '', owner: '', status: '', overdue: 'any', dueFrom: '', dueTo: '', originMeetingId: '', text: '' };

/** Choices not known yet: one array for every render, so the bar does not render again for a new empty one. */
export const NO_CHOICES: readonly never[] = [];

interface LogFiltersProps {
  f: FilterState;
  /** Stable across renders (the bar is memoised). */
  set: (patch: Partial<FilterState>) => void;
  clear: () => void;
  boards: readonly ActionLogBoardChoice[];
  owners: readonly OwnerCount[];
  meetings: readonly ActionLogMeetingChoice[];
  rangeWrong: boolean;
}

export const LogFilters = memo(function LogFilters({ f, set, clear, boards, owners, meetings, rangeWrong }: LogFiltersProps) {
  const manyBoards = boards.length > 1 && !f.boardId;
  const filtered = JSON.stringify(f) !== JSON.stringify(NO_FILTER);
  return (
    <form className="log-filters" aria-label="Filter the action log" onSubmit={(e) => e.preventDefault()}>
      {boards.length > 1 ? (
        <Select label="Board" value={f.boardId} onChange={(v) => set({ boardId: v, owner: '', originMeetingId: '' })}>
          <option value="">All boards</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      ) : null}
      <Select label="Owner" value={f.owner} onChange={(v) => set({ owner: v })}>
        <option value="">Anyone</option>
        {owners.map((o) => (
          <option key={o.key} value={o.key}>
            {ownerOptionLabel(o)}
          </option>
        ))}
      </Select>
      <Select label="Status" value={f.status} onChange={(v) => set({ status: v as FilterState['status'] })}>
        <option value="">Any (not yet finished)</option>
        {OUTSTANDING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_LABEL[s]}
          </option>
        ))}
      </Select>
      <Select label="Overdue" value={f.overdue} onChange={(v) => set({ overdue: v as FilterState['overdue'] })}>
        <option value="any">Overdue or not</option>
        <option value="overdue">Overdue only</option>
        <option value="not_overdue">Not overdue</option>
      </Select>
      <div className="filter">
        <label htmlFor="log-due-from">Due from</label>
        <input id="log-due-from" type="date" value={f.dueFrom} onChange={(e) => set({ dueFrom: e.target.value })} />
      </div>
      <div className={rangeWrong ? 'filter has-error' : 'filter'}>
        <label htmlFor="log-due-to">Due to</label>
        <input
          id="log-due-to"
          type="date"
          value={f.dueTo}
          aria-invalid={rangeWrong || undefined}
          aria-describedby={rangeWrong ? 'log-due-error' : undefined}
          onChange={(e) => set({ dueTo: e.target.value })}
        />
      </div>
      <Select label="Raised at" value={f.originMeetingId} onChange={(v) => set({ originMeetingId: v })}>
        <option value="">Any meeting</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {formatUkDate(m.date)}
            {manyBoards ? ` (${m.board})` : ''}
          </option>
        ))}
      </Select>
      <div className="filter filter-text">
        <label htmlFor="log-text">Look for</label>
        <input id="log-text" type="search" value={f.text} maxLength={200} placeholder="Reference, words, owner…" onChange={(e) => set({ text: e.target.value })} />
      </div>
      {filtered ? (
        <button type="button" className="button compact clear-filter" onClick={clear}>
          Clear the filter
        </button>
      ) : null}
    </form>
  );
});

interface OwnerCountsProps {
  counts: readonly OwnerCount[];
  unowned: number;
  /** The owner the log is filtered to ('' for anyone). */
  owner: string;
  set: (patch: Partial<FilterState>) => void;
}

/** Who owes what among the rows the filter keeps; a name filters the log to that owner (and back). */
export const OwnerCounts = memo(function OwnerCounts({ counts, unowned, owner, set }: OwnerCountsProps) {
  return (
    <section className="owner-counts" aria-labelledby="owner-counts-title">
      <h2 id="owner-counts-title">Who owes what</h2>
      <ul>
        {counts.map((c) => (
          <li key={c.key}>
            <button
              type="button"
              className="owner-count-button"
              aria-pressed={owner === c.key}
              onClick={() => set({ owner: owner === c.key ? '' : c.key })}
              title={owner === c.key ? 'Show everyone again' : `Show only ${ownerOptionLabel(c)}`}
            >
              <span className="owner-count-name">{ownerOptionLabel(c)}</span>
              <span className="owner-count">
                {c.count}
                {c.overdue ? <span className="overdue-text">, {c.overdue} overdue</span> : null}
              </span>
            </button>
          </li>
        ))}
        {unowned ? (
          <li className="owner-count-none">
            {NO_OWNER_LABEL} <span className="owner-count">{unowned}</span>
          </li>
        ) : null}
      </ul>
    </section>
  );
});

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = `log-${label.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
