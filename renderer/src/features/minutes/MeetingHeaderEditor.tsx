// The header of the minutes, as printed (board, date, time, venue) and editable in place:
// date, start and end, venue, and the next meeting. Saved as it is typed, like the rest; what
// it changes (the date, above all) reaches the other sections as a change to the meeting.
import { useRef, useState } from 'react';
import { LIMITS, type MeetingDetail } from '../../../../shared/contract';
import { formatClockTime, formatTimeRange, formatUkDate, isRealIsoDate } from '../../../../shared/domain/dates';
import { isAgreed } from '../../../../shared/domain/minutesLifecycle';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { call } from '../../api/client';
import { saveQueueFor, useFieldFailure } from './saveQueue';

interface HeaderValues {
  boardName: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: string;
  nextDate: string;
  nextTime: string;
  nextVenue: string;
}

const fromMeeting = (m: MeetingDetail): HeaderValues => ({
  boardName: m.boardName,
  date: m.date,
  startTime: m.startTime ?? '',
  endTime: m.endTime ?? '',
  venue: m.venue ?? '',
  nextDate: m.nextMeeting.date ?? '',
  nextTime: m.nextMeeting.time ?? '',
  nextVenue: m.nextMeeting.venue ?? '',
});

const KEY = 'header';

export function MeetingHeaderEditor({ meeting }: { meeting: MeetingDetail }) {
  const queue = saveQueueFor(meeting.id);
  const [values, setValues] = useState(() => fromMeeting(meeting));
  const latest = useRef(values);
  const failure = useFieldFailure(queue, KEY);
  const locked = isAgreed(meeting.status);

  const change = (patch: Partial<HeaderValues>): void => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setValues(next);
    queue.schedule(KEY, async () => {
      const v = latest.current;
      await call('updateMeetingHeader', {
        meetingId: meeting.id,
        // A blank board name or a half-typed date is not sent; the rest of the header still is.
        ...(v.boardName.trim() ? { boardName: v.boardName } : {}),
        ...(isRealIsoDate(v.date) ? { date: v.date } : {}),
        startTime: v.startTime || null,
        endTime: v.endTime || null,
        venue: v.venue.trim() || null,
        nextDate: isRealIsoDate(v.nextDate) ? v.nextDate : null,
        nextTime: v.nextTime || null,
        nextVenue: v.nextVenue.trim() || null,
      });
    });
  };
  const flush = (): void => void queue.flush();
  const errorFor = (field: string): string | null => (failure?.field === field ? failure.message : null);
  const dateMissing = !isRealIsoDate(values.date);
  const times = formatTimeRange(values.startTime || null, values.endTime || null);
  const next = isRealIsoDate(values.nextDate)
    ? [formatUkDate(values.nextDate), values.nextTime ? formatClockTime(values.nextTime) : null, values.nextVenue.trim() || null].filter(Boolean).join(', ')
    : null;

  const field = (name: keyof HeaderValues, label: string, type: string, extra: Record<string, unknown> = {}) => {
    const error =
      errorFor(name) ??
      (name === 'date' && dateMissing ? 'Enter the date of the meeting.' : null) ??
      (name === 'boardName' && !values.boardName.trim() ? 'Enter the board’s name as the minutes print it.' : null);
    const id = `header-${name}`;
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type={type}
          value={values[name]}
          readOnly={locked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => change({ [name]: e.target.value })}
          onBlur={flush}
          {...extra}
        />
        {error ? (
          <span className="field-error" id={`${id}-error`} role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <header className="minutes-header">
      <p className="eyebrow">Minutes and Actions</p>
      <h1 id="meeting-title">{values.boardName.trim() || meeting.boardName}</h1>
      <p className="minutes-date">{dateMissing ? 'Date not set' : formatUkDate(values.date)}</p>
      {times ? <p className="minutes-time">{times}</p> : null}
      {values.venue.trim() ? <p className="minutes-venue">{values.venue.trim()}</p> : null}
      <span className={`status-badge status-${meeting.status}`}>{MEETING_STATUS_LABEL[meeting.status]}</span>
      <details className="header-details" open={dateMissing || !values.boardName.trim() || undefined}>
        <summary>Meeting details{next ? ` · Next meeting: ${next}` : ' · Next meeting not yet set'}</summary>
        <div className="header-grid board-row">{field('boardName', 'Board (as printed on these minutes)', 'text', { maxLength: LIMITS.boardName + 20, dir: 'auto', required: true })}</div>
        <div className="header-grid">
          {field('date', 'Date', 'date', { required: true })}
          {field('startTime', 'Starts', 'time')}
          {field('endTime', 'Ends', 'time')}
          {field('venue', 'Venue', 'text', { maxLength: LIMITS.venue + 20, placeholder: 'e.g. Room G02b, 160 Tooley Street, SE1', dir: 'auto' })}
        </div>
        <fieldset className="header-grid next-meeting">
          <legend>Next meeting</legend>
          {field('nextDate', 'Date', 'date')}
          {field('nextTime', 'Time', 'time')}
          {field('nextVenue', 'Place', 'text', { maxLength: LIMITS.venue + 20, dir: 'auto' })}
        </fieldset>
        {failure && !['boardName', 'date', 'startTime', 'endTime', 'venue', 'nextDate', 'nextTime', 'nextVenue'].includes(failure.field ?? '') ? (
          <p className="form-error" role="alert">
            Not saved: {failure.message}
          </p>
        ) : null}
      </details>
    </header>
  );
}
