// The action log's "Latest update" cell: the last update a meeting recorded, the latest progress
// reported since (between meetings), and "Record an update" for reporting more.
import { useMemo, useState } from 'react';
import type { BetweenUpdate, OutstandingAction } from '../../../../shared/contract';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { RecordProgressDialog } from './RecordProgressDialog';

/** The latest report between meetings on each outstanding action, by action. */
export function useBetweenReports(): ReadonlyMap<string, BetweenUpdate> {
  const reports = useLiveQuery(() => call('betweenMeetingReports', {}), [], { watches: ['action', 'meeting'] });
  return useMemo(() => new Map((reports.data ?? []).map((r) => [r.actionId, r])), [reports.data]);
}

export function LatestUpdateCell({ action: a, report }: { action: OutstandingAction; report: BetweenUpdate | undefined }) {
  const [recording, setRecording] = useState(false);
  return (
    <>
      {a.latestUpdate ? (
        <>
          {a.latestUpdate.text || ACTION_STATUS_LABEL[a.latestUpdate.status]}
          <span className="muted-line">{formatUkDate(a.latestUpdate.meetingDate)}</span>
        </>
      ) : report ? null : (
        <span className="muted">None yet</span>
      )}
      {report ? (
        <span className="between-report">
          {report.text}
          <span className="muted-line">
            {formatUkDate(report.date)}, between meetings ({ACTION_STATUS_LABEL[report.status].toLowerCase()})
          </span>
        </span>
      ) : null}
      <button type="button" className="link-button record-update" onClick={() => setRecording(true)} aria-label={`Record an update on ${a.reference}`}>
        Record an update
      </button>
      {recording ? <RecordProgressDialog actionId={a.id} reference={a.reference} status={a.status} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
