// A meeting's header, as the minutes print it: board, date, time, venue, and the state of its minutes.
import { call } from '../../api/client';
import { formatClockTime, formatTimeRange, formatUkDate } from '../../../../shared/domain/dates';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { hrefFor } from '../../app/router';
import { useQuery } from '../../app/useQuery';
import { AttendanceSection } from '../attendance/AttendanceSection';

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const meeting = useQuery(() => call('getMeeting', { meetingId }), [meetingId]);
  if (meeting.error) {
    return (
      <section className="page">
        <h1>Meeting not found</h1>
        <p role="alert">{meeting.error.message}</p>
        <p>
          <a href={hrefFor({ name: 'home' })}>Back to your boards</a>
        </p>
      </section>
    );
  }
  const m = meeting.data;
  if (!m) return <section className="page" aria-busy="true" />;
  const times = formatTimeRange(m.startTime, m.endTime);
  const next = m.nextMeeting;
  return (
    <section className="page" aria-labelledby="meeting-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'board', boardId: m.boardId })}>{m.boardName}</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{formatUkDate(m.date)}</span>
      </nav>
      <header className="minutes-header">
        <p className="eyebrow">Minutes and Actions</p>
        <h1 id="meeting-title">{m.boardName}</h1>
        <p className="minutes-date">{formatUkDate(m.date)}</p>
        {times ? <p className="minutes-time">{times}</p> : null}
        {m.venue ? <p className="minutes-venue">{m.venue}</p> : null}
        <span className={`status-badge status-${m.status}`}>{MEETING_STATUS_LABEL[m.status]}</span>
      </header>
      <dl className="facts">
        <div>
          <dt>Agenda items</dt>
          <dd>{m.itemCount}</dd>
        </div>
        <div>
          <dt>Actions agreed</dt>
          <dd>{m.actionCount}</dd>
        </div>
        <div>
          <dt>Next meeting</dt>
          <dd>
            {next.date
              ? [formatUkDate(next.date), next.time ? formatClockTime(next.time) : null, next.venue].filter(Boolean).join(', ')
              : 'Not yet set'}
          </dd>
        </div>
      </dl>
      <AttendanceSection meetingId={m.id} />
    </section>
  );
}
