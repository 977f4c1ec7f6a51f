// A board's meetings as a table: date, time, venue, state of the minutes, counts.
import type { MeetingSummary } from '../../../../shared/contract';
import { formatTimeRange, formatUkDate } from '../../../../shared/domain/dates';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { hrefFor } from '../../app/router';

export function MeetingList({ meetings }: { meetings: MeetingSummary[] | undefined }) {
  if (!meetings) return <div aria-busy="true" className="table-placeholder" />;
  if (meetings.length === 0) {
    return (
      <div className="empty-state">
        <h3>No meetings yet</h3>
        <p>
          Choose <strong>New meeting</strong> to set up the first one: its date, time and venue.
        </p>
      </div>
    );
  }
  return (
    <table className="data-table meeting-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Venue</th>
          <th scope="col">Minutes</th>
          <th scope="col" className="numeric">
            Items
          </th>
          <th scope="col" className="numeric">
            Actions
          </th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <a href={hrefFor({ name: 'meeting', meetingId: m.id })}>{formatUkDate(m.date)}</a>
            </th>
            <td>{formatTimeRange(m.startTime, m.endTime) || '—'}</td>
            <td>{m.venue ?? '—'}</td>
            <td>
              <span className={`status-badge status-${m.status}`}>{MEETING_STATUS_LABEL[m.status]}</span>
            </td>
            <td className="numeric">{m.itemCount}</td>
            <td className="numeric">{m.actionCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
