// A meeting's attendance, entered fast: tick the roster, "everyone present except…",
// people in attendance for particular items, guests, and the chair, vice-chair and
// minute-taker. Each change shows at once (the same rules as core, from shared/) and is
// saved in the background, in order; the quorum updates live.
import { startTransition, useState } from 'react';
import type { AttendanceCandidate, AttendanceRow, AttendanceStatus, MeetingAttendance } from '../../../../shared/contract';
import {
  applyAttendanceChanges,
  countAttendance,
  diffAttendance,
  entryToChange,
  everyonePresentExcept,
  memberKey,
  type AttendanceChange,
  type AttendanceEntry,
  type AttendanceMarks,
} from '../../../../shared/domain/attendance';
import { describeQuorumState, quorumState } from '../../../../shared/domain/quorum';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useUndoableDelete } from '../../app/useUndoableDelete';
import { afterSavesOf } from '../minutes/saveQueue';
import { EveryonePresentDialog } from './EveryonePresentDialog';
import { GuestForm } from './GuestForm';
import { GuestContact, useGuestContacts } from './GuestContact';
import { ForItems } from './ForItems';
import { attendanceOrigin, useAttendanceSaver, type SaveState } from './useAttendanceSaver';

const CHOICES: { status: AttendanceStatus | null; label: string; short?: string }[] = [
  { status: 'present', label: 'Present' },
  { status: 'apologies', label: 'Apologies' },
  { status: 'absent', label: 'Absent' },
  { status: 'in_attendance', label: 'In attendance' },
  { status: null, label: 'Not recorded', short: '–' },
];

const MARKS: { mark: keyof AttendanceMarks; label: string }[] = [
  { mark: 'isChair', label: 'Chair' },
  { mark: 'isViceChair', label: 'Vice-chair' },
  { mark: 'isMinuteTaker', label: 'Minutes' },
];

function SaveStatus({ status }: { status: SaveState }) {
  if (status.state === 'failed') {
    return (
      <p className="save-status failed" role="alert">
        Not saved: {status.message}
      </p>
    );
  }
  return (
    <p className="save-status" role="status">
      {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'All changes saved' : 'Changes are saved as you make them'}
    </p>
  );
}

