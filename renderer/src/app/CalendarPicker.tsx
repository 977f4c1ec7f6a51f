// The calendar button beside a typed date: opens the browser's date picker (a hidden date input,
// out of the Tab order) and hands back the day picked as yyyy-MM-dd. Typing stays the main way in.
import { useRef } from 'react';

interface CalendarPickerProps {
  /** The button's accessible name. */
  label: string;
  title: string;
  describedBy?: string;
  onPick: (isoDate: string) => void;
}

export function CalendarPicker({ label, title, describedBy, onPick }: CalendarPickerProps) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="due-pick"
        aria-label={label}
        aria-describedby={describedBy}
        title={title}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            // No picker in this browser (or not allowed now): the input itself takes the keys.
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
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onPick(e.target.value);
        }}
      />
    </>
  );
}
