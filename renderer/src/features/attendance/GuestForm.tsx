// Adding a guest inline: someone not on the roster (a presenter, a young person), with what
// they do, which items they came for, and (so they can own actions and be reminded) their
// initials and email address.
import { useState, type FormEvent } from 'react';
import { LIMITS, type AttendanceRow, type MeetingAttendance } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';
import { attendanceOrigin } from './useAttendanceSaver';

interface GuestFormProps {
  meetingId: string;
  agendaItems: MeetingAttendance['agendaItems'];
  /** The attendance save queue: the guest is added after the changes made before. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  onAdded: (row: AttendanceRow) => void;
}

export function GuestForm({ meetingId, agendaItems, run, onAdded }: GuestFormProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [initials, setInitials] = useState('');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [itemId, setItemId] = useState('');
  const submit = useSubmit();
  const add = (event: FormEvent): void => {
    event.preventDefault();
    void submit.run(async () => {
      const row = await run(() =>
        call(
          'addGuest',
          {
            meetingId,
            name,
            role: role.trim() || null,
            organisation: organisation.trim() || null,
            initials: initials.trim() || null,
            email: email.trim() || null,
            forItemsNote: note.trim() || null,
            forItemIds: itemId ? [itemId] : [],
          },
          // Added to the list on screen straight away (onAdded).
          { origin: attendanceOrigin(meetingId) },
        ),
      );
      onAdded(row);
      setName('');
      setRole('');
      setOrganisation('');
      setInitials('');
      setEmail('');
      setNote('');
      setItemId('');
    });
  };
  return (
    <form className="guest-form" onSubmit={add} noValidate aria-label="Add a guest">
      <Field label="Guest’s name" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.personName + 20} error={submit.fieldError('name')} />
      <Field label="Guest’s role" value={role} onChange={(e) => setRole(e.target.value)} maxLength={LIMITS.role + 20} error={submit.fieldError('role')} />
      <Field
        label="Organisation"
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
        maxLength={LIMITS.organisation + 20}
        error={submit.fieldError('organisation')}
      />
      <Field
        label="Guest’s initials"
        hint="To name them as an action’s owner"
        value={initials}
        onChange={(e) => setInitials(e.target.value)}
        maxLength={8}
        error={submit.fieldError('initials')}
      />
      <Field
        label="Guest’s email address"
        hint="For reminders of their actions"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        maxLength={254}
        error={submit.fieldError('email')}
      />
      {agendaItems.length > 0 ? (
        <div className="field">
          <label htmlFor="guest-item">For item</label>
          <select id="guest-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">The whole meeting</option>
            {agendaItems.map((item) => (
              <option key={item.id} value={item.id}>
                {item.number} {item.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Field
        label="For items (as printed)"
        placeholder="e.g. Item 3b"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={LIMITS.forItemsNote}
        error={submit.fieldError('forItemsNote')}
      />
      <div className="guest-form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          {submit.busy ? 'Adding…' : 'Add guest'}
        </button>
      </div>
      {submit.formError(['name', 'role', 'organisation', 'initials', 'email', 'forItemsNote']) ? (
        <p className="form-error" role="alert">
          {submit.formError(['name', 'role', 'organisation', 'initials', 'email', 'forItemsNote'])}
        </p>
      ) : null}
    </form>
  );
}
