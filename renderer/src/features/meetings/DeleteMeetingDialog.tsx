// Deleting a draft meeting, after saying exactly what goes and what comes back.
import type { MeetingDetail } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';
import { saveQueueFor } from '../minutes/saveQueue';

interface DeleteMeetingDialogProps {
  meeting: MeetingDetail;
  onDeleted: () => void;
  onCancel: () => void;
}

export function DeleteMeetingDialog({ meeting, onDeleted, onCancel }: DeleteMeetingDialogProps) {
  const submit = useSubmit();
  return (
    <Dialog
      title={`Delete the meeting of ${formatUkDate(meeting.date)}?`}
      submitLabel="Delete meeting"
      busy={submit.busy}
      error={submit.formError([])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          // Whatever is still on its way is saved first, so nothing arrives after the meeting has gone.
          await saveQueueFor(meeting.id).flush();
          await call('deleteMeeting', { meetingId: meeting.id });
          onDeleted();
        })
      }
    >
      <p>
        Its attendance, {meeting.itemCount === 1 ? 'its agenda item' : `its ${meeting.itemCount} agenda items`}
        {meeting.actionCount > 0 ? ` and ${meeting.actionCount === 1 ? 'its action' : `its ${meeting.actionCount} actions`}` : ''} and any progress recorded on earlier
        actions will be deleted.
      </p>
      <p>Actions from earlier meetings go back to the status they had before this meeting, and will be listed at the next meeting you start.</p>
      <p className="field-hint">Only draft minutes can be deleted. The references of its actions are never given to another action.</p>
    </Dialog>
  );
}
