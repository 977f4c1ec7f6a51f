// What core changes outside any call (another laptop's edits arriving through sync, a shared
// board's status) reaches the change feed here, as answers' changes do in client.ts: from main
// through the desktop bridge, or from the browser host's event stream.
import { BROWSER_TOKEN_HEADER, isReplicaPush, type Changed } from '../../../shared/contract';
import { changeFeed } from './changes';
import { desktop } from './desktop';
import { replicaFeed } from './replicaFeed';

/** How long to wait before opening the stream again after it drops (the last one repeats). */
const RETRY_MS = [1_000, 2_000, 5_000, 15_000];

const publish = (changes: readonly Changed[]): void => changeFeed.publish({ changes, origin: null });

/** Starts passing pushed changes to the feed, for the page's whole life. */
export function listenForPushedChanges(token: string | null): void {
  const bridge = desktop();
  if (bridge) {
    bridge.onChanges(publish);
    bridge.onReplicaUpdate((push) => replicaFeed.publish(push));
    return;
  }
  if (token) void follow(token, 0);
}

async function follow(token: string, attempt: number): Promise<void> {
  let next = attempt + 1;
  try {
    const response = await fetch('/events', { headers: { [BROWSER_TOKEN_HEADER]: token } });
    // A page that is not signed in has nothing to follow; asking again would not change that.
    if (response.status === 401) return;
    if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
    next = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = event.split('\n');
        // The stream (re)opened: replicas read their documents again for anything missed meanwhile.
        if (lines.includes(': open')) replicaFeed.reopened();
        // A shared meeting's document update, for the replicas; any other event is a list of changes.
        const replica = lines.includes('event: replica');
        for (const line of lines) {
          if (!line.startsWith('data: ')) continue;
          const data: unknown = JSON.parse(line.slice('data: '.length));
          if (replica) {
            if (isReplicaPush(data)) replicaFeed.publish(data);
          } else publish(data as Changed[]);
        }
      }
    }
  } catch {
    // The host went away or the stream broke: try again, less often each time.
  }
  setTimeout(() => void follow(token, next), RETRY_MS[Math.min(next, RETRY_MS.length - 1)]);
}
