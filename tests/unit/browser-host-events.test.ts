// The browser host's push channel (/events): what core changes outside any call reaches a
// signed-in page as server-sent events; what a call changes stays in that call's answer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../electron/serve';
import { outsideAnyCall, reportSyncChanged } from '../../electron/core/store/changes';
import { tempDir } from '../helpers/temp';

const hosts: BrowserHost[] = [];
const open: http.ClientRequest[] = [];
afterEach(async () => {
  for (const req of open.splice(0)) req.destroy();
  for (const host of hosts.splice(0)) await host.close();
});

async function start(): Promise<BrowserHost> {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Matters Arising</title>');
  const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
  hosts.push(host);
  return host;
}

interface Stream {
  status: number;
  contentType: string | undefined;
  /** Resolves with the next event's data once the text received holds it. */
  next(): Promise<unknown>;
}

function follow(host: BrowserHost, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let text = '';
      const waiting: Array<() => void> = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const wake of waiting.splice(0)) wake();
      });
      const next = async (): Promise<unknown> => {
        for (;;) {
          const match = /^data: (.*)\n\n/m.exec(text);
          if (match?.[1]) {
            text = text.slice(match.index + match[0].length);
            return JSON.parse(match[1]);
          }
          await new Promise<void>((wake) => waiting.push(wake));
        }
      };
      resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], next });
    });
    open.push(req);
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host’s event stream', () => {
  it('refuses a page that is not signed in', async () => {
    const host = await start();
    expect((await follow(host, {})).status).toBe(401);
    expect((await follow(host, { [TOKEN_HEADER]: 'not-the-token' })).status).toBe(401);
  });

  it('streams what changes outside any call, and not what a call changes (its answer says so)', async () => {
    const host = await start();
    const stream = await follow(host, { [TOKEN_HEADER]: host.token });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    // A call's own change is in its answer, not on the stream: the next event is the background one.
    const made = (await host.core.callAsync('createBoard', { name: 'Audit and Risk Committee' })) as { ok: boolean; changes?: unknown[] };
    expect(made.ok).toBe(true);
    expect(made.changes?.length).toBeGreaterThan(0);
    outsideAnyCall(() => reportSyncChanged('board-1'));
    expect(await stream.next()).toEqual([{ entity: 'sync', id: 'board-1' }]);
  });
});
