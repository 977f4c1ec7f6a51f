// The Electron checklist items that had no test: experimentalFeatures, enableBlinkFeatures,
// will-redirect, the permission check handler, the app:// handler's headers, the fuses, and a
// spellchecker that never downloads anything. Main runs against a stand-in 'electron' module.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recorded } from '../helpers/electron-stand-in';
import {
  APP_HOST,
  CONTENT_SECURITY_POLICY,
  createPrintWindow,
  DICTIONARY_DOWNLOAD_URL,
  hardenSession,
  spellcheckFromSystem,
} from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY as BROWSER_HOST_CSP } from '../../electron/serve';

vi.mock('electron', async () => (await import('../helpers/electron-stand-in')).electronStandIn());

afterAll(() => fs.rmSync(recorded.userData, { recursive: true, force: true }));

async function startMain(): Promise<void> {
  await import('../../electron/main/index');
  await recorded.ready;
  await vi.waitFor(() => expect(recorded.windows.length).toBeGreaterThanOrEqual(1));
}

const prefsOf = (options: Record<string, unknown>): Record<string, unknown> => options.webPreferences as Record<string, unknown>;

describe('the Electron checklist', () => {
  it('turns experimental features off and enables no Blink features, in every window', async () => {
    await startMain();
    const { BrowserWindow } = await import('electron');
    createPrintWindow(BrowserWindow);
    expect(recorded.windows.length).toBeGreaterThanOrEqual(2);
    for (const win of recorded.windows) {
      const prefs = prefsOf(win.options);
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    }
  });

  it('refuses redirects away from the app, in every window', async () => {
    await startMain();
    for (const win of recorded.windows) {
      const redirect = win.contentsEvents.get('will-redirect')!;
      for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://matters-arising.evil/index.html']) {
        const event = { preventDefault: vi.fn() };
        redirect(event, url);
        expect(event.preventDefault, url).toHaveBeenCalled();
      }
      const within = { preventDefault: vi.fn() };
      redirect(within, 'app://matters-arising/index.html');
      expect(within.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('answers every permission check and device request no', async () => {
    await startMain();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(recorded.permissionCheckHandler!({}, permission, `app://${APP_HOST}`, {}), permission).toBe(false);
    }
    expect(recorded.devicePermissionHandler!({ deviceType: 'usb', origin: `app://${APP_HOST}` })).toBe(false);
    const callback = vi.fn();
    recorded.permissionRequestHandler!({}, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('serves app:// with the strict Content-Security-Policy and nosniff headers, and nothing outside the app', async () => {
    await startMain();
    const handler = recorded.protocolHandlers.get('app')!;
    const response = (await handler({ url: 'app://matters-arising/index.html' })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(recorded.fetched.at(-1)).toMatch(/^file:\/\/.*[/\\]renderer[/\\]index\.html$/);
    for (const url of ['app://matters-arising/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 'app://other-host/index.html', 'app://matters-arising/%00.js']) {
      const refused = (await handler({ url })) as Response;
      expect(refused.status, url).toBe(404);
    }
  });

  it('has one strict policy for the window, the browser host and the page itself', () => {
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors works only as a header (both hosts send it); the page's own copy has the rest.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(BROWSER_HOST_CSP).toBe(CONTENT_SECURITY_POLICY);
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('packages with fuses that keep Node switches and foreign code out', () => {
    const yaml = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ \t]+\S.*\n)+)/m.exec(yaml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => line.trim().split(/:\s*/))
        .map(([k, v]) => [k, v === 'true']),
    );
    expect(fuses).toEqual({
      resetAdHocDarwinSignature: true,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });
});

describe('spellcheck without the network', () => {
  it('points the session’s dictionary downloads inside the app, and is off where only a download would give one', async () => {
    await startMain();
    expect(recorded.dictionaryDownloadUrls).toEqual([DICTIONARY_DOWNLOAD_URL]);
    const url = new URL(recorded.dictionaryDownloadUrls[0]!);
    expect(url.protocol).toBe('app:');
    expect(url.host).toBe(APP_HOST);
    expect(url.pathname.endsWith('/')).toBe(true);
    expect(recorded.spellCheckerEnabled).toEqual([spellcheckFromSystem(process.platform)]);
    expect(prefsOf(recorded.windows[0]!.options).spellcheck).toBe(spellcheckFromSystem(process.platform));
    // A dictionary asked for there is looked for as a file inside the app (there is none): never fetched from a server.
    const fetchedBefore = recorded.fetched.length;
    await recorded.protocolHandlers.get('app')!({ url: `${DICTIONARY_DOWNLOAD_URL}en-GB-10-1.bdic` });
    expect(recorded.fetched.slice(fetchedBefore)).toEqual([expect.stringMatching(/^file:\/\/.*[/\\]renderer[/\\]no-dictionary-downloads[/\\]en-GB-10-1\.bdic$/)]);
  });

  it('uses the system spellchecker on macOS only, and never a download URL outside the app', () => {
    for (const [platform, enabled] of [['darwin', true], ['win32', false], ['linux', false]] as const) {
      const calls: { url?: string; enabled?: boolean } = {};
      hardenSession(
        {
          setPermissionRequestHandler: () => undefined,
          setPermissionCheckHandler: () => undefined,
          setDevicePermissionHandler: () => undefined,
          setSpellCheckerDictionaryDownloadURL: (url: string) => {
            calls.url = url;
          },
          setSpellCheckerEnabled: (on: boolean) => {
            calls.enabled = on;
          },
        } as never,
        platform,
      );
      expect(calls, platform).toEqual({ url: DICTIONARY_DOWNLOAD_URL, enabled });
      expect(spellcheckFromSystem(platform)).toBe(enabled);
    }
  });
});

describe('the app:// protocol and links in the renderer folder', () => {
  it('serves the renderer’s own files and never one reached through a symbolic link', async () => {
    const os = await import('node:os');
    const { resolveAppPath } = await import('../../electron/main/security');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-app-protocol-'));
    try {
      const renderer = path.join(dir, 'renderer');
      fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'linked.js'));
      fs.symlinkSync(dir, path.join(renderer, 'linked-folder'));
      expect(resolveAppPath('app://matters-arising/assets/app.js', renderer)).toBe(path.join(renderer, 'assets', 'app.js'));
      expect(resolveAppPath('app://matters-arising/assets/linked.js', renderer)).toBeNull();
      expect(resolveAppPath('app://matters-arising/linked-folder/secret.txt', renderer)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
