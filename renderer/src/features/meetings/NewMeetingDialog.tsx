// Setting up a meeting: date, start and end time, venue.
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';
import { MEETING_WHEN_FIELDS, MeetingWhenFields, meetingWhenInput, type MeetingWhen } from './MeetingWhenFields';

interface NewMeetingDialogProps {
  boardId: string;
  onCreated: (meeting: MeetingDetail) => void;
  onCancel: () => void;
}

export function NewMeetingDialog({ boardId, onCreated, onCancel }: NewMeetingDialogProps) {
  const [when, setWhen] = useState<MeetingWhen>({ date: todayIso(), startTime: '', endTime: '', venue: '' });
  const submit = useSubmit();
  return (
    <Dialog
      title="New meeting"
      submitLabel="Create meeting"
      busy={submit.busy}
      error={submit.formError(MEETING_WHEN_FIELDS)}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onCreated(await call('createMeeting', { boardId, ...meetingWhenInput(when) })))}
    >
      <MeetingWhenFields value={when} onChange={(patch) => setWhen((w) => ({ ...w, ...patch }))} fieldError={submit.fieldError} />
    </Dialog>
  );
}
