// The action log, for chairs: every outstanding action across the boards in one place, who
// owes what and what is overdue, filtered and sorted, and exported as CSV (for Excel) or as a
// PDF grouped by owner for the chair's briefing. The screen, the CSV and the PDF use the same
// rules (shared/domain/actionLog.ts), so they always hold the same rows.
import { useMemo, useState, type ReactNode } from 'react';
import type { ActionLogFilter, ActionLogSort, ActionLogSortKey } from '../../../../shared/contract';
import {
  actionLogCsv,
  DEFAULT_SORT,
  describeFilter,
  filterActionLog,
  NO_OWNER_LABEL,
  ownerCounts,
  ownerOptionLabel,
  sortActionLog,
} from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { OUTSTANDING_STATUSES, type OutstandingStatus } from '../../../../shared/domain/enums';
import { formatUkDate, isRealIsoDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { download, base64Bytes, safeFileName } from '../../app/download';
import { useMenuCommand } from '../../app/menuCommands';
import { hrefFor } from '../../app/router';
import { useLiveQuery } from '../../api/useLiveQuery';
import { LogTable } from './LogTable';
import { ReminderButtons } from '../between/ReminderButtons';
import { deliver } from '../documents/deliver';

interface FilterState {
  boardId: string;
  owner: string;
  status: '' | OutstandingStatus;
  overdue: 'any' | 'overdue' | 'not_overdue';
  dueFrom: string;
  dueTo: string;
  originMeetingId: string;
  text: string;
}

const NO_FILTER: FilterState = { boardId: '', owner: '', status: '', overdue: 'any', dueFrom: '', dueTo: '', originMeetingId: '', text: '' };

function toFilter(f: FilterState): ActionLogFilter {
  return {
    boardId: f.boardId || null,
    owner: f.owner || null,
    status: f.status || null,
    overdue: f.overdue,
    dueFrom: isRealIsoDate(f.dueFrom) ? f.dueFrom : null,
    dueTo: isRealIsoDate(f.dueTo) ? f.dueTo : null,
    originMeetingId: f.originMeetingId || null,
    text: f.text.trim().slice(0, 200),
  };
}

export function ActionLogPage() {
  // Every outstanding action with its owners, due, origin, and latest update, across the boards.
  const log = useLiveQuery(() => call('outstandingActions', {}), [], { watches: ['action', 'meeting', 'agenda_item', 'board', 'roster_member', 'group'] });
  const [f, setF] = useState<FilterState>(NO_FILTER);
  const [sort, setSort] = useState<ActionLogSort>(DEFAULT_SORT);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (patch: Partial<FilterState>): void => setF((prev) => ({ ...prev, ...patch }));

  const all = useMemo(() => log.data?.actions ?? [], [log.data]);
  const filter = toFilter(f);
  const rangeWrong = !!filter.dueFrom && !!filter.dueTo && filter.dueFrom > filter.dueTo;
  const rows = useMemo(() => sortActionLog(filterActionLog(all, toFilter(f)), sort), [all, f, sort]);

  // Choices come from the board in view, so nothing offered leads to an empty list by itself.
  const inBoard = useMemo(() => (f.boardId ? all.filter((a) => a.boardId === f.boardId) : all), [all, f.boardId]);
  const boards = useMemo(() => uniqueBy(all.map((a) => ({ id: a.boardId, name: a.boardName, code: a.boardShortCode })), (b) => b.id), [all]);
  const owners = useMemo(() => ownerCounts(inBoard).sort((a, b) => a.label.localeCompare(b.label, 'en-GB')), [inBoard]);
  const meetings = useMemo(
    () =>
      uniqueBy(
        inBoard.map((a) => ({ id: a.origin.meetingId, date: a.origin.meetingDate, board: a.boardShortCode ?? a.boardName })),
        (m) => m.id,
      ).sort((a, b) => (a.date < b.date ? 1 : -1)),
    [inBoard],
  );
  const counts = ownerCounts(rows);
  const manyBoards = boards.length > 1 && !f.boardId;
  const overdue = rows.filter((r) => r.overdue).length;
  const chosenOwner = owners.find((o) => o.key === f.owner);
  const chosenBoard = boards.find((b) => b.id === f.boardId);
  const chosenMeeting = meetings.find((m) => m.id === f.originMeetingId);
  const description = describeFilter(filter, {
    board: chosenBoard?.name,
    owner: chosenOwner ? ownerOptionLabel(chosenOwner) : undefined,
    meeting: chosenMeeting ? `the meeting of ${formatUkDate(chosenMeeting.date)}` : undefined,
  });
  const filtered = JSON.stringify(f) !== JSON.stringify(NO_FILTER);

  const fileStem = (): string => {
    const board = chosenBoard ?? (boards.length === 1 ? boards[0] : undefined);
    return safeFileName(`${board ? (board.code ?? board.name) : 'All boards'} action log${chosenOwner ? ` ${chosenOwner.label}` : ''} ${log.data?.today ?? ''}`);
  };

  const exportCsv = (): void => download(`${fileStem()}.csv`, actionLogCsv(rows), 'text/csv;charset=utf-8');
  const exportPdf = async (): Promise<void> => {
    setPdfBusy(true);
    setExportError(null);
    try {
      const pdf = await call('exportActionLogPdf', { filter, sort });
      download(`${fileStem()}.pdf`, base64Bytes(pdf.pdfBase64), 'application/pdf');
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    } finally {
      setPdfBusy(false);
    }
  };

  const canExport = rows.length > 0 && !rangeWrong;
  useMenuCommand('export-pdf', () => void exportPdf(), canExport && !pdfBusy);

  const sortBy = (key: ActionLogSortKey): void =>
    setSort((prev) => (prev.by === key ? { by: key, descending: !prev.descending } : { by: key, descending: key === 'carried' }));

  return (
    <section className="page page-wide" aria-labelledby="log-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">All boards</p>
          <h1 id="log-title">Action log</h1>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={exportCsv} disabled={rows.length === 0 || rangeWrong}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => void exportPdf()} disabled={!canExport || pdfBusy}>
            {pdfBusy ? 'Making the PDF…' : 'Export PDF'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!canExport || pdfBusy}
            onClick={() =>
              void call('exportActionLogDocx', { filter, sort }).then(
                (result) => deliver(result, 'The action log'),
                (err: unknown) => setExportError(err instanceof Error ? err.message : String(err)),
              )
            }
          >
            Export Word
          </button>
          <ReminderButtons filter={filter} sort={sort} disabled={!canExport} />
          <a className="button" href={hrefFor({ name: 'myActions' })}>
            My actions
          </a>
        </div>
      </header>
      {exportError ? (
        <p className="form-error" role="alert">
          {exportError}
        </p>
      ) : null}
      {log.error ? (
        <p className="form-error" role="alert">
          The action log could not be read: {log.error.message}
        </p>
      ) : null}
      {log.data && all.length === 0 ? (
        <div className="empty-state">
          <h2>No outstanding actions</h2>
          <p>Every action agreed at your boards’ meetings has been done, dropped or superseded. New actions appear here as the minutes are typed.</p>
        </div>
      ) : null}
      {log.data && all.length > 0 ? (
        <>
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
              <button type="button" className="button compact clear-filter" onClick={() => setF(NO_FILTER)}>
                Clear the filter
              </button>
            ) : null}
          </form>
          {rangeWrong ? (
            <p className="form-error" role="alert" id="log-due-error">
              The start of the due range must be on or before its end.
            </p>
          ) : null}
          <p className="log-summary" role="status">
            {rows.length === all.length
              ? `${all.length} outstanding ${all.length === 1 ? 'action' : 'actions'}`
              : `${rows.length} of ${all.length} outstanding actions`}
            {overdue ? `, ${overdue} overdue` : ''}. Overdue means due before today, {formatUkDate(log.data.today)} (UK time).
          </p>
          {rows.length > 0 ? (
            <>
              <section className="owner-counts" aria-labelledby="owner-counts-title">
                <h2 id="owner-counts-title">Who owes what</h2>
                <ul>
                  {counts.map((c) => (
                    <li key={c.key}>
                      <button
                        type="button"
                        className="owner-count-button"
                        aria-pressed={f.owner === c.key}
                        onClick={() => set({ owner: f.owner === c.key ? '' : c.key })}
                        title={f.owner === c.key ? 'Show everyone again' : `Show only ${ownerOptionLabel(c)}`}
                      >
                        <span className="owner-count-name">{ownerOptionLabel(c)}</span>
                        <span className="owner-count">
                          {c.count}
                          {c.overdue ? <span className="overdue-text">, {c.overdue} overdue</span> : null}
                        </span>
                      </button>
                    </li>
                  ))}
                  {rows.some((r) => r.owners.length === 0) ? (
                    <li className="owner-count-none">
                      {NO_OWNER_LABEL} <span className="owner-count">{rows.filter((r) => r.owners.length === 0).length}</span>
                    </li>
                  ) : null}
                </ul>
              </section>
              <div className="log-table-wrap">
                <LogTable rows={rows} sort={sort} onSort={sortBy} showBoard={manyBoards} />
              </div>
            </>
          ) : (
            <div className="empty-state">
              <h2>No action matches this filter</h2>
              <p>
                {description}: none of the {all.length} outstanding actions. <button type="button" className="link-button" onClick={() => setF(NO_FILTER)}>Clear the filter</button> to see them all.
              </p>
            </div>
          )}
        </>
      ) : null}
      {!log.data && !log.error ? <div className="table-placeholder" aria-busy="true" /> : null}
    </section>
  );
}

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

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
