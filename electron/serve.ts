// The browser host: the built renderer and the same core API over HTTP, on 127.0.0.1
// only, with a per-run token. Used by the tests, and by `npm start` where no Electron
// runtime is installed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BROWSER_TOKEN_HEADER, isMethodName, type ApiError, type MethodName } from '../shared/contract';
import { loadSampleOnStart, startCore, type Core } from './core/app';
import type { StoreKey } from './core/crypt/cipher';
import { crashAtEncryptStep, hostKey } from './hostKey';
import { argValue, resolveDataFile, usesDefaultDataFile } from './core/paths';
import { createPrivateFolder } from './core/db/private';
import { HEARTBEAT_MS, signedIn, streamChanges } from './serveEvents';

export const TOKEN_HEADER = BROWSER_TOKEN_HEADER;
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The same policy as renderer/index.html: scripts only from the app itself, no network. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface BrowserHostOptions {
  dataFile: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Called when the user chooses Quit in the app. */
  onQuit?: () => void;
  /** How long a client may take; small values in tests. */
  timeouts?: Partial<HostTimeouts>;
  /** The data file's key (crypt/keySource.ts); left out, MATTERS_ARISING_KEY. */
  key?: StoreKey | null;
}

export interface HostTimeouts {
  /** To send the request line and headers. */
  headersMs: number;
  /** To send the whole request, body included. */
  requestMs: number;
  /** Of silence on a connection, whatever it is doing, before it is closed. */
  idleMs: number;
  /** Between two requests on a kept-alive connection. */
  keepAliveMs: number;
  /** How often the headers and request timeouts are checked. */
  checkEveryMs: number;
}

/** A PDF export can keep a connection quiet for a while; sending a request never needs long on 127.0.0.1. */
export const DEFAULT_TIMEOUTS: HostTimeouts = { headersMs: 10_000, requestMs: 60_000, idleMs: 300_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

export interface BrowserHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, token included (in the fragment, so it is never sent over HTTP). */
  readonly url: string;
  readonly core: Core;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: ApiError['code'], message: string, extraHeaders?: Record<string, string>): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extraHeaders);
}

/** Only our own origin may talk to us: a foreign Host means DNS rebinding, a foreign Origin a cross-site request. */
function allowedOrigins(port: number): { hosts: Set<string>; origins: Set<string> } {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { hosts, origins: new Set([...hosts].map((h) => `http://${h}`)) };
}

/** The media type must be exactly application/json (any charset given must be UTF-8): never a prefix match. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [key, value] = param.split('=').map((part) => part.trim().toLowerCase());
    return key !== 'charset' || value === 'utf-8' || value === '"utf-8"';
  });
}

const TOO_LARGE = `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`;

/** Reads the body up to the limit; past it, stops reading and says so (the caller answers 413 and closes). */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.pause();
        resolve('too_large');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Answers 413 at once and closes the connection. What is still coming of the body is read and
 * dropped (never kept), up to the limit again, so an honest client reads the answer rather
 * than a reset; a client that keeps sending past that is cut off.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  const socket = req.socket;
  // With "Connection: close" Node destroys the socket once the answer is written, resetting a
  // client still sending; only half-close it, and let the client finish or be cut off below.
  socket.destroySoon = () => socket.end();
  refuse(res, 413, 'invalid_input', TOO_LARGE, { Connection: 'close' });
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_BODY_BYTES) socket.destroy();
  });
  req.resume();
}

async function handleApi(core: Core, token: string, method: MethodName, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API calls must use POST.');
  if (!signedIn(req, token)) {
    return refuse(res, 401, 'unauthorised', 'This page is not signed in to Matters Arising. Open the address printed when the app started.');
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return refuse(res, 415, 'invalid_input', 'API calls must send JSON.');
  }
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);
  const body = await readBody(req);
  if (body === 'too_large') return refuseTooLarge(req, res);
  let payload: unknown;
  try {
    payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'invalid_input', 'The request was not valid JSON.');
  }
  sendJson(res, 200, await core.callAsync(method, payload));
}

/** Where a request goes: decided by exact names, never by a prefix of a path on disk. */
export type Route =
  | { to: 'api'; method: MethodName }
  | { to: 'unknown_method'; name: string }
  | { to: 'static'; name: string }
  | { to: 'events' }
  | { to: 'bad_address' };

export function routeOf(rawUrl: string | undefined): Route {
  let pathname: string;
  try {
    // Only the path matters; the base is a placeholder (the Host header is checked separately).
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return { to: 'bad_address' };
  }
  if (pathname.includes('\0')) return { to: 'bad_address' };
  if (pathname === '/events') return { to: 'events' };
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    const name = pathname.slice('/api/'.length);
    return isMethodName(name) ? { to: 'api', method: name } : { to: 'unknown_method', name };
  }
  return { to: 'static', name: pathname };
}

