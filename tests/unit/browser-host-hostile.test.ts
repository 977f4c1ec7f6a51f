// The browser host against hostile requests, with or without the token: NUL bytes and broken
// escapes in the address, look-alike routes and content types, bodies over the limit, slow
// clients and symbolic links in the renderer folder. Each gets a plain refusal, and the host
// keeps serving.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBrowserHost, TOKEN_HEADER, type BrowserHost, type BrowserHostOptions } from '../../electron/serve';
import { tempDir } from '../helpers/temp';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start(options: Partial<BrowserHostOptions> = {}): Promise<{ host: BrowserHost; dir: string; rendererDir: string }> {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Matters Arising</title>');
  fs.writeFileSync(path.join(rendererDir, 'favicon.ico'), 'ICON');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.mkdirSync(path.join(dir, 'outside'));
  fs.writeFileSync(path.join(dir, 'outside', 'secret.txt'), 'SECRET');
  fs.symlinkSync(path.join(dir, 'outside', 'secret.txt'), path.join(rendererDir, 'assets', 'linked.js'));
  fs.symlinkSync(path.join(dir, 'outside'), path.join(rendererDir, 'linked-folder'));
  const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir, ...options });
  hosts.push(host);
  return { host, dir, rendererDir };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(host: BrowserHost, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string }): Promise<Reply> {
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

const apiHeaders = (host: BrowserHost, contentType = 'application/json'): Record<string, string> => ({
  'Content-Type': contentType,
  [TOKEN_HEADER]: host.token,
});

/** Writes raw bytes on a socket and collects whatever comes back until the server closes it. */
function rawExchange(host: BrowserHost, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    // A reset after the answer is the host closing on a client that sent too much: what came back is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      if (bytes) socket.write(bytes);
    });
  });
}

async function stillServing(host: BrowserHost): Promise<void> {
  const index = await send(host, { path: '/' });
  expect(index.status).toBe(200);
  expect(index.body).toContain('<title>Matters Arising</title>');
}

