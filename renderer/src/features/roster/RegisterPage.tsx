// The attendance register: for a period, each person's meetings attended, expected and
// apologies, counting only meetings that took place while they were on the roster.
// Exported as CSV for Excel, made in shared/ and downloaded through a Blob link (app/download.ts).
import { useState } from 'react';
import type { AttendanceRegister } from '../../../../shared/contract';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { attendanceRate, registerCsv } from '../../../../shared/domain/register';
import { call } from '../../api/client';
import { download, safeFileName } from '../../app/download';
import { Field } from '../../app/Field';
import { useLiveQuery } from '../../api/useLiveQuery';
import { BoardFrame, useBoardSettings } from './BoardFrame';

function yearBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y - 1, m - 1, d + 1);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function periodText(r: AttendanceRegister): string {
  if (r.from && r.to) return `from ${formatUkDate(r.from)} to ${formatUkDate(r.to)}`;
  if (r.from) return `from ${formatUkDate(r.from)} to today`;
  if (r.to) return `up to ${formatUkDate(r.to)}`;
  return 'since records began';
}

/** A rate over no recorded meetings would be a made-up 0%. */
function rateText(l: { attended: number; expected: number }): string {
  const rate = attendanceRate(l);
  return rate === null ? 'not recorded' : `${rate}%`;
}

export function RegisterPage({ boardId }: { boardId: string }) {
  const board = useBoardSettings(boardId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [withOfficers, setWithOfficers] = useState(false);
  const register = useLiveQuery(() => call('attendanceRegister', { boardId, from: from || null, to: to || null }), [boardId, from, to], {
    watches: ['meeting', 'roster_member', 'board'],
  });
  const r = register.error ? undefined : register.data;
  const lines = (r?.lines ?? []).filter((l) => withOfficers || l.isMember);
  const dateError = (field: string): string | null => (register.error?.field === field ? register.error.message : null);

  const exportCsv = (): void => {
    if (!r) return;
    const name = safeFileName(r.shortCode ?? r.boardName);
    const span = `${r.from ?? r.meetings[0]?.date ?? todayIso()} to ${r.to && r.to < r.today ? r.to : r.today}`;
    download(`${name} attendance register ${span}.csv`, registerCsv({ lines }), 'text/csv;charset=utf-8');
  };

  return (
    <BoardFrame
      board={board}
      tab="register"
      title="Attendance register"
      actions={
        <button type="button" className="button" onClick={exportCsv} disabled={!r || lines.length === 0}>
          Export CSV
        </button>
      }
    >
      {() => (
        <>
          <form className="register-period" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
            <Field label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={dateError('from')} />
            <Field label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={dateError('to')} />
            <div className="period-presets">
              <button
                type="button"
                className="button"
                onClick={() => {
                  const today = todayIso();
                  setFrom(yearBefore(today));
                  setTo(today);
                }}
              >
                Last 12 months
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setFrom('');
                  setTo('');
                }}
              >
                All meetings
              </button>
            </div>
            <label className="inline-check">
              <input type="checkbox" checked={withOfficers} onChange={(e) => setWithOfficers(e.target.checked)} /> Include officers and regular attendees
            </label>
          </form>
          {register.error && !register.error.field ? (
            <p className="form-error" role="alert">
              {register.error.message}
            </p>
          ) : null}
          {r ? (
            <p className="register-summary" role="status">
              {r.meetings.length === 0
                ? `No meetings took place ${periodText(r)}.`
                : `${r.meetings.length} ${r.meetings.length === 1 ? 'meeting' : 'meetings'} ${periodText(r)}: ${r.meetings.map((m) => formatUkDate(m.date)).join(', ')}.`}{' '}
              Meetings still to come and cancelled meetings are not counted; each person is expected only at meetings held while they were on the roster.
            </p>
          ) : null}
          {r && r.notRecorded.length > 0 ? (
            <p className="register-summary register-not-recorded">
              Attendance not recorded for {r.notRecorded.length === 1 ? 'the meeting of' : `${r.notRecorded.length} meetings:`}{' '}
              {r.notRecorded.map((m) => formatUkDate(m.date)).join(', ')}. {r.notRecorded.length === 1 ? 'It is' : 'They are'} shown as “not recorded”,
              never as absences; record the attendance on the meeting’s page to count it.
            </p>
          ) : null}
          {r && r.meetings.length + r.notRecorded.length > 0 && lines.length === 0 ? (
            <div className="empty-state">
              <h2>No one was expected</h2>
              <p>No {withOfficers ? 'one' : 'voting member'} was on the roster at these meetings.</p>
            </div>
          ) : null}
          {r && lines.length > 0 ? (
            <table className="data-table register-table">
              <caption className="visually-hidden">Attendance {periodText(r)}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Initials</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="numeric">
                    Expected
                  </th>
                  <th scope="col" className="numeric">
                    Attended
                  </th>
                  <th scope="col" className="numeric">
                    Apologies
                  </th>
                  <th scope="col" className="numeric">
                    Absent
                  </th>
                  {r.notRecorded.length > 0 ? (
                    <th scope="col" className="numeric">
                      Not recorded
                    </th>
                  ) : null}
                  <th scope="col" className="numeric">
                    Attendance
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.memberId}>
                    <th scope="row">
                      {l.fullName}
                      {l.isMember ? null : <span className="muted-line">Officer or attendee</span>}
                    </th>
                    <td>{l.initials}</td>
                    <td>{l.role ?? ''}</td>
                    <td className="numeric">{l.expected}</td>
                    <td className="numeric">{l.attended}</td>
                    <td className="numeric">{l.apologies}</td>
                    <td className="numeric">{l.absent}</td>
                    {r.notRecorded.length > 0 ? <td className="numeric">{l.notRecorded}</td> : null}
                    <td className="numeric">{rateText(l)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </BoardFrame>
  );
}
