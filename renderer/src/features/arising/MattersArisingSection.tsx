// Matters arising on the meeting page: every action still outstanding from earlier meetings,
// with where it came from, its due, how many meetings it has been carried and its last update,
// and here the progress recorded at this meeting. Saved as typed, through the meeting's save
// queue, like the rest of the minutes. Items deferred last time are offered for the agenda.
// The list is live: whatever changes it (here, in the minutes, in the header) reads it again.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { ActionStatus, DeferredProposal, MattersArising, MattersArisingEntry } from '../../../../shared/contract';
import { dueLabel } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL, ACTION_STATUSES, isFinished } from '../../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../../shared/domain/dates';
import { formatOwners } from '../../../../shared/domain/owners';
import { ARISING_LIMITS } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { hrefFor } from '../../app/router';
import { afterSavesOf, saveQueueFor, useFieldFailure } from '../minutes/saveQueue';
import { SinceLastMeeting } from '../between/SinceLastMeeting';

const STATUS_CHOICE: Record<ActionStatus, string> = { ...ACTION_STATUS_LABEL, superseded: 'Superseded by another action' };

/** Bringing the list up to date as the meeting opens is this section's own doing, shown as it reads. */
const arisingOrigin = (meetingId: string): string => `arising:${meetingId}`;

/**
 * Reads the list. A draft that lists matters arising is brought up to date as it opens
 * (carrying twice adds nothing), after what is already typed; later reads only read. They need
 * not wait for the meeting's saves: what is typed here shows until it is read back as saved.
 */
function arisingLoader(meetingId: string): () => Promise<MattersArising> {
  const queue = saveQueueFor(meetingId);
  let opened = false;
  return async () => {
    const read = (): Promise<MattersArising> => call('getMattersArising', { meetingId });
    const first = await read();
    if (opened || !first.carrying || first.listLockedReason) {
      opened = true;
      return first;
    }
    opened = true;
    const carried = await queue.run(() => call('carryForward', { meetingId }, { origin: arisingOrigin(meetingId) }));
    return carried.added || carried.removed ? read() : first;
  };
}

export function MattersArisingSection({ meetingId }: { meetingId: string }) {
  // The listed actions (their details, owners, due, updates), this meeting's own actions (which
  // may replace one), the items deferred to it, and the meeting's date and state.
  const query = useLiveQuery(arisingLoader(meetingId), [meetingId], {
    watches: [{ entity: 'meeting', ids: [meetingId] }, 'action', 'agenda_item', 'roster_member', 'group'],
    origin: arisingOrigin(meetingId),
    after: afterSavesOf(meetingId),
  });
  if (query.error && !query.data) {
    return (
      <section className="arising" aria-labelledby="arising-title">
        <h2 id="arising-title">Matters arising</h2>
        <p className="form-error" role="alert">
          The matters arising could not be opened: {query.error.message}
        </p>
      </section>
    );
  }
  const data = query.data;
  if (!data) return null;
  // The first meeting of a board, or one with nothing outstanding before it: nothing arises.
  if (!data.carrying && data.notListed === 0 && data.proposals.length === 0) return null;
  return <ArisingPanel data={data} />;
}

/**
 * A value typed over a saved one: what was typed shows until core has saved the same, and from
 * then on the saved value shows again, following whatever changes it later ("mark all").
 */
function useTypedOver<V>(saved: V): [V, (value: V) => void] {
  const [typed, setTyped] = useState<{ value: V } | null>(null);
  const [seen, setSeen] = useState(saved);
  if (!Object.is(seen, saved)) {
    setSeen(saved);
    if (typed && Object.is(typed.value, saved)) setTyped(null);
  }
  return [typed ? typed.value : saved, (value: V) => setTyped(Object.is(value, saved) ? null : { value })];
}

/** The statuses chosen here and not yet read back as saved, by action. */
function pendingChoices(choices: ReadonlyMap<string, ActionStatus>, entries: readonly MattersArisingEntry[]): Map<string, ActionStatus> {
  const saved = new Map(entries.map((e) => [e.actionId, e.status]));
  return new Map([...choices].filter(([actionId, status]) => saved.has(actionId) && saved.get(actionId) !== status));
}

