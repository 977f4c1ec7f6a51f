// Starting the next meeting from this one: its date (suggested from the minutes' own "next
// meeting", else the board's usual gap), times and venue; it starts with the recurring agenda
// and lists every action still outstanding as matters arising.
import { useState } from 'react';
import type { NextMeetingSuggestion } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { navigate } from '../../app/router';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';
import { MEETING_WHEN_FIELDS, MeetingWhenFields, meetingWhenInput, type MeetingWhen } from './MeetingWhenFields';

interface StartNextMeetingDialogProps {
  fromMeetingId: string;
  onStarted: (meetingId: string) => void;
  onCancel: () => void;
}

export function StartNextMeetingDialog({ fromMeetingId, onStarted, onCancel }: StartNextMeetingDialogProps) {
  // The date it suggests follows this meeting's record and the board's; the outstanding count, its actions.
  const suggestion = useLiveQuery(() => call('suggestNextMeeting', { fromMeetingId }), [fromMeetingId], { watches: ['meeting', 'board', 'action'] });
  if (suggestion.error && !suggestion.data) {
    return (
      <Dialog title="Start the next meeting" submitLabel="Close" busy={false} error={suggestion.error.message} onSubmit={onCancel} onCancel={onCancel}>
        <p className="dialog-text">The next meeting cannot be started from here.</p>
      </Dialog>
    );
  }
  if (!suggestion.data) return null;
  const s = suggestion.data;
  if (s.alreadyStarted) {
    const already = s.alreadyStarted;
    return (
      <Dialog
        title="Start the next meeting"
        submitLabel={`Open ${formatUkDate(already.date)}`}
        busy={false}
        error={null}
        onSubmit={() => navigate({ name: 'meeting', meetingId: already.id })}
        onCancel={onCancel}
      >
        <p>
          The meeting of <strong>{formatUkDate(already.date)}</strong> was already started from this one, with its matters arising. Open it to carry on.
        </p>
      </Dialog>
    );
  }
  return <StartForm suggestion={s} onStarted={onStarted} onCancel={onCancel} />;
}

function StartForm({ suggestion: s, onStarted, onCancel }: { suggestion: NextMeetingSuggestion; onStarted: (meetingId: string) => void; onCancel: () => void }) {
  const [when, setWhen] = useState<MeetingWhen>({ date: s.date, startTime: s.startTime ?? '', endTime: s.endTime ?? '', venue: s.venue ?? '' });
  const submit = useSubmit();
  const outstanding =
    s.outstanding === 0
      ? 'No action is outstanding, so its matters arising start empty.'
      : `${s.outstanding === 1 ? 'The 1 action' : `All ${s.outstanding} actions`} still outstanding from earlier meetings will be listed as matters arising.`;
  return (
    <Dialog
      title="Start the next meeting"
      submitLabel="Start meeting"
      busy={submit.busy}
      error={submit.formError(MEETING_WHEN_FIELDS)}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          const meeting = await call('startNextMeeting', { fromMeetingId: s.from.id, ...meetingWhenInput(when) });
          onStarted(meeting.id);
        })
      }
    >
      <p className="dialog-text">
        The meeting after {formatUkDate(s.from.date)} of {s.from.boardName}.
      </p>
      <MeetingWhenFields value={when} onChange={(patch) => setWhen((w) => ({ ...w, ...patch }))} fieldError={submit.fieldError} dateHint={s.basisText} />
      <div className="next-meeting-preview">
        <p>{outstanding}</p>
        <p className="field-hint">Its agenda starts with:</p>
        <ol>
          {s.agenda.map((title, i) => (
            <li key={i}>{title}</li>
          ))}
        </ol>
      </div>
    </Dialog>
  );
}
