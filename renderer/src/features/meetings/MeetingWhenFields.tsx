// When and where a meeting is held: date, start and end, venue. Used wherever a meeting is set up.
import { LIMITS } from '../../../../shared/contract';
import { Field } from '../../app/Field';
import { DateField } from '../../app/DateField';

export interface MeetingWhen {
  date: string;
  startTime: string;
  endTime: string;
  venue: string;
}

interface MeetingWhenFieldsProps {
  value: MeetingWhen;
  onChange: (patch: Partial<MeetingWhen>) => void;
  fieldError: (field: string) => string | null;
  /** Why this date is offered, if it was suggested. */
  dateHint?: string;
}

export const MEETING_WHEN_FIELDS = ['date', 'startTime', 'endTime', 'venue'];

/** The payload fields: empty times and venue are sent as "not set". */
export function meetingWhenInput(v: MeetingWhen): { date: string; startTime: string | null; endTime: string | null; venue: string | null } {
  return { date: v.date, startTime: v.startTime || null, endTime: v.endTime || null, venue: v.venue.trim() || null };
}

export function MeetingWhenFields({ value, onChange, fieldError, dateHint }: MeetingWhenFieldsProps) {
  return (
    <>
      <DateField label="Date" value={value.date} onChange={(date) => onChange({ date })} required hint={dateHint} error={fieldError('date')} />
      <div className="field-row">
        <Field label="Starts" type="time" value={value.startTime} onChange={(e) => onChange({ startTime: e.target.value })} error={fieldError('startTime')} />
        <Field label="Ends" type="time" value={value.endTime} onChange={(e) => onChange({ endTime: e.target.value })} error={fieldError('endTime')} />
      </div>
      <Field
        label="Venue"
        hint="e.g. Room G02b, 160 Tooley Street, SE1"
        value={value.venue}
        onChange={(e) => onChange({ venue: e.target.value })}
        maxLength={LIMITS.venue + 20}
        error={fieldError('venue')}
      />
    </>
  );
}
