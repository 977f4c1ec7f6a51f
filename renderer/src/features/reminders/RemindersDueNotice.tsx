// At start (and whenever it changes): the reminders now due under the boards' "remind owners N
// days before due", ready to send in one click: .eml drafts (or the mail client for one owner),
// then remembered as sent so they are not offered again. Owners with no address are named.
import { useState } from 'react';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { download } from '../../app/download';

export function RemindersDueNotice() {
  const due = useLiveQuery(() => call('remindersDue', {}), [], { watches: ['action', 'meeting', 'roster_member', 'settings'] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const d = due.data;
  if (!d || d.drafts.length === 0) return null;
  const send = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const only = d.drafts.length === 1 ? d.drafts[0] : undefined;
      if (only?.mailto) window.open(only.mailto, '_blank', 'noopener');
      else for (const draft of d.drafts) download(draft.filename, draft.eml, 'message/rfc822');
      await call('markRemindersSent', { sent: d.pending });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice reminders-due" role="region" aria-label="Reminders due">
      <p>
        Reminders are due for {d.drafts.length} {d.drafts.length === 1 ? 'owner' : 'owners'} ({d.actions} {d.actions === 1 ? 'action' : 'actions'} due soon or overdue).{' '}
        <button type="button" className="button compact" disabled={busy} onClick={() => void send()}>
          {d.drafts.length === 1 ? 'Write the reminder' : `Write ${d.drafts.length} reminders`}
        </button>
      </p>
      {d.skipped.length ? (
        <ul>
          {d.skipped.map((s) => (
            <li key={s.ownerName}>
              No reminder: {s.reason} ({s.references.join(', ')})
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
