// The preview of an import, file by file and meeting by meeting: exactly what would be written
// (items, decisions, actions with their references and owners, attendance, matters-arising
// updates, people added to the roster) and the warnings to fix in the file or accept.
import type { ImportFilePreview, ImportMeetingPreview, ImportOwnerPreview } from '../../../../shared/contract';
import { formatTimeRange, formatUkDate } from '../../../../shared/domain/dates';

const OWNER_NOTE: Record<ImportOwnerPreview['kind'], string> = {
  member: '',
  new_member: ' (added to the roster)',
  group: ' (group)',
  name: ' (not on the roster: kept as written)',
};

const STATUS_WORD: Record<string, string> = { present: 'Present', apologies: 'Apologies', in_attendance: 'In attendance', absent: 'Absent' };

function MeetingPreview({ meeting }: { meeting: ImportMeetingPreview }) {
  const c = meeting.counts;
  return (
    <details className="import-meeting" data-testid="import-meeting">
      <summary>
        <strong>{formatUkDate(meeting.date)}</strong> {formatTimeRange(meeting.startTime, meeting.endTime)} — {c.items} items, {c.decisions} decisions, {c.actions}{' '}
        actions, {c.present} present, {c.inAttendance} for particular items, {c.apologies} apologies
        {c.warnings ? <span className="import-warning-count"> · {c.warnings} warnings</span> : null}
      </summary>
      <p className="dialog-text">
        Written as minutes agreed as accurate
        {meeting.agreedOn !== meeting.date ? ` at the meeting of ${formatUkDate(meeting.agreedOn)}` : ''}, marked imported.
        {meeting.carried ? ` Its matters arising list ${meeting.carried} earlier unfinished actions.` : ''}
        {meeting.nextMeeting
          ? ` Next meeting: ${[meeting.nextMeeting.date ? formatUkDate(meeting.nextMeeting.date) : null, meeting.nextMeeting.time, meeting.nextMeeting.venue].filter(Boolean).join(', ')}.`
          : ''}
      </p>
      {meeting.warnings.length ? (
        <>
          <h4>Warnings</h4>
          <ul className="import-warnings">
            {meeting.warnings.map((w, i) => (
              <li key={i}>
                {w.item ? <span className="import-item-ref">Item {w.item}: </span> : null}
                {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Attendance</h4>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Initials</th>
            <th scope="col">Role</th>
            <th scope="col">Attendance</th>
            <th scope="col">Roster</th>
          </tr>
        </thead>
        <tbody>
          {meeting.attendance.map((a) => (
            <tr key={`${a.status}-${a.name}`}>
              <td>{a.name}</td>
              <td>{a.initials ?? ''}</td>
              <td>{a.role ?? ''}</td>
              <td>
                {STATUS_WORD[a.status]}
                {a.note ? ` (${a.note})` : ''}
              </td>
              <td>{a.roster === 'new' ? `Added as ${a.rosterInitials ?? ''}` : a.roster === 'guest' ? 'Guest' : 'On the roster'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Items</h4>
      <ol className="import-items">
        {meeting.items.map((item) => (
          <li key={item.number}>
            <p className="import-item-title">
              {item.number}. {item.title}
              {item.deferred ? ' (deferred)' : ''}
            </p>
            {item.discussion.length ? (
              <details className="import-discussion">
                <summary>Discussion ({item.discussion.length} paragraphs)</summary>
                {item.discussion.map((d, i) => (
                  <p key={i}>{d}</p>
                ))}
              </details>
            ) : null}
            {item.decisions.length ? (
              <ul className="import-decisions" aria-label={`Decisions of item ${item.number}`}>
                {item.decisions.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
            {item.actions.length ? (
              <table className="import-table" aria-label={`Actions of item ${item.number}`}>
                <thead>
                  <tr>
                    <th scope="col">Printed</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Details</th>
                    <th scope="col">Owner</th>
                  </tr>
                </thead>
                <tbody>
                  {item.actions.map((a) => (
                    <tr key={a.reference}>
                      <td>{a.printedRef}</td>
                      <td>{a.reference}</td>
                      <td className="import-details">{a.details}</td>
                      <td>{a.owners.map((o) => `${o.label}${OWNER_NOTE[o.kind]}`).join(', ') || a.ownerText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
      {meeting.updates.length ? (
        <>
          <h4>Matters arising attached to earlier actions</h4>
          <ul className="import-updates">
            {meeting.updates.map((u) => (
              <li key={u.reference}>
                Item {u.itemNumber} → action {u.reference} (“{u.actionDetails}”): {u.status === 'done' ? 'done' : 'in progress'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

interface FilePreviewProps {
  file: ImportFilePreview;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}

export function FilePreview({ file, accepted, onAccept }: FilePreviewProps) {
  const warnings = file.meetings.reduce((n, m) => n + m.warnings.length, 0);
  return (
    <section className="import-file" aria-label={`File ${file.name}`} data-testid="import-file">
      <h3>
        {file.name} <span className="import-format">{file.format === 'docx' ? 'Word document' : file.format === 'text' ? 'Text' : ''}</span>
      </h3>
      {file.problem ? (
        <p className="form-error" role="alert">
          Cannot be imported: {file.problem}
        </p>
      ) : (
        <>
          {file.meetings.map((m) => (
            <MeetingPreview key={m.date} meeting={m} />
          ))}
          {warnings ? (
            <label className="import-accept">
              <input type="checkbox" checked={accepted} onChange={(e) => onAccept(e.target.checked)} /> Import as printed, accepting the {warnings} warnings
              (or fix them in the file and preview it again)
            </label>
          ) : null}
        </>
      )}
    </section>
  );
}
