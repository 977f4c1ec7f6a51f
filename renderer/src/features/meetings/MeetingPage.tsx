// A meeting: its header (editable), where its minutes are in their life (circulated, agreed,
// published, with the PDF), attendance, matters arising and the minutes, typed and saved as
// they go; from here the next meeting is started, or a draft meeting deleted.
import { useState } from 'react';
import { call } from '../../api/client';
import { formatUkDate } from '../../../../shared/domain/dates';
import { useLiveQuery } from '../../api/useLiveQuery';
import { hrefFor, navigate } from '../../app/router';
import { AttendanceSection } from '../attendance/AttendanceSection';
import { MattersArisingSection } from '../arising/MattersArisingSection';
import { MeetingHeaderEditor } from '../minutes/MeetingHeaderEditor';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { afterSavesOf } from '../minutes/saveQueue';
import { MinutesRecordPanel } from '../publication/MinutesRecordPanel';
import { DeclarationsSection } from '../interests/DeclarationsSection';
import { MinutesDocument } from '../minutesView/MinutesDocument';
import { DeleteMeetingDialog } from './DeleteMeetingDialog';
import { StartNextMeetingDialog } from './StartNextMeetingDialog';
import { MeetingArrivalLine } from '../sync/MeetingArrivalLine';

export function MeetingPage({ meetingId }: { meetingId: string }) {
  // Its date, header and the state of its minutes; the board's name (a rename reaches drafts).
  const meeting = useLiveQuery(() => call('getMeeting', { meetingId }), [meetingId], {
    watches: [{ entity: 'meeting', ids: [meetingId] }, 'board'],
    after: afterSavesOf(meetingId),
  });
  const [dialog, setDialog] = useState<'none' | 'next' | 'delete'>('none');
  // A later load that fails keeps the meeting on screen; only one never loaded is "not found".
  if (meeting.error && !meeting.data) {
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
  const isRecord = m.status === 'agreed' || m.status === 'published';
  return (
    <section className="page" {...(isRecord ? { 'aria-label': `Minutes of ${formatUkDate(m.date)}` } : { 'aria-labelledby': 'meeting-title' })}>
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
      <MeetingArrivalLine meetingId={m.id} />
      {/* Each section keeps itself up to date, its locks included, when the minutes change state. */}
      {isRecord ? (
        // Agreed minutes are the record: they read as the printed document, with no boxes to fill.
        <>
          <MinutesRecordPanel meeting={m} />
          <MinutesDocument meetingId={m.id} />
        </>
      ) : (
        <>
          <MeetingHeaderEditor meeting={m} />
          <MinutesRecordPanel meeting={m} />
          <AttendanceSection meetingId={m.id} />
          <DeclarationsSection meetingId={m.id} />
          <MattersArisingSection meetingId={m.id} />
          <MinutesEditor meetingId={m.id} />
        </>
      )}
      {dialog === 'next' ? (
        <StartNextMeetingDialog
          fromMeetingId={m.id}
          onCancel={() => setDialog('none')}
          onStarted={(next) => {
            setDialog('none');
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
            navigate({ name: 'board', boardId: m.boardId });
          }}
        />
      ) : null}
    </section>
  );
}
