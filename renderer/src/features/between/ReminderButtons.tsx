// "Email owners" and "Add to calendar" on the action log, for what it shows: one .eml draft per
// owner (or the mail client, when there is one owner) and an .ics of the dues. What could not be
// made, and why, is said beside them.
import { useState } from 'react';
import type { ActionLogFilter, ActionLogSort, OwnerDrafts } from '../../../../shared/contract';
import { call } from '../../api/client';
import { download } from '../../app/download';

interface Props {
  filter: ActionLogFilter;
  sort: ActionLogSort;
  disabled: boolean;
}

function openMailClient(mailto: string): void {
  // The desktop app hands mailto: to the system (after asking); a browser opens its mail client.
  window.open(mailto, '_blank', 'noopener');
}

export function ReminderButtons({ filter, sort, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; details: string[]; error: boolean } | null>(null);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (err) {
      setNotice({ text: err instanceof Error ? err.message : String(err), details: [], error: true });
    } finally {
      setBusy(false);
    }
  };

  const emailOwners = (): Promise<void> =>
    run(async () => {
      const result: OwnerDrafts = await call('draftOwnerReminders', { filter, sort });
      const only = result.drafts.length === 1 ? result.drafts[0] : undefined;
      if (only?.mailto) openMailClient(only.mailto);
      else for (const d of result.drafts) download(d.filename, d.eml, 'message/rfc822');
      const made =
        result.drafts.length === 0
          ? 'No draft could be made.'
          : only
            ? `A reminder to ${only.ownerName} opened in your mail client (${only.references.length} ${only.references.length === 1 ? 'action' : 'actions'}).`
            : `${result.drafts.length} drafts saved as .eml files: open each in your mail client to send it.`;
      setNotice({
        text: result.skipped.length ? `${made} ${result.skipped.length} ${result.skipped.length === 1 ? 'owner has' : 'owners have'} no draft:` : made,
        details: result.skipped.map((s) => `${s.reason} (${s.references.join(', ')})`),
        error: result.drafts.length === 0,
      });
    });

  const addToCalendar = (): Promise<void> =>
    run(async () => {
      const cal = await call('dueCalendar', { filter, sort });
      download(cal.filename, cal.ics, 'text/calendar;charset=utf-8');
      setNotice({
        text: `${cal.events} ${cal.events === 1 ? 'due date' : 'due dates'} saved as a calendar file, each with ${cal.alarms}.${cal.skipped.length ? ' Left out:' : ''}`,
        details: cal.skipped.map((s) => `${s.reference}: ${s.reason}`),
        error: false,
      });
    });

  return (
    <>
      <button type="button" className="button" onClick={() => void emailOwners()} disabled={disabled || busy}>
        Email owners
      </button>
      <button type="button" className="button" onClick={() => void addToCalendar()} disabled={disabled || busy}>
        Add to calendar
      </button>
      {notice ? (
        <div className={notice.error ? 'form-error reminder-notice' : 'reminder-notice'} role={notice.error ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.details.length ? (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
