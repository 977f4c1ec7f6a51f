// An action's progress as one timeline: the updates its meetings recorded and those reported
// between meetings, in date order, with "Record an update" while it is unfinished.
import { useState } from 'react';
import type { TimelineEntry } from '../../../../shared/contract';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { hrefFor } from '../../app/router';
import { useUndoableDelete } from '../../app/useUndoableDelete';
import { RecordProgressDialog } from './RecordProgressDialog';

export function ActionTimeline({ actionId, carriedTo }: { actionId: string; carriedTo: number }) {
  const timeline = useLiveQuery(() => call('getActionTimeline', { actionId }), [actionId], { watches: ['action', 'meeting'] });
  const [recording, setRecording] = useState(false);
  const deletes = useUndoableDelete();
  const t = timeline.data;
  if (!t) return timeline.error ? <p role="alert">{timeline.error.message}</p> : null;
  const error = deletes.refused;
  const entries = t.entries.filter((e) => e.kind === 'meeting' || !deletes.hidden.has(e.id));
  const remove = (updateId: string, date: string): void =>
    deletes.remove({
      id: updateId,
      message: `Update of ${formatUkDate(date)} deleted`,
      commit: () => call('deleteActionProgress', { updateId }),
      focusAfter: () => document.getElementById('action-progress-title'),
    });
  return (
    <>
      <div className="section-head">
        <h2 className="section-title" id="action-progress-title" tabIndex={-1}>
          Progress
        </h2>
        {t.closedReason ? null : (
          <button type="button" className="button" onClick={() => setRecording(true)}>
            Record an update
          </button>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>
            No progress recorded yet.{' '}
            {carriedTo === 0
              ? 'It will be listed as a matter arising at the next meeting started after the one that agreed it.'
              : `It has been listed at ${carriedTo === 1 ? 'one meeting' : `${carriedTo} meetings`} without an update.`}
          </p>
        </div>
      ) : (
        <ol className="action-updates">
          {entries.map((e) => (
            <TimelineItem key={e.kind === 'meeting' ? e.meetingId : e.id} entry={e} closed={t.closedReason !== null} onRemove={(id) => remove(id, e.date)} />
          ))}
        </ol>
      )}
      {recording ? <RecordProgressDialog actionId={t.actionId} reference={t.reference} status={t.status} onClose={() => setRecording(false)} /> : null}
    </>
  );
}

function TimelineItem({ entry: e, closed, onRemove }: { entry: TimelineEntry; closed: boolean; onRemove: (id: string) => void }) {
  if (e.kind === 'meeting') {
    return (
      <li>
        <div className="update-head">
          <a href={hrefFor({ name: 'meeting', meetingId: e.meetingId })}>{formatUkDate(e.date)}</a>
          <span className={`action-status action-status-${e.status}`}>{ACTION_STATUS_LABEL[e.status]}</span>
        </div>
        <p>
          {e.text || <span className="muted">No words recorded.</span>}
          {e.supersededBy ? (
            <>
              {' '}
              Replaced by <a href={hrefFor({ name: 'action', actionId: e.supersededBy.id })}>{e.supersededBy.reference}</a>.
            </>
          ) : null}
        </p>
      </li>
    );
  }
  return (
    <li className="between-update">
      <div className="update-head">
        <span>{formatUkDate(e.date)}</span>
        <span className="muted">between meetings{e.reportedBy ? `, reported by ${e.reportedBy}` : ''}</span>
        <span className={`action-status action-status-${e.status}`}>{ACTION_STATUS_LABEL[e.status]}</span>
        {closed ? null : (
          <button type="button" className="link-button" onClick={() => onRemove(e.id)} aria-label={`Remove the update of ${formatUkDate(e.date)}`}>
            Remove
          </button>
        )}
      </div>
      <p>{e.text}</p>
    </li>
  );
}
