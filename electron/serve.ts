// The browser host: the built renderer and the same core API over HTTP, on 127.0.0.1
// only, with a per-run token. Used by the tests, and by `npm start` where no Electron
// runtime is installed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BROWSER_TOKEN_HEADER, type ApiError } from '../shared/contract';
import { loadSampleOnStart, startCore, type Core } from './core/app';
import { argValue, resolveDataFile } from './core/paths';

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
}

export interface BrowserHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, token included (in the fragment, so it is never sent over HTTP). */
  readonly url: string;
  readonly core: Core;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Only our own origin may talk to us: a foreign Host means DNS rebinding, a foreign Origin a cross-site request. */
function allowedOrigins(port: number): { hosts: Set<string>; origins: Set<string> } {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { hosts, origins: new Set([...hosts].map((h) => `http://${h}`)) };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(core: Core, token: string, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API calls must use POST.');
  const given = req.headers[TOKEN_HEADER];
  if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
    return refuse(res, 401, 'unauthorised', 'This page is not signed in to Matters Arising. Open the address printed when the app started.');
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(res, 415, 'invalid_input', 'API calls must send JSON.');
  }
  const body = await readBody(req);
  if (body === 'too_large') return refuse(res, 413, 'invalid_input', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  let payload: unknown;
  try {
    payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'invalid_input', 'The request was not valid JSON.');
  }
  sendJson(res, 200, await core.callAsync(decodeURIComponent(method), payload));
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return refuse(res, 400, 'invalid_input', 'Bad address.');
  }
  const root = path.resolve(rendererDir);
  let file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) return refuse(res, 404, 'not_found', 'Not found.');
  // The app is one page: any route without a file extension gets index.html.
  if (file === root || (!path.extname(file) && !fs.existsSync(file))) file = path.join(root, 'index.html');
  fs.readFile(file, (err, data) => {
    if (err) return refuse(res, 404, 'not_found', 'Not found.');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': data.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(data);
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const core = await startCore(options.dataFile, {}, {
    quit: () => options.onQuit?.(),
    // The minutes' PDF comes back to the window to download; Chromium is started only to print.
    printPdf: async (html, print) => (await import('./pdf/print')).printHtmlToPdf(html, print),
  });
  let allowed = allowedOrigins(0);

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowed.hosts.has(host)) return refuse(res, 403, 'unauthorised', 'Requests must be addressed to 127.0.0.1.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.origins.has(origin)) return refuse(res, 403, 'unauthorised', 'Cross-origin requests are refused.');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    if (api?.[1]) {
      handleApi(core, token, api[1], req, res).catch((err: unknown) => {
        console.error('[serve] request failed', err);
        if (!res.headersSent) refuse(res, 500, 'internal', 'The request failed.');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_input', 'Method not allowed.');
    serveStatic(options.rendererDir, url.pathname, res);
  });

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
          core.close();
          resolve();
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
  const host: BrowserHost = await startBrowserHost({
    dataFile,
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
