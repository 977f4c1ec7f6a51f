// The chair's briefing for one board, on one page: totals, opened / done / overdue per meeting as
// a chart, what was reported since the last meeting, and who owes what, overdue first; as PDF too.
import { useState } from 'react';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { base64Bytes, download } from '../../app/download';
import { BoardFrame, useBoardSettings } from '../roster/BoardFrame';
import { ActionRows } from './ActionRows';
import { BriefingChart } from './BriefingChart';

export function BriefingPage({ boardId }: { boardId: string }) {
  const board = useBoardSettings(boardId);
  const briefing = useLiveQuery(() => call('getBriefing', { boardId }), [boardId], { watches: ['action', 'meeting', 'board', 'roster_member', 'group'] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportPdf = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const pdf = await call('exportBriefingPdf', { boardId });
      download(pdf.filename, base64Bytes(pdf.pdfBase64), 'application/pdf');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const actions = (
    <button type="button" className="button" onClick={() => void exportPdf()} disabled={busy || !briefing.data}>
      {busy ? 'Making the PDF…' : 'Export PDF'}
    </button>
  );
  return (
    <BoardFrame board={board} tab="briefing" title="Chair’s briefing" actions={actions}>
      {() => {
        const b = briefing.data;
        if (!b) return briefing.error ? <p role="alert">{briefing.error.message}</p> : <div aria-busy="true" />;
        return (
          <div className="briefing">
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <p className="briefing-totals" role="status">
              {b.totals.outstanding} outstanding {b.totals.outstanding === 1 ? 'action' : 'actions'}, {b.totals.overdue} overdue
              {b.lastMeeting ? `; ${b.openedAtLast} opened at the last meeting, ${formatUkDate(b.lastMeeting.date)}` : ''}. As at {formatUkDate(b.today)}.
            </p>
            <div className="briefing-top">
              <section aria-labelledby="chart-title">
                <h2 id="chart-title">Opened, done and overdue at each meeting</h2>
                <BriefingChart meetings={b.perMeeting} />
              </section>
              <section aria-labelledby="changes-title">
                <h2 id="changes-title">Since the last meeting{b.lastMeeting ? ` (${formatUkDate(b.lastMeeting.date)})` : ''}</h2>
                {b.changedSince.length ? (
                  <ul className="briefing-changes">
                    {b.changedSince.map((c) => (
                      <li key={c.update.id}>
                        <strong>{c.reference}</strong> {formatUkDate(c.update.date)} ({ACTION_STATUS_LABEL[c.update.status].toLowerCase()}): {c.update.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Nothing reported between meetings.</p>
                )}
              </section>
            </div>
            <h2>Who owes what, overdue first</h2>
            {b.owners.map((o) => (
              <ActionRows
                key={o.key}
                actions={o.actions}
                caption={`${o.label}: ${o.actions.length} ${o.actions.length === 1 ? 'action' : 'actions'}${o.overdue ? `, ${o.overdue} overdue` : ''}`}
              />
            ))}
            {b.unowned.length ? <ActionRows actions={b.unowned} caption={`No owner: ${b.unowned.length}`} /> : null}
            {b.totals.outstanding === 0 ? <p>No outstanding actions.</p> : null}
          </div>
        );
      }}
    </BoardFrame>
  );
}