function ArisingPanel({ data }: { data: MattersArising }) {
  const meetingId = data.meetingId;
  const queue = saveQueueFor(meetingId);
  const [choices, setChoices] = useState<ReadonlyMap<string, ActionStatus>>(new Map());
  const [seen, setSeen] = useState(data);
  if (seen !== data) {
    setSeen(data);
    setChoices(pendingChoices(choices, data.entries));
  }
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = data.lockedReason;

  const statusOf = (e: MattersArisingEntry): ActionStatus => choices.get(e.actionId) ?? e.status;
  const choose = useCallback((actionId: string, status: ActionStatus) => setChoices((prev) => new Map(prev).set(actionId, status)), []);
  const stillOpen = data.entries.filter((e) => statusOf(e) === 'open').length;
  // "Still open" is every action not yet finished: those in progress (or deferred) are open too.
  const unfinished = data.entries.filter((e) => !isFinished(statusOf(e)));
  const inProgress = unfinished.filter((e) => statusOf(e) === 'in_progress').length;
  const overdue = data.entries.filter((e) => e.overdue).length;

  /** A change to the whole list: sent after what is typed, and the list reads itself again after it. */
  const change = async (run: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await queue.run(run);
      setNotice(null);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const markAll = (): Promise<void> => change(() => call('markAllInProgress', { meetingId }));
  const bringIn = (): Promise<void> => change(() => call('carryForward', { meetingId }));
  const resolve = async (proposal: DeferredProposal, accept: boolean): Promise<void> => {
    try {
      // Taken in, the item joins the agenda: the minutes, watching their items, show it.
      await queue.run(() => call('resolveDeferredItem', { meetingId, itemId: proposal.itemId, accept }));
      setNotice(null);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="arising" aria-labelledby="arising-title">
      <div className="section-head">
        <h2 id="arising-title">Matters arising</h2>
        {data.carrying && data.entries.length > 0 && !locked ? (
          <button
            type="button"
            className="button"
            disabled={busy || stillOpen === 0}
            onClick={() => void markAll()}
            title="“All actions were either completed or in train”: every listed action still open is marked in progress."
          >
            Mark all listed as in progress
          </button>
        ) : null}
      </div>
      <p className="arising-summary" role="status">
        {data.carrying
          ? data.entries.length === 0
            ? 'No action is outstanding from earlier meetings: every one was done, dropped or superseded.'
            : `${data.entries.length} ${data.entries.length === 1 ? 'action' : 'actions'} from earlier meetings${overdue ? `, ${overdue} overdue` : ''}; ${unfinished.length} still open${inProgress ? ` (${inProgress} in progress)` : ''}.`
          : `${data.notListed} ${data.notListed === 1 ? 'action is' : 'actions are'} still outstanding from earlier meetings and not listed here.`}
        {data.previousMeeting ? (
          <>
            {' '}
            This meeting follows <a href={hrefFor({ name: 'meeting', meetingId: data.previousMeeting.id })}>{formatUkDate(data.previousMeeting.date)}</a>.
          </>
        ) : null}
      </p>
      {notice ? (
        <p className="form-error" role="alert">
          {notice}
        </p>
      ) : null}
      {locked ? <p className="lock-note">{locked}</p> : data.listLockedReason ? <p className="lock-note">{data.listLockedReason}</p> : null}
      {!data.carrying && data.notListed > 0 && !data.listLockedReason ? (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void bringIn()}>
            List them as matters arising
          </button>
        </p>
      ) : null}
      {data.proposals.length > 0 ? <Proposals proposals={data.proposals} onResolve={(p, accept) => void resolve(p, accept)} /> : null}
      {data.entries.length > 0 ? (
        <ol className="arising-list" aria-label="Actions from earlier meetings">
          {data.entries.map((e) => (
            <EntryRow
              key={e.actionId}
              entry={e}
              meetingId={meetingId}
              status={statusOf(e)}
              readOnly={locked !== null}
              replacements={data.replacements}
              onStatus={choose}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Proposals({ proposals, onResolve }: { proposals: DeferredProposal[]; onResolve: (p: DeferredProposal, accept: boolean) => void }) {
  return (
    <div className="arising-proposals" role="group" aria-labelledby="proposals-title">
      <h3 id="proposals-title">Deferred at an earlier meeting</h3>
      <ul>
        {proposals.map((p) => (
          <li key={p.itemId}>
            <span>
              Item {p.number} <strong>{p.title || 'Untitled item'}</strong> of {formatUkDate(p.meeting.date)}
              {p.deferredToText ? <span className="muted"> (deferred to {p.deferredToText})</span> : null}
            </span>
            <span className="row-actions">
              <button type="button" className="button compact" onClick={() => onResolve(p, true)} aria-label={`Add “${p.title}” to this agenda`}>
                Add to agenda
              </button>
              <button type="button" className="button compact" onClick={() => onResolve(p, false)} aria-label={`Dismiss “${p.title}”`}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface EntryRowProps {
  entry: MattersArisingEntry;
  meetingId: string;
  /** The status shown: the one chosen here until it is read back as saved, else the saved one. */
  status: ActionStatus;
  readOnly: boolean;
  replacements: MattersArising['replacements'];
  onStatus: (actionId: string, status: ActionStatus) => void;
}

const EntryRow = memo(function EntryRow({ entry, meetingId, status, readOnly, replacements, onStatus }: EntryRowProps) {
  const queue = saveQueueFor(meetingId);
  const [text, setText] = useTypedOver(entry.update?.text ?? '');
  const [target, setTarget] = useTypedOver(entry.update?.supersededBy?.id ?? '');
  // What the saves send: the latest shown, and in event handlers the latest typed at once.
  const latest = useRef({ text, status, target });
  useEffect(() => {
    latest.current = { text, status, target };
  });
  const keys = { text: `arising:${entry.actionId}:text`, status: `arising:${entry.actionId}:status` };
  const textFailure = useFieldFailure(queue, keys.text);
  const statusFailure = useFieldFailure(queue, keys.status);
  const ref = entry.reference;
  const id = `arising-${entry.actionId}`;

  const saveStatus = (): void =>
    queue.schedule(
      keys.status,
      () => {
        const { status: s, target: t } = latest.current;
        return call('recordActionUpdate', { meetingId, actionId: entry.actionId, status: s, ...(s === 'superseded' ? { supersededBy: t } : {}) });
      },
      0,
    );

  const chooseStatus = (next: ActionStatus): void => {
    latest.current = { ...latest.current, status: next };
    onStatus(entry.actionId, next);
    // "Superseded" waits for the action that replaces it.
    if (next === 'superseded' && !latest.current.target) {
      queue.clearFailure(keys.status);
      return;
    }
    saveStatus();
  };

  const chooseTarget = (next: string): void => {
    latest.current = { ...latest.current, target: next };
    setTarget(next);
    if (next) saveStatus();
  };

  // This meeting's own actions and the others listed (the list follows actions typed in the minutes).
  const options = replacements.filter((o, i) => o.id !== entry.actionId && replacements.findIndex((p) => p.id === o.id) === i);

  return (
    <li className={`arising-entry status-${status}`} data-action-id={entry.actionId} data-reference={ref} aria-labelledby={`${id}-title`}>
      <div className="arising-head">
        <h3 id={`${id}-title`} className="arising-ref">
          <a href={hrefFor({ name: 'action', actionId: entry.actionId })}>{ref}</a>
        </h3>
        <span className="carried-badge" title={`Listed at ${entry.timesCarried} ${entry.timesCarried === 1 ? 'meeting' : 'meetings'}, this one included`}>
          Carried {entry.timesCarried}
        </span>
        {entry.overdue ? <span className="overdue-badge">Overdue</span> : null}
      </div>
      <p className="arising-details">{entry.details || <span className="muted">No details were typed.</span>}</p>
      <dl className="arising-facts">
        <div>
          <dt>Action</dt>
          <dd>{entry.owners.length ? formatOwners(entry.owners) : <span className="muted">No owner</span>}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{dueLabel(entry) || <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <a href={hrefFor({ name: 'meeting', meetingId: entry.origin.meetingId })}>{formatUkDate(entry.origin.meetingDate)}</a>
            {entry.origin.itemNumber ? `, item ${entry.origin.itemNumber}` : ''}
          </dd>
        </div>
      </dl>
      <p className="arising-latest">
        {entry.latestUpdate ? (
          <>
            <span className="muted">
              Last update, {formatUkDate(entry.latestUpdate.meetingDate)} ({ACTION_STATUS_LABEL[entry.latestUpdate.status].toLowerCase()}):
            </span>{' '}
            {entry.latestUpdate.text || <span className="muted">no words recorded</span>}
          </>
        ) : (
          <span className="muted">No update recorded before this meeting.</span>
        )}
      </p>
      <SinceLastMeeting entry={entry} />
      <div className="arising-progress">
        <div className={textFailure ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-text`}>Update at this meeting</label>
          <textarea
            id={`${id}-text`}
            aria-label={`Update, action ${ref}`}
            rows={1}
            value={text}
            readOnly={readOnly}
            maxLength={ARISING_LIMITS.updateText + 100}
            placeholder="Progress reported at this meeting"
            dir="auto"
            onChange={(e) => {
              latest.current = { ...latest.current, text: e.target.value };
              setText(e.target.value);
              queue.schedule(keys.text, () => call('recordActionUpdate', { meetingId, actionId: entry.actionId, text: latest.current.text }));
            }}
            onBlur={() => void queue.flush()}
          />
          {textFailure ? (
            <span className="field-error" role="alert">
              Not saved: {textFailure.message}
            </span>
          ) : null}
        </div>
        <div className={statusFailure ? 'field status-field has-error' : 'field status-field'}>
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            aria-label={`Status, action ${ref}`}
            value={status}
            disabled={readOnly}
            onChange={(e) => chooseStatus(e.target.value as ActionStatus)}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_CHOICE[s]}
              </option>
            ))}
          </select>
          {status === 'superseded' ? (
            <>
              <label htmlFor={`${id}-target`} className="target-label">
                Replaced by
              </label>
              <select
                id={`${id}-target`}
                aria-label={`Replaced by, action ${ref}`}
                value={target}
                disabled={readOnly}
                onChange={(e) => chooseTarget(e.target.value)}
              >
                <option value="">Choose the action that replaces it</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.reference}: {o.details.length > 60 ? `${o.details.slice(0, 60)}…` : o.details || 'no details'}
                  </option>
                ))}
              </select>
              {!target ? <span className="field-hint">Not saved until you choose the action that replaces it.</span> : null}
            </>
          ) : null}
          {statusFailure ? (
            <span className="field-error" role="alert">
              Not saved: {statusFailure.message}
            </span>
          ) : null}
        </div>
      </div>
    </li>
  );
});
