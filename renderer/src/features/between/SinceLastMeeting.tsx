// In a matters-arising entry: every update reported on the action between meetings since the
// board's last meeting, in order. They sit beside the minutes, never in them; the status they
// end on is preselected for this meeting's own update until one is recorded.
import type { MattersArisingEntry } from '../../../../shared/contract';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';

export function SinceLastMeeting({ entry }: { entry: MattersArisingEntry }) {
  if (entry.sinceLastMeeting.length === 0) return null;
  const last = entry.sinceLastMeeting[entry.sinceLastMeeting.length - 1]!;
  return (
    <div className="since-last-meeting" role="group" aria-label={`Since the last meeting, action ${entry.reference}`}>
      <h4>Since the last meeting</h4>
      <ol>
        {entry.sinceLastMeeting.map((u) => (
          <li key={u.id}>
            <span className="muted">
              {formatUkDate(u.date)}
              {u.reportedBy ? `, ${u.reportedBy}` : ''} ({ACTION_STATUS_LABEL[u.status].toLowerCase()}):
            </span>{' '}
            {u.text}
          </li>
        ))}
      </ol>
      {entry.update === null && last.status !== entry.statusBefore ? (
        <p className="field-hint">Status preselected as reported on {formatUkDate(last.date)}: it is recorded with this meeting’s update.</p>
      ) : null}
    </div>
  );
}