describe('the browser host and hostile addresses', () => {
  it('refuses NUL bytes in any address, without a token, and keeps serving', async () => {
    const { host } = await start();
    for (const address of ['/favicon.ico%00', '/%00.js', '/index.html%00.js', '/assets/app.js%00', '/%00', '/boards%00/1']) {
      const reply = await send(host, { path: address });
      expect(reply.status, address).toBe(400);
      expect(JSON.parse(reply.body), address).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await stillServing(host);
    }
    expect((await send(host, { path: '/favicon.ico' })).body).toBe('ICON');
  });

  it('answers broken escapes in an API address with a plain 400, never a 500 or a stack trace', async () => {
    const { host } = await start();
    for (const address of ['/api/%', '/api/%E0%A4%A', '/api/create%ZZBoard', '/%E0%A4%A']) {
      const reply = await send(host, { method: 'POST', path: address, headers: apiHeaders(host), body: '{}' });
      expect(reply.status, address).toBe(400);
      expect(reply.body, address).not.toMatch(/\bat \S+ \(|URIError|node:internal/);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Bad address.' } });
    }
    await stillServing(host);
  });

  it('routes API calls by their exact method name only', async () => {
    const { host } = await start();
    for (const address of ['/api', '/api/', '/api/listBoards/', '/api/listBoards/x', '/api/listboards', '/api/constructor', '/api/__proto__', '/api/toString']) {
      const reply = await send(host, { method: 'POST', path: address, headers: apiHeaders(host), body: '{}' });
      expect(reply.status, address).toBe(404);
      expect(JSON.parse(reply.body), address).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    const exact = await send(host, { method: 'POST', path: '/api/listBoards', headers: apiHeaders(host), body: '{}' });
    expect(JSON.parse(exact.body)).toEqual({ ok: true, value: [] });
    const escaped = await send(host, { method: 'POST', path: '/api/list%42oards', headers: apiHeaders(host), body: '{}' });
    expect(JSON.parse(escaped.body)).toEqual({ ok: true, value: [] });
  });

  it('accepts only the JSON media type itself, not look-alikes', async () => {
    const { host } = await start();
    for (const type of ['application/jsonx', 'application/json-patch+json', 'application/json5', 'text/plain; application/json', 'application/json; charset=latin1', '']) {
      const reply = await send(host, { method: 'POST', path: '/api/createBoard', headers: apiHeaders(host, type), body: '{"name":"Look-alike Board"}' });
      expect(reply.status, type).toBe(415);
    }
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']) {
      const reply = await send(host, { method: 'POST', path: '/api/listBoards', headers: apiHeaders(host, type), body: '{}' });
      expect(reply.status, type).toBe(200);
    }
    expect(JSON.parse((await send(host, { method: 'POST', path: '/api/listBoards', headers: apiHeaders(host), body: '{}' })).body)).toEqual({ ok: true, value: [] });
  });
});

describe('the browser host and large or slow requests', () => {
  it('refuses a body declared over the limit before reading any of it', async () => {
    const { host } = await start();
    // The headers promise 200 MB; not one byte of it is sent, and the answer still comes.
    const reply = await rawExchange(
      host,
      `POST /api/createBoard HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('larger than 32 MB');
    await stillServing(host);
  });

  it('stops reading a body sent without a length once it passes the limit', async () => {
    const { host } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/createBoard',
          headers: { Host: `127.0.0.1:${host.port}`, ...apiHeaders(host), 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      let answered = false;
      // Send a little past the limit and then hold the request open: the answer must not wait for its end.
      const pump = (): void => {
        while (!answered && sent <= MAX_BODY_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      req.on('response', () => {
        answered = true;
      });
      pump();
    });
    expect(status).toBe(413);
    await stillServing(host);
  });

  it('closes a connection whose headers never finish', async () => {
    const { host } = await start({ timeouts: { headersMs: 150, requestMs: 300, checkEveryMs: 20 } });
    const reply = await rawExchange(host, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    await stillServing(host);
  });

  it('closes a connection whose body never finishes', async () => {
    const { host } = await start({ timeouts: { headersMs: 150, requestMs: 300, checkEveryMs: 20 } });
    const reply = await rawExchange(
      host,
      `POST /api/createBoard HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\nContent-Length: 1000\r\n\r\n{"name":`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse((await send(host, { method: 'POST', path: '/api/listBoards', headers: apiHeaders(host), body: '{}' })).body)).toEqual({ ok: true, value: [] });
  });

  it('closes a connection that sends nothing at all', async () => {
    const { host } = await start({ timeouts: { headersMs: 150, requestMs: 300, idleMs: 200, checkEveryMs: 20 } });
    expect(await rawExchange(host, '')).toMatch(/^(HTTP\/1\.1 408 |)/);
    await stillServing(host);
  });
});

describe('the browser host and the renderer folder', () => {
  it('serves files by their names in the built folder, never through a symbolic link', async () => {
    const { host } = await start();
    expect((await send(host, { path: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const address of ['/assets/linked.js', '/linked-folder/secret.txt', '/linked-folder/../outside/secret.txt']) {
      const reply = await send(host, { path: address });
      expect(reply.status, address).toBe(404);
      expect(reply.body, address).not.toContain('SECRET');
    }
    // An extensionless route is the app's own page, still not a linked file.
    expect((await send(host, { path: '/linked-folder' })).body).toContain('<title>Matters Arising</title>');
  });

  it('does not serve a file swapped for a link after the host started', async () => {
    const { host, dir, rendererDir } = await start();
    const file = path.join(rendererDir, 'assets', 'app.js');
    fs.rmSync(file);
    fs.symlinkSync(path.join(dir, 'outside', 'secret.txt'), file);
    const reply = await send(host, { path: '/assets/app.js' });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('SECRET');
  });
});
