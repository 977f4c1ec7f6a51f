// A guest's initials and email address on the attendance list: how the minutes name them when
// they own an action, and where reminders of their actions go. The initials are part of the
// minutes (locked with them); the address is not, so it can be added after the minutes are agreed.
import { useState, type FormEvent } from 'react';
import type { GuestDetails } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

/** The meeting's guests with their addresses, kept up to date. */
export function useGuestContacts(meetingId: string): Map<string, GuestDetails> {
  const query = useLiveQuery(() => call('listGuests', { meetingId }), [meetingId], {
    // The actions they own are counted too.
    watches: [{ entity: 'meeting', ids: [meetingId] }, 'action'],
  });
  return new Map((query.data ?? []).map((g) => [g.attendanceId, g]));
}

interface Props {
  name: string;
  details: GuestDetails | undefined;
  /** The attendance is part of agreed minutes: the initials can no longer change. */
  initialsLocked: boolean;
}

export function GuestContact({ name, details, initialsLocked }: Props) {
  const [editing, setEditing] = useState(false);
  const [initials, setInitials] = useState('');
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  if (!details) return null;
  const open = (): void => {
    setInitials(details.initials ?? '');
    setEmail(details.email ?? '');
    setEditing(true);
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void submit.run(async () => {
      await call('updateGuest', { attendanceId: details.attendanceId, ...(initialsLocked ? {} : { initials: initials.trim() || null }), email: email.trim() || null });
      setEditing(false);
    });
  };
  const owned = details.actionsOwned > 0 ? ` · owns ${details.actionsOwned} ${details.actionsOwned === 1 ? 'action' : 'actions'}` : '';
  if (!editing) {
    return (
      <div className="guest-contact">
        <span className="muted-line">
          {details.initials ? `Initials ${details.initials}` : 'No initials'} · {details.email ?? 'no email address'}
          {owned}
        </span>
        <button type="button" className="button compact" aria-label={`Initials and email of ${name}`} onClick={open}>
          Initials and email
        </button>
      </div>
    );
  }
  return (
    <form className="guest-contact-form" onSubmit={save} noValidate aria-label={`Initials and email of ${name}`}>
      <Field
        label="Initials"
        hint={initialsLocked ? 'Part of the agreed minutes: they can no longer change.' : 'How the minutes name them, e.g. as an action’s owner.'}
        value={initials}
        disabled={initialsLocked}
        onChange={(e) => setInitials(e.target.value)}
        maxLength={8}
        error={submit.fieldError('initials')}
      />
      <Field label="Email address" type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} error={submit.fieldError('email')} />
      <div className="guest-form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)} disabled={submit.busy}>
          Cancel
        </button>
      </div>
      {submit.formError(['initials', 'email']) ? (
        <p className="form-error" role="alert">
          {submit.formError(['initials', 'email'])}
        </p>
      ) : null}
    </form>
  );
}
