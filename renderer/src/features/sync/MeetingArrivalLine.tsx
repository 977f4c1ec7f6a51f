// The line on a shared meeting's page while changes another laptop made to it are still on their
// way here (just joined, or just opened, and its document not yet fetched): the administrator sees
// why items may be missing instead of a meeting that looks empty or out of date. Nothing otherwise.
import { CHANGE_LOG_ENTITIES } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { meetingArrivalText } from './syncStatusText';

export function MeetingArrivalLine({ meetingId }: { meetingId: string }) {
  // Loaded again by what core pushes as changes arrive, and by this laptop's own changes.
  const arrival = useLiveQuery(() => call('meetingArrival', { meetingId }), [meetingId], { watches: [...CHANGE_LOG_ENTITIES, 'sync'] });
  const text = arrival.data ? meetingArrivalText(arrival.data) : null;
  if (!text) return null;
  return (
    <p className={`sync-status ${arrival.data?.connected ? 'sync-ok' : 'sync-offline'}`} role="status" aria-label="Changes arriving">
      {text}
    </p>
  );
}