/**
 * The built renderer, listed once at start: the only files the host ever serves, found by
 * their exact names. Symbolic links are not followed (a link is not listed, nor is what is
 * under a linked folder), and a file is opened with O_NOFOLLOW in case one is swapped in later.
 */
export function listStaticFiles(rendererDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.set(`${prefix}${entry.name}`, full);
    }
  };
  walk(path.resolve(rendererDir), '/');
  return files;
}

const NO_FOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

function serveStatic(files: ReadonlyMap<string, string>, name: string, res: http.ServerResponse): void {
  let key = name === '/' ? '/index.html' : name;
  // The app is one page: any route without a file extension gets index.html.
  if (!files.has(key) && !path.posix.extname(key)) key = '/index.html';
  const file = files.get(key);
  if (!file) return refuse(res, 404, 'not_found', 'Not found.');
  readNoFollow(file).then(
    (data) => {
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': data.length,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': key === '/index.html' ? 'no-store' : 'max-age=3600',
      });
      res.end(data);
    },
    () => refuse(res, 404, 'not_found', 'Not found.'),
  );
}

async function readNoFollow(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, NO_FOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const core = await startCore(options.dataFile, options.key === undefined ? {} : { key: options.key }, {
    quit: () => options.onQuit?.(),
    encryptStep: crashAtEncryptStep(),
    // The minutes' PDF comes back to the window to download; Chromium is started only to print.
    printPdf: async (html, print) => (await import('./pdf/print')).printHtmlToPdf(html, print),
  });
  const files = listStaticFiles(options.rendererDir);
  let allowed = allowedOrigins(0);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const host = req.headers.host ?? '';
    if (!allowed.hosts.has(host)) return refuse(res, 403, 'unauthorised', 'Requests must be addressed to 127.0.0.1.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.origins.has(origin)) return refuse(res, 403, 'unauthorised', 'Cross-origin requests are refused.');
    const route = routeOf(req.url);
    switch (route.to) {
      case 'bad_address':
        return refuse(res, 400, 'invalid_input', 'Bad address.');
      case 'unknown_method':
        return refuse(res, 404, 'unknown_method', `There is no API method called ${JSON.stringify(route.name).slice(0, 80)}.`);
      case 'api':
        handleApi(core, token, route.method, req, res).catch((err: unknown) => {
          console.error('[serve] request failed:', (err as Error).message);
          if (!res.headersSent) refuse(res, 500, 'internal', 'The request failed.');
        });
        return;
      case 'static':
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_input', 'Method not allowed.');
        return serveStatic(files, route.name, res);
      case 'events':
        if (!signedIn(req, token)) return refuse(res, 401, 'unauthorised', 'This page is not signed in to Matters Arising.');
        return streamChanges(core, req, res, Math.min(HEARTBEAT_MS, timeouts.idleMs / 2));
    }
  };

  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    (req, res) => {
      try {
        handle(req, res);
      } catch (err) {
        // Nothing a request sends may take the host down.
        console.error('[serve] request failed:', (err as Error).message);
        if (!res.headersSent) refuse(res, 500, 'internal', 'The request failed.');
      }
    },
  );
  // A connection that goes quiet (a slow or stalled client) is closed rather than held open.
  server.setTimeout(timeouts.idleMs, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  allowed = allowedOrigins(port);

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          // A backup being taken is written on a worker thread that closing the file does not stop:
          // it is let finish, so the host leaves the backup folder whole (never a .partial behind).
          void core
            .backupsSettled()
            .then(() => core.close())
            // The Chromium kept warm for printing ends with the host.
            .then(() => import('./pdf/print'))
            .then((print) => print.closePrinter())
            .finally(resolve);
        });
      }),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = argValue(argv, 'renderer') ?? path.resolve(here, '../renderer');
  const portText = argValue(argv, 'port') ?? process.env.MATTERS_ARISING_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Matters Arising: --port must be a number from 0 to 65535, not "${portText}".`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`Matters Arising: the app has not been built (no ${path.join(rendererDir, 'index.html')}). Run "npm run build" first.`);
    process.exit(2);
  }
  const dataFile = resolveDataFile(argv);
  // The app's own folder is made on first run; a folder the user named must already be there.
  if (usesDefaultDataFile(argv)) createPrivateFolder(path.dirname(dataFile));
  const key = await hostKey(dataFile);
  const host: BrowserHost = await startBrowserHost({
    dataFile,
    key,
    rendererDir,
    port,
    onQuit: () => {
      console.log('Matters Arising was closed from the app.');
      void host.close().then(() => process.exit(0));
    },
  });
  if (host.core.status.state === 'problem') {
    const { problem } = host.core.status;
    console.error(`Matters Arising: ${problem.title}. ${problem.message} ${problem.advice}`);
  }
  if (argv.includes('--sample')) console.log(loadSampleOnStart(host.core));
  console.log(`Matters Arising data file: ${dataFile}`);
  console.log(`Matters Arising is running. Open this address in your browser: ${host.url}`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error('Matters Arising could not start:', err);
    process.exit(1);
  });
}
