// The one place that says whether everything typed is safely saved.
import type { SaveQueue } from './saveQueue';
import { useSaveStatus } from './saveQueue';

export function SaveStatusLine({ queue }: { queue: SaveQueue }) {
  const status = useSaveStatus(queue);
  return (
    <div className={`save-status save-${status.state}`} role="status" aria-live="polite" data-testid="save-status">
      {status.state === 'saved' ? <span>All changes saved</span> : null}
      {status.state === 'saving' ? <span>Saving…</span> : null}
      {status.state === 'error' ? (
        <>
          <span>
            {status.retrying ? 'Not saved yet, trying again: ' : 'A change was not saved: '}
            {status.message}
            {status.retrying ? ' Keep typing; nothing is lost.' : ' What you typed is still on screen.'}
          </span>
          {status.retrying ? (
            <button type="button" className="button subtle" onClick={() => queue.retryNow()}>
              Try now
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
