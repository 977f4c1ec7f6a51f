// A compact table of outstanding actions for the chair (briefing, my actions): reference, details,
// due with overdue marked, and the latest update.
import type { OutstandingAction } from '../../../../shared/contract';
import { dueLabel } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { hrefFor } from '../../app/router';

export function ActionRows({ actions, caption, showBoard = false }: { actions: readonly OutstandingAction[]; caption: string; showBoard?: boolean }) {
  return (
    <table className="data-table briefing-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Details</th>
          <th scope="col">Due</th>
          <th scope="col">Latest update</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id} className={a.overdue ? 'is-overdue' : undefined}>
            <th scope="row">
              <a href={hrefFor({ name: 'action', actionId: a.id })}>{a.reference}</a>
              {showBoard ? <span className="muted-line">{a.boardShortCode ?? a.boardName}</span> : null}
            </th>
            <td>{a.details || <span className="muted">No details</span>}</td>
            <td>
              {dueLabel(a) || <span className="muted">None</span>}
              {a.overdue ? <span className="overdue-badge">Overdue</span> : null}
            </td>
            <td>
              {a.latestUpdate ? (
                <>
                  {a.latestUpdate.text || ACTION_STATUS_LABEL[a.latestUpdate.status]}
                  <span className="muted-line">{formatUkDate(a.latestUpdate.meetingDate)}</span>
                </>
              ) : (
                <span className="muted">None yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
