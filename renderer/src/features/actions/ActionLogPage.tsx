// The action log, for chairs: every outstanding action across the boards in one place, who
// owes what and what is overdue, filtered and sorted, and exported as CSV (for Excel) or as a
// PDF grouped by owner for the chair's briefing. The screen, the CSV and the PDF use the same
// rules (shared/domain/actionLog.ts), so they always hold the same rows. The screen asks core for
// the rows in view (useLogWindow) and for the counts and choices around them (actionLogSummary).
import { useCallback, useState } from 'react';
import type { ActionLogFilter, ActionLogSort, ActionLogSortKey } from '../../../../shared/contract';
import { actionLogCsv, DEFAULT_SORT, describeFilter, filterActionLog, ownerOptionLabel, sortActionLog } from '../../../../shared/domain/actionLog';
import { formatUkDate, isRealIsoDate } from '../../../../shared/domain/dates';
import { actionLogFileStem } from '../../../../shared/domain/fileNames';
import { call } from '../../api/client';
import { download, base64Bytes } from '../../app/download';
import { useMenuCommand } from '../../app/menuCommands';
import { hrefFor } from '../../app/router';
import { useLiveQuery } from '../../api/useLiveQuery';
import { LogTable } from './LogTable';
import { LogFilters, NO_CHOICES, NO_FILTER, OwnerCounts, type FilterState } from './LogFilters';
import { LOG_WATCHES, useLogWindow } from './useLogWindow';
import { ReminderButtons } from '../between/ReminderButtons';
import { deliver } from '../documents/deliver';

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
  // Stable, so the memoised filter bar renders only when the filter or its choices change.
  const set = useCallback((patch: Partial<FilterState>): void => setF((prev) => ({ ...prev, ...patch })), []);
  const clear = useCallback((): void => setF(NO_FILTER), []);

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
  const boards = summary?.boards ?? NO_CHOICES;
  const owners = summary?.owners ?? NO_CHOICES;
  const meetings = summary?.meetings ?? NO_CHOICES;
  const counts = summary?.counts ?? NO_CHOICES;
  const manyBoards = boards.length > 1 && !f.boardId;
  const chosenOwner = owners.find((o) => o.key === f.owner);
  const chosenBoard = boards.find((b) => b.id === f.boardId);
  const chosenMeeting = meetings.find((m) => m.id === f.originMeetingId);
  const description = describeFilter(filter, {
    board: chosenBoard?.name,
    owner: chosenOwner ? ownerOptionLabel(chosenOwner) : undefined,
    meeting: chosenMeeting ? `the meeting of ${formatUkDate(chosenMeeting.date)}` : undefined,
  });

  // The CSV holds every row the filter keeps, not only those in view: the whole log, filtered and sorted by the same rules.
  const exportCsv = async (): Promise<void> => {
    setExportError(null);
    try {
      const whole = await call('outstandingActions', {});
      download(`${actionLogFileStem(whole, filter)}.csv`, actionLogCsv(sortActionLog(filterActionLog(whole.actions, filter), sort)), 'text/csv;charset=utf-8');
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    }
  };
  const exportPdf = async (): Promise<void> => {
    setPdfBusy(true);
    setExportError(null);
    try {
      const pdf = await call('exportActionLogPdf', { filter, sort });
      download(pdf.filename, base64Bytes(pdf.pdfBase64), 'application/pdf');
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
          <LogFilters f={f} set={set} clear={clear} boards={boards} owners={owners} meetings={meetings} rangeWrong={rangeWrong} />
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
              <OwnerCounts counts={counts} unowned={summary?.unowned ?? 0} owner={f.owner} set={set} />
              <div className="log-table-wrap">
                <LogTable count={total} rowAt={log.rowAt} onShowing={log.showing} sort={sort} onSort={sortBy} showBoard={manyBoards} />
              </div>
            </>
          ) : (
            <div className="empty-state">
              <h2>No action matches this filter</h2>
              <p>
                {description}: none of the {outstanding} outstanding actions. <button type="button" className="link-button" onClick={clear}>Clear the filter</button> to see them all.
              </p>
            </div>
          )}
        </>
      ) : null}
      {!log.data && !log.error ? <div className="table-placeholder" aria-busy="true" /> : null}
    </section>
  );
}
