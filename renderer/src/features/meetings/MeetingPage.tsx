// A meeting: its header (editable), where its minutes are in their life (circulated, agreed,
// published, with the PDF), the attendance, and the minutes, typed and saved as they go.
import { call } from '../../api/client';
import { formatUkDate } from '../../../../shared/domain/dates';
import { hrefFor } from '../../app/router';
import { useQuery } from '../../app/useQuery';
import { AttendanceSection } from '../attendance/AttendanceSection';
import { MeetingHeaderEditor } from '../minutes/MeetingHeaderEditor';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { MinutesRecordPanel } from '../publication/MinutesRecordPanel';

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
  return (
    <section className="page" aria-labelledby="meeting-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'board', boardId: m.boardId })}>{m.boardName}</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{formatUkDate(m.date)}</span>
      </nav>
      <MeetingHeaderEditor key={m.updatedAt} meeting={m} />
      <MinutesRecordPanel meeting={m} onChanged={meeting.reload} />
      {/* A new state of the minutes (circulated, agreed) opens them afresh, with its locks. */}
      <AttendanceSection key={`attendance-${m.status}`} meetingId={m.id} />
      <MinutesEditor key={`minutes-${m.status}`} meetingId={m.id} />
    </section>
  );
}
