// A date field typed as the minutes write dates (19/02/2014, 19 February 2014) or picked from a
// calendar, with how it was read shown beside it as it is typed: a day that cannot exist says so
// (in the words the due column uses) before anything is saved. What was typed stays as typed.
import { useId, useState } from 'react';
import { CalendarPicker } from './CalendarPicker';
import { readCalendarDate, typedDate } from '../../../shared/domain/calendarDate';
import { formatUkDate } from '../../../shared/domain/dates';

interface DateFieldProps {
  label: string;
  hint?: string;
  /** The stored date (yyyy-MM-dd), or '' for none. */
  value: string;
  /** A date when the typing reads as one; otherwise what was typed, which core refuses with its reason. */
  onChange: (value: string) => void;
  /** What core said about the date, shown when the field has no complaint of its own. */
  error?: string | null;
  required?: boolean;
  autoFocus?: boolean;
}

export function DateField({ label, hint, value, onChange, error, required, autoFocus }: DateFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState(() => typedDate(value));
  // A date set from outside (a suggestion, a reset) replaces what is shown; typing never does.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const r = readCalendarDate(typed);
    const current = r.kind === 'date' ? r.date : r.kind === 'none' ? '' : typed;
    if (current !== value && (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value))) setTyped(typedDate(value));
  }
  // Core's verdict holds only for the typing it was given; a change to the date clears it.
  const [verdict, setVerdict] = useState<{ error: string | null | undefined; typed: string }>({ error, typed });
  if (verdict.error !== error) setVerdict({ error, typed });
  const reading = readCalendarDate(typed);
  const own = reading.kind === 'invalid' ? reading.message : null;
  const problem = own ?? (verdict.typed === typed ? error : null) ?? null;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-reading`].filter(Boolean).join(' ');
  const change = (text: string): void => {
    setTyped(text);
    const r = readCalendarDate(text);
    const next = r.kind === 'date' ? r.date : r.kind === 'none' ? '' : text;
    setShown(next);
    onChange(next);
  };
  return (
    <div className={problem ? 'field date-field has-error' : 'field date-field'}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div className="due-inputs">
        <input
          id={id}
          value={typed}
          required={required}
          autoFocus={autoFocus}
          autoComplete="off"
          placeholder="e.g. 19/02/2014"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
        />
        <CalendarPicker
          // Named without the word "date", so the field alone answers to its label.
          label="Calendar"
          title="Pick from a calendar"
          describedBy={`${id}-label`}
          onPick={(iso) => change(typedDate(iso))}
        />
      </div>
      <span id={`${id}-reading`} className={problem ? 'field-error' : 'due-reading'} role={own ? 'alert' : undefined}>
        {problem ?? (reading.kind === 'date' ? `→ ${formatUkDate(reading.date)}` : '')}
      </span>
    </div>
  );
}
