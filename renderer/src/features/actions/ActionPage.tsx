// One action's life: the meeting and item that agreed it, its owners and due, every update (at
// meetings and between them) in one timeline, the meetings it was carried to, and what replaced it.
import type { ActionHistory } from '../../../../shared/contract';
import { dueLabel } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL, isFinished } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { formatOwners } from '../../../../shared/domain/owners';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { hrefFor } from '../../app/router';
import { ActionTimeline } from '../between/ActionTimeline';

export function ActionPage({ actionId }: { actionId: string }) {
  // Where it came from, who owns it, and every meeting that carried it or recorded progress.
  const history = useLiveQuery(() => call('getActionHistory', { actionId }), [actionId], {
    watches: ['action', 'meeting', 'agenda_item', 'board', 'roster_member', 'group'],
  });
  if (history.error && !history.data) {
    return (
      <section className="page">
        <h1>Action not found</h1>
        <p role="alert">{history.error.message}</p>
        <p>
          <a href={hrefFor({ name: 'actionLog' })}>Back to the action log</a>
        </p>
      </section>
    );
  }
  const a = history.data;
  if (!a) return <section className="page" aria-busy="true" />;
  return (
    <section className="page action-page" aria-labelledby="action-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'actionLog' })}>Action log</a>
        <span aria-hidden="true"> › </span>
        <a href={hrefFor({ name: 'board', boardId: a.boardId })}>{a.boardName}</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{a.reference}</span>
      </nav>
      <header className="page-header">
        <div>
          <p className="eyebrow">Action</p>
          <h1 id="action-title">{a.reference}</h1>
        </div>
        <div className="action-badges">
          <span className={`action-status action-status-${a.status}`}>{ACTION_STATUS_LABEL[a.status]}</span>
          {a.overdue ? <span className="overdue-badge">Overdue</span> : null}
        </div>
      </header>
      <p className="action-details-text">{a.details || <span className="muted">No details were typed.</span>}</p>
      <dl className="facts action-facts">
        <div>
          <dt>Action (owners)</dt>
          <dd>{a.owners.length ? formatOwners(a.owners) : <span className="muted">No owner</span>}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{dueLabel(a) || <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Agreed at</dt>
          <dd>
            <a href={hrefFor({ name: 'meeting', meetingId: a.origin.meetingId })}>{formatUkDate(a.origin.meetingDate)}</a>
            {a.origin.itemNumber ? `, item ${a.origin.itemNumber}${a.origin.itemTitle ? ` ${a.origin.itemTitle}` : ''}` : ''}
            <span className="muted-line">Minutes {MEETING_STATUS_LABEL[a.origin.meetingStatus].toLowerCase()}</span>
          </dd>
        </div>
        {a.closedAt ? (
          <div>
            <dt>Finished at</dt>
            <dd>
              <a href={hrefFor({ name: 'meeting', meetingId: a.closedAt.id })}>{formatUkDate(a.closedAt.date)}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      <Links history={a} />
      <ActionTimeline actionId={a.id} carriedTo={a.carriedTo.length} />
      {a.carriedTo.length > 0 ? (
        <>
          <h2 className="section-title">Listed as a matter arising at</h2>
          <ul className="carried-to">
            {a.carriedTo.map((m) => (
              <li key={m.id}>
                <a href={hrefFor({ name: 'meeting', meetingId: m.id })}>{formatUkDate(m.date)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!isFinished(a.status) ? <p className="field-hint">It keeps coming back as a matter arising until it is done, dropped or replaced by a new action.</p> : null}
    </section>
  );
}

function Links({ history: a }: { history: ActionHistory }) {
  if (!a.supersededBy && a.supersedes.length === 0) return null;
  return (
    <dl className="facts action-facts">
      {a.supersededBy ? (
        <div>
          <dt>Superseded by</dt>
          <dd>
            <a href={hrefFor({ name: 'action', actionId: a.supersededBy.id })}>{a.supersededBy.reference}</a> {a.supersededBy.details}
          </dd>
        </div>
      ) : null}
      {a.supersedes.length > 0 ? (
        <div>
          <dt>Replaces</dt>
          <dd>
            {a.supersedes.map((s, i) => (
              <span key={s.id}>
                {i > 0 ? ', ' : ''}
                <a href={hrefFor({ name: 'action', actionId: s.id })}>{s.reference}</a>
              </span>
            ))}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
