// When an action is due: typed as the minutes say it ("22.07", "next meeting", "end of March")
// or picked from a calendar, with how it was understood shown beside it.
import { memo } from 'react';
import { CalendarPicker } from '../../app/CalendarPicker';
import { describeDue, readDue } from '../../../../shared/domain/due';

interface DueFieldProps {
  label: string;
  text: string;
  meetingDate: string;
  readOnly: boolean;
  serverMessage: string | null;
  onChange: (text: string) => void;
  onLeave: () => void;
}

export const DueField = memo(function DueField({ label, text, meetingDate, readOnly, serverMessage, onChange, onLeave }: DueFieldProps) {
  const reading = readDue(text, meetingDate);
  const invalid = reading.kind === 'invalid';
  const message = invalid ? reading.message : (serverMessage ?? describeDue(reading));
  return (
    <div className={invalid || serverMessage ? 'due-field has-error' : 'due-field'}>
      <div className="due-inputs">
        <input
          className="due-input"
          aria-label={label}
          aria-invalid={invalid ? true : undefined}
          value={text}
          readOnly={readOnly}
          placeholder="e.g. 22.07, next meeting"
          dir="auto"
          onChange={(e) => onChange(e.target.value)}
          onBlur={onLeave}
        />
        {readOnly ? null : (
          <CalendarPicker
            label={`Pick a date: ${label}`}
            title="Pick a date"
            onPick={(iso) => {
              const [y, m, d] = iso.split('-');
              onChange(`${d}/${m}/${y}`);
            }}
          />
        )}
      </div>
      {message ? (
        <span className={invalid || serverMessage ? 'due-reading field-error' : 'due-reading'} role={invalid ? 'alert' : undefined}>
          {message}
        </span>
      ) : null}
    </div>
  );
});
