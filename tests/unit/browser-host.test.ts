// The browser host: 127.0.0.1 only, a per-run token on every API call, foreign Host and
// Origin refused, no CORS, static files confined to the renderer folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../electron/serve';
import { tempDir } from '../helpers/temp';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start(): Promise<BrowserHost> {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Matters Arising</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
  hosts.push(host);
  return host;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(host: BrowserHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (host: BrowserHost, method: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  send(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(payload),
  });

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and prints an address carrying the token in its fragment', async () => {
    const host = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const other = await start();
    expect(other.token).not.toBe(host.token);
  });

  it('answers API calls that carry the token, and refuses those that do not', async () => {
    const host = await start();
    const created = await api(host, 'createBoard', { name: 'Executive Board' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Executive Board' } });

    for (const headers of [{ [TOKEN_HEADER]: '' }, { [TOKEN_HEADER]: 'wrong' }, { [TOKEN_HEADER]: `${host.token}x` }]) {
      const refused = await api(host, 'createBoard', { name: 'Intruder Board' }, headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    }
    const boards = JSON.parse((await api(host, 'listBoards', {})).body) as { value: { name: string }[] };
    expect(boards.value.map((b) => b.name)).toEqual(['Executive Board']);
  });

  it('refuses a foreign Host header (DNS rebinding) on pages and API alike', async () => {
    const host = await start();
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const page = await send(host, { path: '/', headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(403);
      const call = await api(host, 'listBoards', {}, { Host: hostHeader });
      expect(call.status).toBe(403);
    }
    expect((await send(host, { path: '/', headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin, and never sends CORS headers', async () => {
    const host = await start();
    const foreign = await api(host, 'createBoard', { name: 'Cross-site Board' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const nullOrigin = await api(host, 'createBoard', { name: 'Sandboxed Board' }, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const preflight = await send(host, {
      method: 'OPTIONS',
      path: '/api/createBoard',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    const own = await api(host, 'listBoards', {}, { Origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ ok: true, value: [] });
    for (const reply of [foreign, preflight, own]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses bad bodies with a typed error and changes nothing', async () => {
    const host = await start();
    const notJson = await send(host, {
      method: 'POST',
      path: '/api/createBoard',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{"name": "Exec',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const form = await send(host, {
      method: 'POST',
      path: '/api/createBoard',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', [TOKEN_HEADER]: host.token },
      body: 'name=Exec',
    });
    expect(form.status).toBe(415);
    const huge = await api(host, 'createBoard', { name: 'x'.repeat(33 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const unknown = await api(host, 'dropEverything', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.parse((await api(host, 'listBoards', {})).body)).toEqual({ ok: true, value: [] });
  });

  it('serves the app with a strict CSP and never a file outside the renderer folder', async () => {
    const host = await start();
    const index = await send(host, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Matters Arising</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(host, { path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await send(host, { path: '/boards/123' })).body).toContain('<title>Matters Arising</title>');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const reply = await send(host, { path: attempt });
      expect(reply.body, attempt).not.toContain('SECRET');
    }
  });
});
