// The browser host's push channel: what core changes outside any call (another laptop's edits
// arriving through sync, a shared board's status) streamed to the page as server-sent events,
// so its live queries load again as they do after the page's own calls.
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { BROWSER_TOKEN_HEADER, type Changed, type ReplicaPush } from '../shared/contract';
import type { Core } from './core/app';

/** Whether a request carries the host's per-run token (compared in constant time). */
export function signedIn(req: http.IncomingMessage, token: string): boolean {
  const header = req.headers[BROWSER_TOKEN_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Well inside the host's idle timeout, so a quiet stream is not taken for a stalled client. */
export const HEARTBEAT_MS = 20_000;

/** Streams background changes to one page until it goes away; the request must be signed in. */
export function streamChanges(core: Pick<Core, 'onChanges' | 'onReplicaUpdate'>, req: http.IncomingMessage, res: http.ServerResponse, heartbeatMs: number = HEARTBEAT_MS): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // The first line tells the page the stream is open (it reloads what it may have missed before).
  res.write(': open\n\n');
  const send = (changes: readonly Changed[]): void => {
    res.write(`data: ${JSON.stringify(changes)}\n\n`);
  };
  const stop = core.onChanges(send);
  // Shared meetings' document updates, for the page's replicas: the same stream, their own event kind.
  const stopReplica = core.onReplicaUpdate((push: ReplicaPush) => {
    res.write(`event: replica\ndata: ${JSON.stringify(push)}\n\n`);
  });
  const beat = setInterval(() => res.write(': still here\n\n'), heartbeatMs);
  const end = (): void => {
    stop();
    stopReplica();
    clearInterval(beat);
  };
  req.on('close', end);
  res.on('close', end);
}
