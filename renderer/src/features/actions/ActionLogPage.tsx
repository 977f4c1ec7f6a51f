// The action log, for chairs: every outstanding action across the boards in one place, who
// owes what and what is overdue, filtered and sorted, and exported as CSV (for Excel) or as a
// PDF grouped by owner for the chair's briefing. The screen, the CSV and the PDF use the same
// rules (shared/domain/actionLog.ts), so they always hold the same rows. The screen asks core for
// the rows in view (useLogWindow) and for the counts and choices around them (actionLogSummary).
import { useState, type ReactNode } from 'react';
import type { ActionLogFilter, ActionLogSort, ActionLogSortKey } from '../../../../shared/contract';
import { actionLogCsv, DEFAULT_SORT, describeFilter, filterActionLog, NO_OWNER_LABEL, ownerOptionLabel, sortActionLog } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { OUTSTANDING_STATUSES, type OutstandingStatus } from '../../../../shared/domain/enums';
import { formatUkDate, isRealIsoDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { download, base64Bytes, safeFileName } from '../../app/download';
import { useMenuCommand } from '../../app/menuCommands';
import { hrefFor } from '../../app/router';
import { useLiveQuery } from '../../api/useLiveQuery';
import { LogTable } from './LogTable';
import { LOG_WATCHES, useLogWindow } from './useLogWindow';
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
  const [f, setF] = useState<FilterState>(NO_FILTER);
  const [sort, setSort] = useState<ActionLogSort>(DEFAULT_SORT);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (patch: Partial<FilterState>): void => setF((prev) => ({ ...prev, ...patch }));

  const filter = toFilter(f);
  const rangeWrong = !!filter.dueFrom && !!filter.dueTo && filter.dueFrom > filter.dueTo;
  // A range the wrong way round keeps nothing (and says why below); core is not asked about it.
  const asked: ActionLogFilter = rangeWrong ? { ...filter, dueTo: null } : filter;
  const log = useLogWindow(asked, sort);
  const summaryQuery = useLiveQuery(() => call('actionLogSummary', { filter: asked }), [JSON.stringify(asked)], { watches: LOG_WATCHES });
  const summary = summaryQuery.data;
  const outstanding = log.data?.outstanding ?? 0;
  const total = rangeWrong ? 0 : (log.data?.total ?? 0);
  const overdue = rangeWrong ? 0 : (log.data?.overdue ?? 0);
  const boards = summary?.boards ?? [];
  const owners = summary?.owners ?? [];
  const meetings = summary?.meetings ?? [];
  const counts = summary?.counts ?? [];
  const manyBoards = boards.length > 1 && !f.boardId;
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

  // The CSV holds every row the filter keeps, not only those in view: the whole log, filtered and sorted by the same rules.
  const exportCsv = async (): Promise<void> => {
    setExportError(null);
    try {
      const whole = await call('outstandingActions', {});
      download(`${fileStem()}.csv`, actionLogCsv(sortActionLog(filterActionLog(whole.actions, filter), sort)), 'text/csv;charset=utf-8');
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    }
  };
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

  const canExport = total > 0 && !rangeWrong;
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
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={!canExport}>
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
      {log.error || summaryQuery.error ? (
        <p className="form-error" role="alert">
          The action log could not be read: {(log.error ?? summaryQuery.error)?.message}
        </p>
      ) : null}
      {log.data && outstanding === 0 ? (
        <div className="empty-state">
          <h2>No outstanding actions</h2>
          <p>Every action agreed at your boards’ meetings has been done, dropped or superseded. New actions appear here as the minutes are typed.</p>
        </div>
      ) : null}
      {log.data && outstanding > 0 ? (
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
            {total === outstanding
              ? `${outstanding} outstanding ${outstanding === 1 ? 'action' : 'actions'}`
              : `${total} of ${outstanding} outstanding actions`}
            {overdue ? `, ${overdue} overdue` : ''}. Overdue means due before today, {formatUkDate(log.data.today)} (UK time).
          </p>
          {total > 0 ? (
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
                  {summary?.unowned ? (
                    <li className="owner-count-none">
                      {NO_OWNER_LABEL} <span className="owner-count">{summary.unowned}</span>
                    </li>
                  ) : null}
                </ul>
              </section>
              <div className="log-table-wrap">
                <LogTable count={total} rowAt={log.rowAt} onShowing={log.showing} sort={sort} onSort={sortBy} showBoard={manyBoards} />
              </div>
            </>
          ) : (
            <div className="empty-state">
              <h2>No action matches this filter</h2>
              <p>
                {description}: none of the {outstanding} outstanding actions. <button type="button" className="link-button" onClick={() => setF(NO_FILTER)}>Clear the filter</button> to see them all.
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
