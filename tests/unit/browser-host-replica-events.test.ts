// The browser host's push channel carries shared meetings' document updates for the page's
// replicas as their own event kind (`event: replica`) on the same stream as the changes, with the
// window each came from; a board's own document and unsigned pages get nothing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../electron/serve';
import { outsideAnyCall, reportSyncChanged } from '../../electron/core/store/changes';
import { pushDocUpdate, WindowOrigin } from '../../electron/core/replica/push';
import { boardDocName, meetingDocName } from '../../electron/core/sync/docNames';
import { isReplicaPush } from '../../shared/contract';
import { tempDir } from '../helpers/temp';

const hosts: BrowserHost[] = [];
const open: http.ClientRequest[] = [];
afterEach(async () => {
  for (const req of open.splice(0)) req.destroy();
  for (const host of hosts.splice(0)) await host.close();
});

const BOARD = '11111111-1111-4111-8111-111111111111';
const MEETING = '22222222-2222-4222-8222-222222222222';

/** The stream's events (kind and data) as they arrive. */
function follow(host: BrowserHost): Promise<{ next(): Promise<{ kind: string; data: unknown }> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { Host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token } }, (res) => {
      let text = '';
      const waiting: Array<() => void> = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const wake of waiting.splice(0)) wake();
      });
      const next = async (): Promise<{ kind: string; data: unknown }> => {
        for (;;) {
          const end = text.indexOf('\n\n');
          if (end >= 0) {
            const block = text.slice(0, end).split('\n');
            text = text.slice(end + 2);
            const data = block.find((l) => l.startsWith('data: '));
            if (!data) continue;
            const kind = block.find((l) => l.startsWith('event: '))?.slice('event: '.length) ?? 'message';
            return { kind, data: JSON.parse(data.slice('data: '.length)) };
          }
          await new Promise<void>((wake) => waiting.push(wake));
        }
      };
      resolve({ next });
    });
    open.push(req);
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host’s event stream and the replicas', () => {
  it('streams a meeting document’s update as a replica event, beside the changes', async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Matters Arising</title>');
    const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
    hosts.push(host);
    const stream = await follow(host);

    // The board's own document is core's alone: not pushed.
    pushDocUpdate(boardDocName(BOARD), new Uint8Array([0, 0]), null);
    pushDocUpdate(meetingDocName(BOARD, MEETING), new Uint8Array([1, 2, 3]), new WindowOrigin('window-1'));
    outsideAnyCall(() => reportSyncChanged(BOARD));
    pushDocUpdate(meetingDocName(BOARD, MEETING), new Uint8Array([4, 5]), Symbol('remote'));

    const first = await stream.next();
    expect(first.kind).toBe('replica');
    expect(isReplicaPush(first.data)).toBe(true);
    expect(first.data).toEqual({ meetingId: MEETING, update: Buffer.from([1, 2, 3]).toString('base64'), from: 'window-1' });
    expect(await stream.next()).toEqual({ kind: 'message', data: [{ entity: 'sync', id: BOARD }] });
    expect(await stream.next()).toEqual({ kind: 'replica', data: { meetingId: MEETING, update: Buffer.from([4, 5]).toString('base64'), from: null } });
  });
});
