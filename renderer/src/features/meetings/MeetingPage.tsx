// A meeting: its header (editable), where its minutes are in their life (circulated, agreed,
// published, with the PDF), attendance, matters arising and the minutes, typed and saved as
// they go; from here the next meeting is started, or a draft meeting deleted.
import { useState } from 'react';
import { call } from '../../api/client';
import { formatUkDate } from '../../../../shared/domain/dates';
import { hrefFor, navigate } from '../../app/router';
import { useQuery } from '../../app/useQuery';
import { AttendanceSection } from '../attendance/AttendanceSection';
import { MattersArisingSection } from '../arising/MattersArisingSection';
import { MeetingHeaderEditor } from '../minutes/MeetingHeaderEditor';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { MinutesRecordPanel } from '../publication/MinutesRecordPanel';
import { DeleteMeetingDialog } from './DeleteMeetingDialog';
import { StartNextMeetingDialog } from './StartNextMeetingDialog';

export function MeetingPage({ meetingId, onBoardChanged }: { meetingId: string; onBoardChanged?: () => void }) {
  const meeting = useQuery(() => call('getMeeting', { meetingId }), [meetingId]);
  const [dialog, setDialog] = useState<'none' | 'next' | 'delete'>('none');
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
      <div className="meeting-topline">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <a href={hrefFor({ name: 'board', boardId: m.boardId })}>{m.boardName}</a>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">{formatUkDate(m.date)}</span>
        </nav>
        <div className="page-actions">
          {m.status === 'draft' ? (
            <button type="button" className="button subtle" onClick={() => setDialog('delete')}>
              Delete meeting
            </button>
          ) : null}
          <button type="button" className="button primary" onClick={() => setDialog('next')}>
            Start next meeting
          </button>
        </div>
      </div>
      <MeetingHeaderEditor key={m.updatedAt} meeting={m} />
      <MinutesRecordPanel meeting={m} onChanged={meeting.reload} />
      {/* A new state of the minutes (circulated, agreed) opens them afresh, with its locks. */}
      <AttendanceSection key={`attendance-${m.status}`} meetingId={m.id} />
      <MattersArisingSection key={`arising-${m.status}`} meetingId={m.id} />
      <MinutesEditor key={`minutes-${m.status}`} meetingId={m.id} />
      {dialog === 'next' ? (
        <StartNextMeetingDialog
          fromMeetingId={m.id}
          onCancel={() => setDialog('none')}
          onStarted={(next) => {
            setDialog('none');
            onBoardChanged?.();
            navigate({ name: 'meeting', meetingId: next });
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <DeleteMeetingDialog
          meeting={m}
          onCancel={() => setDialog('none')}
          onDeleted={() => {
            setDialog('none');
            onBoardChanged?.();
            navigate({ name: 'board', boardId: m.boardId });
          }}
        />
      ) : null}
    </section>
  );
}