export function AttendanceSection({ meetingId }: { meetingId: string }) {
  // The changes shown but not yet confirmed by core.
  const [local, setLocal] = useState<AttendanceRow[] | null>(null);
  const [filter, setFilter] = useState('');
  const [excepting, setExcepting] = useState(false);
  // A guest removed goes like every other delete: at once, with "… · Undo" for a few seconds.
  const deletes = useUndoableDelete();
  const saver = useAttendanceSaver(meetingId, {
    // Each save answers with the whole attendance as saved: that is the latest state core has.
    onSaved: (result, settled) => {
      query.accept(result);
      // The answer reaches the screen as a transition (useLiveQuery): what is shown until it is
      // confirmed goes in the same one, never before it, or the row just ticked would flick back
      // to its old state for a moment (and a click then would act on what was shown).
      if (settled) startTransition(() => setLocal(null));
    },
    // What was not saved is dropped: the screen goes back to the latest state core gave.
    onFailed: () => setLocal(null),
  });
  // The meeting's attendance, its date and state (locks), the roster, the agenda items (for
  // "in attendance for item…") and the quorum rule. Read in turn with the saves (saver.read).
  const query = useLiveQuery(() => saver.read(() => call('getAttendance', { meetingId })), [meetingId], {
    watches: [{ entity: 'meeting', ids: [meetingId] }, 'agenda_item', 'roster_member', 'board'],
    origin: attendanceOrigin(meetingId),
    // Typing the minutes changes their items: read those once the typing is saved.
    after: afterSavesOf(meetingId),
  });

  const base: MeetingAttendance | undefined = query.data;
  // Attendance recorded before the page was opened folds to its one-line summary, so the agenda
  // (where the typing happens) comes first; while it is being recorded it stays open.
  const [recordedAtOpen, setRecordedAtOpen] = useState<boolean | null>(null);
  const [shown, setShown] = useState<boolean | null>(null);
  const guestContacts = useGuestContacts(meetingId);
  if (base && recordedAtOpen === null) setRecordedAtOpen(base.rows.length > 0);
  if (!base) {
    return (
      <section className="attendance" aria-labelledby="attendance-title" aria-busy={!query.error}>
        <h2 id="attendance-title">Attendance</h2>
        {query.error ? (
          <p className="form-error" role="alert">
            {query.error.message}
          </p>
        ) : null}
      </section>
    );
  }

  const rows = local ?? base.rows;
  const locked = base.lockedReason !== null;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const candidates = new Map(base.roster.map((c) => [c.memberId, c]));
  const newRow = (memberId: string): Omit<AttendanceRow, keyof AttendanceEntry> => {
    const c = candidates.get(memberId);
    return { id: '', displayName: c?.fullName ?? '', initials: c?.initials ?? null, role: c?.role ?? null, organisation: c?.organisation ?? null, isGuest: false };
  };

  const change = (changes: readonly AttendanceChange[]): void => {
    if (locked) return;
    const after = applyAttendanceChanges<AttendanceRow>(rows, changes, newRow);
    const diff = diffAttendance(rows, after);
    if (diff.length === 0) return;
    setLocal(after);
    saver.enqueue(diff);
  };

  const memberChange = (memberId: string, patch: Partial<Omit<Extract<AttendanceChange, { kind: 'member' }>, 'kind' | 'memberId'>>): void => {
    const row = byKey.get(memberKey(memberId));
    const current: AttendanceChange = row
      ? entryToChange(row)
      : { kind: 'member', memberId, status: null, isChair: false, isViceChair: false, isMinuteTaker: false, forItemsNote: null, forItemIds: [] };
    change([{ ...current, ...patch } as AttendanceChange]);
  };

  const rowChange = (row: AttendanceRow, patch: Partial<AttendanceMarks & { forItemsNote: string | null; forItemIds: string[] }>): void => {
    change([{ ...entryToChange(row), ...patch } as AttendanceChange]);
  };

  const setMark = (mark: keyof AttendanceMarks, key: string): void => {
    const holder = rows.find((r) => r[mark]);
    if (key === '') {
      if (holder) rowChange(holder, { [mark]: false });
      return;
    }
    const row = byKey.get(key);
    if (row) rowChange(row, { [mark]: true });
  };

  const isMember = (memberId: string): boolean => candidates.get(memberId)?.isMember ?? false;
  const counts = countAttendance(rows, isMember);
  const quorum = quorumState(base.quorumRule, base.membersAtMeeting, counts.membersPresent);
  const there = rows.filter((r) => r.status === 'present' || r.status === 'in_attendance');
  const expanded = shown ?? !recordedAtOpen;
  const guests = rows.filter((r) => !r.memberId && !deletes.hidden.has(r.id));
  const needle = filter.trim().toLowerCase();
  const listed = base.roster.filter(
    (c) => !needle || c.fullName.toLowerCase().includes(needle) || c.initials.toLowerCase().startsWith(needle),
  );
  const eligible = base.roster.filter((c) => c.onRosterAtMeeting);

  return (
    <section className="attendance" aria-labelledby="attendance-title">
      <div className="section-head">
        <h2 id="attendance-title">Attendance</h2>
        {locked ? null : <SaveStatus status={saver.status} />}
      </div>
      {locked ? (
        <p className="notice" role="note">
          {base.lockedReason}
        </p>
      ) : null}
      <p className={`quorum-state ${quorum.kind === 'rule' ? (quorum.quorate ? 'is-quorate' : 'is-not-quorate') : ''}`} aria-live="polite">
        {describeQuorumState(quorum)}
      </p>
      <p className="attendance-counts">
        {counts.present} present · {counts.inAttendance} in attendance · {counts.apologies} apologies · {counts.absent} absent
        {counts.guests > 0 ? ` · ${counts.guests} ${counts.guests === 1 ? 'guest' : 'guests'}` : ''}
      </p>
      <p className="attendance-summary">
        <span className="attendance-marks-summary">
          {MARKS.map(({ mark, label }) => {
            const holder = rows.find((r) => r[mark]);
            return holder ? `${label}: ${holder.initials ?? holder.displayName}` : null;
          })
            .filter(Boolean)
            .join(' · ')}
        </span>
        <button type="button" className="button compact" aria-expanded={expanded} aria-controls="attendance-body" onClick={() => setShown(!expanded)}>
          {expanded ? 'Hide the attendance list' : 'Show the attendance list'}
        </button>
      </p>

      <div id="attendance-body" hidden={!expanded}>
      {base.roster.length === 0 ? (
        <div className="empty-state">
          <h3>No one on the roster yet</h3>
          <p>
            Add the board’s members on its <a href={`#/boards/${base.boardId}/roster`}>roster</a>, then tick who came. Guests can be added below.
          </p>
        </div>
      ) : (
        <>
          <div className="attendance-toolbar">
            <button type="button" className="button" disabled={locked} onClick={() => setExcepting(true)}>
              Everyone present except…
            </button>
            <label className="filter-field">
              <span className="visually-hidden">Find on the roster</span>
              <input type="search" placeholder="Find on the roster" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </label>
          </div>
          <div className="attendance-marks">
            {MARKS.map(({ mark, label }) => (
              <label key={mark} className="mark-field">
                <span>{label}</span>
                <select value={rows.find((r) => r[mark])?.key ?? ''} disabled={locked} onChange={(e) => setMark(mark, e.target.value)}>
                  <option value="">— none —</option>
                  {there.map((r) => (
                    <option key={r.key} value={r.key}>
                      {r.displayName}
                      {r.initials ? ` (${r.initials})` : ''}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <table className="data-table attendance-table">
            <caption className="visually-hidden">Attendance of people on the roster</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Attendance</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((c) => (
                <RosterLine
                  key={c.memberId}
                  candidate={c}
                  row={byKey.get(memberKey(c.memberId))}
                  agendaItems={base.agendaItems}
                  locked={locked}
                  onStatus={(status) => memberChange(c.memberId, { status })}
                  onItems={(patch) => memberChange(c.memberId, patch)}
                />
              ))}
              {listed.length === 0 ? (
                <tr>
                  <td colSpan={2} className="empty-note-cell">
                    No one on the roster matches “{filter}”.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </>
      )}

      <h3 className="subsection-title">Guests</h3>
      {guests.length === 0 ? <p className="muted">No guests. Add presenters and other visitors who are not on the roster.</p> : null}
      {guests.length > 0 ? (
        <ul className="guest-list">
          {guests.map((g) => (
            <li key={g.key} className="guest">
              <div>
                <strong>{g.displayName}</strong>
                {g.role || g.organisation ? <span className="muted-line">{[g.role, g.organisation].filter(Boolean).join(', ')}</span> : null}
                <GuestContact name={g.displayName} details={guestContacts.get(g.id)} initialsLocked={locked} />
              </div>
              <ForItems
                name={g.displayName}
                note={g.forItemsNote}
                itemIds={g.forItemIds}
                agendaItems={base.agendaItems}
                locked={locked}
                onChange={(patch) => rowChange(g, patch)}
              />
              <button
                type="button"
                className="button compact danger"
                disabled={locked}
                aria-label={`Remove ${g.displayName}`}
                onClick={() =>
                  deletes.remove({
                    id: g.id,
                    message: `${g.displayName} removed from the guests`,
                    // Sent as it stands, not through change(): that reads the rows of the render
                    // the click came from, and attendance typed during the notice would flick back.
                    // The row stays hidden (deletes.hidden) until core's answer leaves it out.
                    commit: async () => saver.enqueue([{ ...entryToChange(g), kind: 'guest', guestId: g.guestId ?? g.id, remove: true } as AttendanceChange]),
                    // The form's button, not a text box: there Ctrl+Z undoes this removal rather than typing.
                    focusAfter: () => document.querySelector<HTMLElement>('form[aria-label="Add a guest"] button[type="submit"]'),
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {locked ? null : (
        <GuestForm
          meetingId={meetingId}
          agendaItems={base.agendaItems}
          run={saver.run}
          onAdded={(row) => setLocal((prev) => [...(prev ?? base.rows), row])}
        />
      )}
      </div>

      {excepting ? (
        <EveryonePresentDialog
          candidates={eligible}
          rows={rows}
          onCancel={() => setExcepting(false)}
          onApply={(exceptions) => {
            setExcepting(false);
            change(everyonePresentExcept(rows, eligible.map((c) => c.memberId), exceptions));
          }}
        />
      ) : null}
    </section>
  );
}

interface RosterLineProps {
  candidate: AttendanceCandidate;
  row: AttendanceRow | undefined;
  agendaItems: MeetingAttendance['agendaItems'];
  locked: boolean;
  onStatus: (status: AttendanceStatus | null) => void;
  onItems: (patch: { forItemsNote?: string | null; forItemIds?: string[] }) => void;
}

function RosterLine({ candidate: c, row, agendaItems, locked, onStatus, onItems }: RosterLineProps) {
  const status = row?.status ?? null;
  // The minutes print the name, initials and role as recorded on the day.
  const name = row?.displayName ?? c.fullName;
  const initials = row?.initials ?? c.initials;
  const role = row ? row.role : c.role;
  const marks = row ? MARKS.filter((m) => row[m.mark]).map((m) => m.label) : [];
  return (
    <tr className={status ? `attendance-${status}` : 'attendance-none'}>
      <th scope="row">
        <span className="person-name">{name}</span> <span className="initials-badge">{initials}</span>
        {marks.length > 0 ? <span className="mark-tags"> ({marks.join(', ')})</span> : null}
        {role ? <span className="muted-line">{role}</span> : null}
        {!c.isMember ? <span className="tag">Officer or attendee</span> : null}
        {!c.onRosterAtMeeting ? <span className="tag">Not on the roster that day</span> : null}
      </th>
      <td>
        <div className="status-choice" role="radiogroup" aria-label={`Attendance of ${name}`}>
          {CHOICES.map((choice) => (
            <label key={choice.label} className={status === choice.status ? 'is-chosen' : undefined} title={choice.short ? choice.label : undefined}>
              <input
                type="radio"
                name={`attendance-${c.memberId}`}
                checked={status === choice.status}
                disabled={locked}
                onChange={() => onStatus(choice.status)}
              />
              {choice.short ? (
                <>
                  <span aria-hidden="true">{choice.short}</span>
                  <span className="visually-hidden">{choice.label}</span>
                </>
              ) : (
                choice.label
              )}
            </label>
          ))}
        </div>
        {status === 'in_attendance' ? (
          <ForItems name={name} note={row?.forItemsNote ?? null} itemIds={row?.forItemIds ?? []} agendaItems={agendaItems} locked={locked} onChange={onItems} />
        ) : null}
      </td>
    </tr>
  );
}
