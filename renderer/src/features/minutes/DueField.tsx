// When an action is due: typed as the minutes say it ("22.07", "next meeting", "end of March")
// or picked from a calendar, with how it was understood shown beside it.
import { memo, useRef } from 'react';
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
  const picker = useRef<HTMLInputElement>(null);
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
          <>
            <button
              type="button"
              className="due-pick"
              aria-label={`Pick a date: ${label}`}
              title="Pick a date"
              onClick={() => {
                try {
                  picker.current?.showPicker();
                } catch {
                  picker.current?.focus();
                }
              }}
            >
              <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4">
                <rect x="2" y="3" width="12" height="11" rx="1.5" />
                <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
              </svg>
            </button>
            <input
              ref={picker}
              type="date"
              className="due-picker"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                const [y, m, d] = e.target.value.split('-');
                if (y && m && d) onChange(`${d}/${m}/${y}`);
              }}
            />
          </>
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
