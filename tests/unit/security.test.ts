// electron/main/security.ts: URL checks parse, never substring-match; app:// cannot climb out.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalLinkAllowed, isTrustedSender, resolveAppPath } from '../../electron/main/security';

const root = path.resolve('/opt/matters-arising/renderer');

describe('the app:// protocol', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath('app://matters-arising/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://matters-arising/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://matters-arising/assets/index-1.js?x=1#y', root)).toBe(path.join(root, 'assets', 'index-1.js'));
  });

  it('never resolves outside the renderer folder, however the path is spelled', () => {
    for (const url of [
      'app://matters-arising/../../../etc/passwd',
      'app://matters-arising/%2e%2e/%2e%2e/etc/passwd',
      'app://matters-arising/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://matters-arising/..%2f..%2fsecret',
      'app://matters-arising/assets/..\\..\\..\\secret',
    ]) {
      const resolved = resolveAppPath(url, root);
      expect(resolved === null || resolved.startsWith(root + path.sep), `${url} -> ${resolved}`).toBe(true);
    }
    expect(resolveAppPath('app://matters-arising/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', root)).toBeNull();
  });

  it('refuses foreign origins, NUL bytes and malformed escapes', () => {
    for (const url of [
      'app://matters-arising/%00.html',
      'app://matters-arising/%E0%A4%A',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
});

describe('URL checks', () => {
  it('recognises only our own origin', () => {
    expect(isAppUrl('app://matters-arising/index.html')).toBe(true);
    expect(isAppUrl('app://matters-arising.evil.com/index.html')).toBe(false);
    expect(isAppUrl('https://matters-arising/app://matters-arising/')).toBe(false);
    expect(isAppUrl('http://127.0.0.1/')).toBe(false);
  });

  it('trusts only the main frame of our own page', () => {
    const main = { url: 'app://matters-arising/index.html' };
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ url: main.url }, main)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens only web and mail links outside the app', () => {
    expect(isExternalLinkAllowed('https://www.southwark.gov.uk/')).toBe(true);
    expect(isExternalLinkAllowed('mailto:board@example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'nonsense']) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});

describe('links that leave the app', () => {
  function contents() {
    const handlers: { open?: (details: { url: string }) => { action: string } } = {};
    const fake = {
      on: () => fake,
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        handlers.open = handler;
      },
    };
    return { fake, handlers };
  }

  it('open in the browser only for http(s)/mailto, and only after the user confirms', async () => {
    const { hardenWebContents } = await import('../../electron/main/security');
    const asked: string[] = [];
    const opened: string[] = [];
    let answer = true;
    const { fake, handlers } = contents();
    hardenWebContents(fake as never, {
      confirm: async (url) => {
        asked.push(url);
        return answer;
      },
      open: async (url) => {
        opened.push(url);
      },
    });
    expect(handlers.open!({ url: 'https://www.southwark.gov.uk/minutes' })).toEqual({ action: 'deny' });
    answer = false;
    expect(handlers.open!({ url: 'mailto:board@example.org' })).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://matters-arising/index.html']) {
      expect(handlers.open!({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(['https://www.southwark.gov.uk/minutes', 'mailto:board@example.org']);
    expect(opened).toEqual(['https://www.southwark.gov.uk/minutes']);
  });
});
