// Setting up a meeting: date, start and end time, venue.
import { useState } from 'react';
import { LIMITS, type MeetingDetail } from '../../../../shared/api';
import { todayIso } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

interface NewMeetingDialogProps {
  boardId: string;
  onCreated: (meeting: MeetingDetail) => void;
  onCancel: () => void;
}

export function NewMeetingDialog({ boardId, onCreated, onCancel }: NewMeetingDialogProps) {
  const [date, setDate] = useState(todayIso());
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [venue, setVenue] = useState('');
  const submit = useSubmit();
  return (
    <Dialog
      title="New meeting"
      submitLabel="Create meeting"
      busy={submit.busy}
      error={submit.formError(['date', 'startTime', 'endTime', 'venue'])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () =>
          onCreated(
            await call('createMeeting', {
              boardId,
              date,
              startTime: startTime || null,
              endTime: endTime || null,
              venue: venue.trim() || null,
            }),
          ),
        )
      }
    >
      <Field label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required error={submit.fieldError('date')} />
      <div className="field-row">
        <Field label="Starts" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} error={submit.fieldError('startTime')} />
        <Field label="Ends" type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} error={submit.fieldError('endTime')} />
      </div>
      <Field
        label="Venue"
        hint="e.g. Room G02b, 160 Tooley Street, SE1"
        value={venue}
        onChange={(e) => setVenue(e.target.value)}
        maxLength={LIMITS.venue + 20}
        error={submit.fieldError('venue')}
      />
    </Dialog>
  );
}
